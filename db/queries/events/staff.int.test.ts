import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventOrganisers, events, searchDocuments } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import { selectEventScope } from "./scope";
import { listAdminEventsIn } from "./staff";
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
});
