import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { towns } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import { saveDirectoryRecord } from "../directory/write";
import { saveEvent, setEventCancelled } from "../events/write";
import { staffHarness } from "../shared/test-staff";
import { checkNoteReferences, getNoteFormOptions, getNoteFormOptionsIn } from "./choices";

/*
 * The note form's lists come through the data cache (db/cache.ts). Here Next's
 * unstable_cache and revalidateTag keep their entries in the server's own cache handler
 * (server/cache/handler.mjs, which also shares invalidations between instances), and the
 * server's database is this file's: what staff save must show on the next form load.
 */

const testDb = vi.hoisted(() => ({ current: null as Database | null }));

vi.mock("@/db/runtime", () => ({
  getDb: async () => {
    if (!testDb.current) throw new Error("the test database is not open yet");
    return testDb.current;
  },
}));

vi.mock("next/cache", async () => {
  const { default: Handler } = await import("@/server/cache/handler.mjs");
  const handler = new Handler();
  return {
    unstable_cache:
      <Args extends unknown[], R>(
        fn: (...args: Args) => Promise<R>,
        keyParts: string[],
        options: { tags: string[] },
      ) =>
      async (...args: Args): Promise<R> => {
        const key = JSON.stringify([keyParts, args]);
        const hit = await handler.get(key, { tags: options.tags });
        if (hit) return hit.value as R;
        const value = await fn(...args);
        await handler.set(key, value, { tags: options.tags });
        return value;
      },
    revalidateTag: (tag: string) => {
      void handler.revalidateTag(tag);
    },
  };
});

const staff = staffHarness();
const noContact = { address: "", contactPerson: "", contactPhone: "", openingHours: "" };

describe(`the note form's lists, cached, on ${driverLabel()}`, () => {
  it("shows a town staff add or rename, and an event staff add or cancel, on the next load", async () => {
    const { db, admin } = staff;
    testDb.current = db;
    const names = async () => (await getNoteFormOptions(new Date())).towns.map((t) => t.name);

    const before = await getNoteFormOptions(new Date());
    // The same lists as the uncached read.
    expect(before).toEqual(await getNoteFormOptionsIn(db, new Date()));
    expect(await names()).not.toContain("运河新区");

    const town = {
      slug: "yunhe-xinqu",
      name: "运河新区",
      kind: "subdistrict" as const,
      sortOrder: 99,
    };
    const { id } = await saveDirectoryRecord(admin, "towns", null, { ...town, ...noContact });
    expect(await names()).toContain("运河新区");

    await saveDirectoryRecord(admin, "towns", id, { ...town, name: "运河新城", ...noContact });
    expect(await names()).toContain("运河新城");
    expect(await names()).not.toContain("运河新区");

    const startsAt = new Date(Date.now() - 3_600_000);
    const event = await saveEvent(admin, null, {
      title: "运河新城委员走访",
      kind: "consultation",
      serviceType: null,
      summary: "走访新城社区。",
      body: "",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      townId: id,
      venue: "运河新城社区服务中心",
      campaignId: null,
      topicId: null,
      openToPublic: false,
      capacity: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
      sectorIds: [],
      organisationIds: [staff.ids.xinchengOffice],
    });
    const eventNames = async () => (await getNoteFormOptions(new Date())).events.map((e) => e.name);
    expect(await eventNames()).toContain("运河新城委员走访");

    await setEventCancelled(admin, event.id, true, "改期");
    expect(await eventNames()).not.toContain("运河新城委员走访");
    expect(await getNoteFormOptions(new Date())).toEqual(
      await getNoteFormOptionsIn(db, new Date()),
    );
  });

  it("refuses ids that name nothing and accepts a town the cached list does not have yet", async () => {
    const { db } = staff;
    testDb.current = db;
    const messages = { town: "town", sector: "sector", event: "event", topic: "topic" };
    const options = await getNoteFormOptions(new Date());
    const listed = {
      townId: options.towns[0]?.id ?? null,
      sectorId: options.sectors[0]?.id ?? null,
      eventId: options.events[0]?.id ?? null,
      topicId: options.topics[0]?.id ?? null,
    };
    expect(await checkNoteReferences(listed, messages)).toEqual({});
    const none = { townId: 999_999, sectorId: 999_998, eventId: 999_997, topicId: 999_996 };
    expect(await checkNoteReferences(none, messages)).toEqual({
      townId: "town",
      sectorId: "sector",
      eventId: "event",
      topicId: "topic",
    });
    // Added behind the cache's back, as on another instance before its invalidation arrives.
    const [added] = await db
      .insert(towns)
      .values({ slug: "xin-zhen", name: "新镇", kind: "town", sortOrder: 100 })
      .returning({ id: towns.id });
    expect((await getNoteFormOptions(new Date())).towns.map((t) => t.id)).not.toContain(added?.id);
    expect(await checkNoteReferences({ ...listed, townId: added?.id ?? null }, messages)).toEqual(
      {},
    );
  });
});
