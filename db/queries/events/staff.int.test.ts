import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  eventOrganisers,
  events,
  organisations,
  searchDocuments,
  sectors,
  towns,
} from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { auditCount, expectAppError, slugId, staffHarness } from "../shared/test-staff";
import { selectEventScope } from "./scope";
import { listAdminEventsIn, selectEventFormOptions } from "./staff";
import { saveEventIn, setEventCancelledIn } from "./write";

/** The events editor as staff use it: organisers within the editor's office, cancelling. */

const staff = staffHarness();

describe(`events editor on ${driverLabel()}`, () => {
  const base = () => ({
    title: "共富集市摊主座谈",
    kind: "consultation" as const,
    serviceType: null,
    summary: "听摊主说说集市怎么办得更好。",
    body: "",
    startsAt: new Date(Date.now() + 10 * 86_400_000),
    endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000),
    townId: null,
    venue: "区政协委员会客厅",
    campaignId: null,
    topicId: null,
    openToPublic: true,
    capacity: 2,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sectorIds: [] as number[],
    organisationIds: [staff.ids.xinchengOffice],
  });

  it("lets an editor create events of their own office only", async () => {
    const { db, editor, ids } = staff;
    await expectAppError(
      saveEventIn(db, editor, null, { ...base(), organisationIds: [ids.otherOffice] }),
      "out_of_scope",
      "organisers",
    );
    const { id } = await saveEventIn(db, editor, null, base());
    const scope = await selectEventScope(db, id);
    expect(scope?.organisationIds).toEqual([ids.xinchengOffice]);
    expect(await auditCount(db, "event.create", id)).toBe(1);
    const listed = await listAdminEventsIn(db, editor.user, {
      filter: "upcoming",
      q: "摊主座谈",
      page: 1,
    });
    expect(listed.rows.map((r) => r.id)).toContain(id);
    // Someone else's event is invisible and cannot be edited.
    const [other] = await db
      .select({ id: eventOrganisers.eventId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.organisationId, ids.otherOffice))
      .limit(1);
    await expectAppError(saveEventIn(db, editor, other?.id ?? 0, base()), "not_found");
  });

  it("cancels and restores, each once, audited, the search entry kept", async () => {
    const { db, admin, editor } = staff;
    const { id } = await saveEventIn(db, admin, null, base());
    await setEventCancelledIn(db, editor, id, true, "场地冲突");
    const [row] = await db.select({ status: events.status }).from(events).where(eq(events.id, id));
    expect(row?.status).toBe("cancelled");
    await expectAppError(setEventCancelledIn(db, editor, id, true), "invalid_state");
    expect(await auditCount(db, "event.cancel", id)).toBe(1);
    await setEventCancelledIn(db, admin, id, false);
    expect(await auditCount(db, "event.restore", id)).toBe(1);
    expect(
      await db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.kind, "event"), eq(searchDocuments.refId, id))),
    ).toHaveLength(1);
  });

  it("lets an editor link only their own office as organiser and its town, on create and edit", async () => {
    const { db, admin, editor, ids } = staff;
    const ownTown = await slugId(db, towns, "xincheng-jiedao");
    const otherTown = await slugId(db, towns, "honghe-zhen");
    const committee = await slugId(db, organisations, "nongye-nongcun-wei");
    const snapshot = async () => ({
      events: await db.select().from(events).orderBy(events.id),
      organisers: await db.select().from(eventOrganisers).orderBy(eventOrganisers.id),
      audit: (await db.select({ id: auditLog.id }).from(auditLog)).length,
    });

    // Create: another sector, another body or another town beside their own office: refused.
    const before = await snapshot();
    await expectAppError(
      saveEventIn(db, editor, null, { ...base(), sectorIds: [ids.keji] }),
      "organiser_out_of_scope",
      "organisers",
    );
    await expectAppError(
      saveEventIn(db, editor, null, {
        ...base(),
        organisationIds: [ids.xinchengOffice, ids.otherOffice],
      }),
      "organiser_out_of_scope",
      "organisers",
    );
    await expectAppError(
      saveEventIn(db, editor, null, {
        ...base(),
        organisationIds: [ids.xinchengOffice, committee],
      }),
      "organiser_out_of_scope",
      "organisers",
    );
    await expectAppError(
      saveEventIn(db, editor, null, { ...base(), townId: otherTown }),
      "town_out_of_scope",
      "townId",
    );
    expect(await snapshot()).toEqual(before);
    // The form shows these refusals in words, under the organisers and the town.
    expect(cmsGateErrors.organiser_out_of_scope).toContain("主办单位只能选本界别或本单位");
    expect(cmsGateErrors.town_out_of_scope).toContain("只能选本单位所在的镇（街道）");

    // Their own office, in its own town: theirs.
    const own = await saveEventIn(db, editor, null, { ...base(), townId: ownTown });
    expect(await selectEventScope(db, own.id)).toEqual({
      sectorIds: [],
      organisationIds: [ids.xinchengOffice],
    });

    // An admin links anything; the editor may keep what the admin linked…
    const shared = {
      ...base(),
      townId: otherTown,
      sectorIds: [ids.jingji],
      organisationIds: [ids.xinchengOffice, committee],
    };
    const { id } = await saveEventIn(db, admin, null, shared);
    await saveEventIn(db, editor, id, { ...shared, title: "共富集市摊主座谈（改期）" });
    // …or drop it, but add nothing of their own choosing outside their scope.
    const edited = await snapshot();
    await expectAppError(
      saveEventIn(db, editor, id, { ...shared, sectorIds: [ids.jingji, ids.keji] }),
      "organiser_out_of_scope",
      "organisers",
    );
    await expectAppError(
      saveEventIn(db, editor, id, {
        ...shared,
        organisationIds: [ids.xinchengOffice, committee, ids.otherOffice],
      }),
      "organiser_out_of_scope",
      "organisers",
    );
    await expectAppError(
      saveEventIn(db, editor, id, { ...shared, townId: await slugId(db, towns, "xincheng-zhen") }),
      "town_out_of_scope",
      "townId",
    );
    await expectAppError(
      saveEventIn(db, editor, own.id, { ...base(), townId: otherTown }),
      "town_out_of_scope",
      "townId",
    );
    expect(await snapshot()).toEqual(edited);
    await saveEventIn(db, editor, id, { ...shared, sectorIds: [], townId: ownTown });
    expect(await selectEventScope(db, id)).toEqual({
      sectorIds: [],
      organisationIds: [ids.xinchengOffice, committee],
    });
  });

  it("offers an editor only their office, its town, and what the event already links to", async () => {
    const { db, admin, editor, ids } = staff;
    const ownTown = await slugId(db, towns, "xincheng-jiedao");
    const otherTown = await slugId(db, towns, "honghe-zhen");
    const committee = await slugId(db, organisations, "nongye-nongcun-wei");
    const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id);

    const forAdmin = await selectEventFormOptions(db, admin.user);
    expect(forAdmin.sectors).toHaveLength((await db.select().from(sectors)).length);
    expect(forAdmin.towns).toHaveLength((await db.select().from(towns)).length);
    expect(idsOf(forAdmin.organisations)).toEqual(
      expect.arrayContaining([ids.xinchengOffice, ids.otherOffice, committee]),
    );

    const forEditor = await selectEventFormOptions(db, editor.user);
    expect(forEditor.sectors).toEqual([]);
    expect(idsOf(forEditor.organisations)).toEqual([ids.xinchengOffice]);
    expect(idsOf(forEditor.towns)).toEqual([ownTown]);
    // Campaigns and topics are the committee's programme, open to every organiser.
    expect(forEditor.campaigns).toEqual(forAdmin.campaigns);

    const kept = await selectEventFormOptions(db, editor.user, {
      sectorIds: [ids.jingji],
      organisationIds: [ids.xinchengOffice, committee],
      townId: otherTown,
    });
    expect(idsOf(kept.sectors)).toEqual([ids.jingji]);
    expect(idsOf(kept.organisations).sort()).toEqual([ids.xinchengOffice, committee].sort());
    expect(idsOf(kept.towns).sort()).toEqual([ownTown, otherTown].sort());
  });
});
