import "server-only";
import { and, eq } from "drizzle-orm";
import { cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import {
  notifyRegistrantsOfCancellation,
  notifyRegistrantsOfTimeChange,
  notifySectorMembersOfEvent,
} from "@/db/queries/notifications/events";
import { assertReferencesExist } from "@/db/queries/shared/references";
import { auditStaffWrite, type Executor, refreshPublicPages } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import {
  campaigns,
  eventOrganisers,
  events,
  organisations,
  sectors,
  topics,
  towns,
} from "@/db/schema";
import { indexEvent } from "@/db/search";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { EventInput } from "@/lib/events/schema";
import { can, linksInScope, type Scope } from "@/lib/permissions";
import { selectEventScope, selectTownScope } from "./scope";

/**
 * The events editor's writes: save (create or update) with organisers, search entry and
 * audit entry in one transaction; call off and put back on. Refusals are AppErrors; the
 * field is "organisers" for either list of organisers.
 */

/** The town, campaign, topic and organisers chosen all exist (else "not_found" on the field). */
async function assertEventReferences(tx: Executor, input: EventInput): Promise<void> {
  await assertReferencesExist(tx, towns, [input.townId], "townId");
  await assertReferencesExist(tx, campaigns, [input.campaignId], "campaignId");
  await assertReferencesExist(tx, topics, [input.topicId], "topicId");
  await assertReferencesExist(tx, sectors, input.sectorIds, "organisers");
  await assertReferencesExist(tx, organisations, input.organisationIds, "organisers");
}

/**
 * The organisers and town an event is linked to, checked against the editor's scope: every
 * link the save adds (those already there, set by an admin, may stay; any may be dropped).
 */
async function assertEventLinksInScope(
  tx: Executor,
  actor: Actor,
  kept: { scope: Scope; townId: number | null } | null,
  input: EventInput,
): Promise<void> {
  const added = (ids: readonly number[], keptIds: readonly number[] = []) =>
    ids.filter((x) => !keptIds.includes(x));
  const organisers = {
    sectorIds: added(input.sectorIds, kept?.scope.sectorIds),
    organisationIds: added(input.organisationIds, kept?.scope.organisationIds),
  };
  if (!linksInScope(actor.user, organisers)) {
    throw new AppError("organiser_out_of_scope", "organisers");
  }
  if (input.townId === null || input.townId === kept?.townId) return;
  const townScope = await selectTownScope(tx, input.townId);
  if (!linksInScope(actor.user, { townScopes: [townScope] })) {
    throw new AppError("town_out_of_scope", "townId");
  }
}

/**
 * Creates (id null) or updates an event with its organisers, search entry and audit
 * entry, in one transaction. An editor must stay among the organisers (their scope), and
 * may add only in-scope organisers and town.
 */
export async function saveEventIn(
  db: Database,
  actor: Actor,
  id: number | null,
  input: EventInput,
  options: { now?: Date } = {},
): Promise<{ id: number }> {
  const now = options.now ?? new Date();
  const { user } = actor;
  return db.transaction(async (tx) => {
    await assertEventReferences(tx, input);
    let kept: { scope: Scope; townId: number | null } | null = null;
    let before: { startsAt: Date; endsAt: Date; updatedAt: Date } | null = null;
    if (id !== null) {
      const [row] = await tx
        .select({
          updatedAt: events.updatedAt,
          townId: events.townId,
          startsAt: events.startsAt,
          endsAt: events.endsAt,
        })
        .from(events)
        .where(eq(events.id, id))
        .for("update");
      const scope = row ? await selectEventScope(tx, id) : null;
      if (!row || !scope || !can(user, "event.edit", { kind: "event", scope })) {
        throw new AppError("not_found");
      }
      if (
        input.expectedUpdatedAt &&
        row.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()
      ) {
        throw new AppError("stale");
      }
      kept = { scope, townId: row.townId };
      before = row;
    } else if (!can(user, "event.create")) {
      throw new AppError("forbidden");
    }
    const afterScope: Scope = {
      sectorIds: input.sectorIds,
      organisationIds: input.organisationIds,
    };
    if (
      !can(user, id === null ? "event.create" : "event.edit", { kind: "event", scope: afterScope })
    ) {
      throw new AppError("out_of_scope", "organisers");
    }
    await assertEventLinksInScope(tx, actor, kept, input);

    const values = {
      title: input.title,
      kind: input.kind,
      serviceType: input.kind === "service" ? input.serviceType : null,
      summary: input.summary,
      body: input.body,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      townId: input.townId,
      venue: input.venue,
      campaignId: input.campaignId,
      topicId: input.topicId,
      openToPublic: input.openToPublic,
      capacity: input.openToPublic ? input.capacity : null,
      registrationOpensAt: input.openToPublic ? input.registrationOpensAt : null,
      registrationClosesAt: input.openToPublic ? input.registrationClosesAt : null,
      whatToBring: input.openToPublic ? (input.whatToBring ?? "") : "",
      updatedAt: now,
    };
    let eventId: number;
    if (id === null) {
      const [row] = await tx
        .insert(events)
        .values({ ...values, createdAt: now })
        .returning({ id: events.id });
      if (!row) throw new Error("event insert returned no row");
      eventId = row.id;
    } else {
      await tx.update(events).set(values).where(eq(events.id, id));
      await tx.delete(eventOrganisers).where(eq(eventOrganisers.eventId, id));
      eventId = id;
    }
    const organiserRows = [
      ...[...new Set(input.sectorIds)].map((sectorId) => ({ eventId, sectorId })),
      ...[...new Set(input.organisationIds)].map((organisationId) => ({ eventId, organisationId })),
    ].map((row, sortOrder) => ({ ...row, sortOrder }));
    if (organiserRows.length > 0) await tx.insert(eventOrganisers).values(organiserRows);
    await indexEvent(tx, eventId);
    // Members of its sectors hear of a coming event once; registrants of a change of time.
    await notifySectorMembersOfEvent(tx, eventId, now);
    if (
      before &&
      (before.startsAt.getTime() !== input.startsAt.getTime() ||
        before.endsAt.getTime() !== input.endsAt.getTime())
    ) {
      await notifyRegistrantsOfTimeChange(tx, eventId, `${eventId}:u${before.updatedAt.getTime()}`);
    }
    await auditStaffWrite(tx, actor, {
      action: id === null ? "event.create" : "event.update",
      targetType: "event",
      targetId: String(eventId),
      details: {
        title: input.title,
        startsAt: input.startsAt.toISOString(),
        openToPublic: input.openToPublic,
        capacity: values.capacity,
      },
    });
    return { id: eventId };
  });
}

/** Calls an event off (or puts it back on). Its page, feeds and .ics say so at once. */
export async function setEventCancelledIn(
  db: Database,
  actor: Actor,
  id: number,
  cancelled: boolean,
  reason = "",
): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = await selectEventScope(tx, id);
    if (!scope || !can(actor.user, "event.edit", { kind: "event", scope })) {
      throw new AppError("not_found");
    }
    const [row] = await tx
      .update(events)
      .set({ status: cancelled ? "cancelled" : "scheduled", updatedAt: new Date() })
      .where(and(eq(events.id, id), eq(events.status, cancelled ? "scheduled" : "cancelled")))
      .returning({ title: events.title, updatedAt: events.updatedAt });
    if (!row) throw new AppError("invalid_state");
    await indexEvent(tx, id);
    if (cancelled) {
      await notifyRegistrantsOfCancellation(tx, id, `${id}:u${row.updatedAt.getTime()}`, reason);
    }
    await auditStaffWrite(tx, actor, {
      action: cancelled ? "event.cancel" : "event.restore",
      targetType: "event",
      targetId: String(id),
      details: { title: row.title, ...(reason ? { reason } : {}) },
    });
  });
}

// ---------------------------------------------------------------------------------------
// On the server's database: then the public pages refresh

export async function saveEvent(actor: Actor, id: number | null, input: EventInput) {
  const saved = await saveEventIn(await getDb(), actor, id, input);
  refreshPublicPages(cacheTags.events, cacheTags.registrations(saved.id));
  return saved;
}

export async function setEventCancelled(actor: Actor, id: number, cancelled: boolean, reason = "") {
  await setEventCancelledIn(await getDb(), actor, id, cancelled, reason);
  refreshPublicPages(cacheTags.events, cacheTags.registrations(id));
}
