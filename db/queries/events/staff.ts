import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/types";
import { can, type Scope } from "@/lib/permissions";
import type { EventKind, OrganisationKind, ServiceType } from "@/lib/vocabulary";
import { cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  campaigns,
  eventOrganisers,
  events,
  organisations,
  registrations,
  sectors,
  topics,
  towns,
} from "../schema";
import { indexEvent } from "../search";
import {
  type Actor,
  auditStaffWrite,
  CmsError,
  type Executor,
  refreshPublicPages,
} from "./admin-content";
import { ADMIN_PAGE_SIZE } from "./admin-news";

/**
 * The events editor's reads and writes. An event's scope is its co-organisers: an
 * editor works on the events their sector or liaison office organises.
 */

export type EventListFilter = "upcoming" | "past" | "cancelled" | "all";

export interface AdminEventRow {
  id: number;
  title: string;
  kind: EventKind;
  status: "scheduled" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  townName: string | null;
  openToPublic: boolean;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
}

export interface EventInput {
  title: string;
  kind: EventKind;
  serviceType: ServiceType | null;
  summary: string;
  body: string;
  startsAt: Date;
  endsAt: Date;
  townId: number | null;
  venue: string;
  campaignId: number | null;
  topicId: number | null;
  openToPublic: boolean;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  sectorIds: number[];
  organisationIds: number[];
  expectedUpdatedAt?: Date | null;
}

export interface EventForEdit extends Omit<EventInput, "expectedUpdatedAt"> {
  id: number;
  status: "scheduled" | "cancelled";
  updatedAt: Date;
}

/** The WHERE that keeps an editor to the events their sector or office co-organises. */
export function eventScopeWhere(user: SessionUser): SQL | undefined {
  if (user.role === "admin") return undefined;
  if (user.role !== "editor") return sql`false`;
  const organiser = or(
    user.sectorId === null ? undefined : eq(eventOrganisers.sectorId, user.sectorId),
    user.organisationId === null
      ? undefined
      : eq(eventOrganisers.organisationId, user.organisationId),
  );
  if (!organiser) return sql`false`;
  return sql`exists (select 1 from ${eventOrganisers} where ${eventOrganisers.eventId} = ${events.id} and ${organiser})`;
}

export async function selectEventScope(db: Executor, eventId: number): Promise<Scope | null> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) return null;
  const rows = await db
    .select({ sectorId: eventOrganisers.sectorId, organisationId: eventOrganisers.organisationId })
    .from(eventOrganisers)
    .where(eq(eventOrganisers.eventId, eventId));
  return scopeOf(rows);
}

function scopeOf(rows: { sectorId: number | null; organisationId: number | null }[]): Scope {
  return {
    sectorIds: rows.flatMap((r) => (r.sectorId === null ? [] : [r.sectorId])),
    organisationIds: rows.flatMap((r) => (r.organisationId === null ? [] : [r.organisationId])),
  };
}

/** Seats taken, waiting and checked in, for many events in one query. */
export async function countRegistrations(
  db: Executor,
  eventIds: number[],
): Promise<Map<number, { confirmed: number; waitlisted: number; checkedIn: number }>> {
  const result = new Map<number, { confirmed: number; waitlisted: number; checkedIn: number }>();
  if (eventIds.length === 0) return result;
  const rows = await db
    .select({
      eventId: registrations.eventId,
      confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')`.mapWith(
        Number,
      ),
      waitlisted:
        sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')`.mapWith(Number),
      checkedIn:
        sql<number>`count(${registrations.checkedInAt}) filter (where ${registrations.status} = 'confirmed')`.mapWith(
          Number,
        ),
    })
    .from(registrations)
    .where(inArray(registrations.eventId, eventIds))
    .groupBy(registrations.eventId);
  for (const row of rows) result.set(row.eventId, row);
  return result;
}

export async function listAdminEventsIn(
  db: Database,
  user: SessionUser,
  options: {
    filter: EventListFilter;
    q: string;
    page: number;
    openToPublicOnly?: boolean;
    now?: Date;
  },
): Promise<{ rows: AdminEventRow[]; total: number }> {
  const now = options.now ?? new Date();
  const filterWhere: Record<EventListFilter, SQL | undefined> = {
    all: undefined,
    upcoming: and(gte(events.endsAt, now), eq(events.status, "scheduled")),
    past: lt(events.endsAt, now),
    cancelled: eq(events.status, "cancelled"),
  };
  const q = options.q.trim();
  const where = and(
    eventScopeWhere(user),
    filterWhere[options.filter],
    options.openToPublicOnly ? eq(events.openToPublic, true) : undefined,
    q ? ilike(events.title, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  // Upcoming: soonest first; otherwise the latest first.
  const order =
    options.filter === "upcoming"
      ? [asc(events.startsAt), asc(events.id)]
      : [desc(events.startsAt), desc(events.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: events.id,
        title: events.title,
        kind: events.kind,
        status: events.status,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        townName: towns.name,
        openToPublic: events.openToPublic,
        capacity: events.capacity,
      })
      .from(events)
      .leftJoin(towns, eq(towns.id, events.townId))
      .where(where)
      .orderBy(...order)
      .limit(ADMIN_PAGE_SIZE)
      .offset((options.page - 1) * ADMIN_PAGE_SIZE),
    db.select({ n: count() }).from(events).where(where),
  ]);
  const counts = await countRegistrations(
    db,
    rows.filter((r) => r.openToPublic).map((r) => r.id),
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      ...(counts.get(r.id) ?? { confirmed: 0, waitlisted: 0, checkedIn: 0 }),
    })),
    total: total?.n ?? 0,
  };
}

export async function selectEventForEdit(db: Executor, id: number): Promise<EventForEdit | null> {
  const [row] = await db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      serviceType: events.serviceType,
      summary: events.summary,
      body: events.body,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      townId: events.townId,
      venue: events.venue,
      campaignId: events.campaignId,
      topicId: events.topicId,
      status: events.status,
      openToPublic: events.openToPublic,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .where(eq(events.id, id));
  if (!row) return null;
  const organisers = await db
    .select({ sectorId: eventOrganisers.sectorId, organisationId: eventOrganisers.organisationId })
    .from(eventOrganisers)
    .where(eq(eventOrganisers.eventId, id))
    .orderBy(asc(eventOrganisers.sortOrder), asc(eventOrganisers.id));
  const scope = scopeOf(organisers);
  return { ...row, sectorIds: [...scope.sectorIds], organisationIds: [...scope.organisationIds] };
}

export interface EventFormOptions {
  towns: { id: number; name: string }[];
  campaigns: { id: number; name: string }[];
  topics: { id: number; name: string }[];
  sectors: { id: number; name: string }[];
  organisations: { id: number; name: string; kind: OrganisationKind }[];
}

export async function selectEventFormOptions(db: Database): Promise<EventFormOptions> {
  const [townRows, campaignRows, topicRows, sectorRows, organisationRows] = await Promise.all([
    db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .orderBy(desc(campaigns.startsOn)),
    db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .orderBy(asc(topics.sortOrder), asc(topics.id)),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.active, true))
      .orderBy(asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.id)),
  ]);
  return {
    towns: townRows,
    campaigns: campaignRows,
    topics: topicRows,
    sectors: sectorRows,
    organisations: organisationRows,
  };
}

async function assertReferencesExist(tx: Executor, input: EventInput): Promise<void> {
  const checks: [string, number | null, Promise<{ id: number }[]>][] = [
    [
      "townId",
      input.townId,
      input.townId === null
        ? Promise.resolve([])
        : tx.select({ id: towns.id }).from(towns).where(eq(towns.id, input.townId)),
    ],
    [
      "campaignId",
      input.campaignId,
      input.campaignId === null
        ? Promise.resolve([])
        : tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId)),
    ],
    [
      "topicId",
      input.topicId,
      input.topicId === null
        ? Promise.resolve([])
        : tx.select({ id: topics.id }).from(topics).where(eq(topics.id, input.topicId)),
    ],
  ];
  for (const [field, id, query] of checks) {
    if (id !== null && (await query).length === 0) throw new CmsError("not_found", field);
  }
  if (input.sectorIds.length > 0) {
    const found = await tx
      .select({ id: sectors.id })
      .from(sectors)
      .where(inArray(sectors.id, input.sectorIds));
    if (found.length !== new Set(input.sectorIds).size)
      throw new CmsError("not_found", "organisers");
  }
  if (input.organisationIds.length > 0) {
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.id, input.organisationIds));
    if (found.length !== new Set(input.organisationIds).size)
      throw new CmsError("not_found", "organisers");
  }
}

/**
 * Creates (id null) or updates an event with its organisers, search entry and audit
 * entry, in one transaction. An editor must stay among the organisers (their scope).
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
    await assertReferencesExist(tx, input);
    if (id !== null) {
      const [row] = await tx
        .select({ updatedAt: events.updatedAt })
        .from(events)
        .where(eq(events.id, id))
        .for("update");
      const scope = row ? await selectEventScope(tx, id) : null;
      if (!row || !scope || !can(user, "event.edit", { kind: "event", scope })) {
        throw new CmsError("not_found");
      }
      if (
        input.expectedUpdatedAt &&
        row.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()
      ) {
        throw new CmsError("stale");
      }
    } else if (!can(user, "event.create")) {
      throw new CmsError("forbidden");
    }
    const afterScope: Scope = {
      sectorIds: input.sectorIds,
      organisationIds: input.organisationIds,
    };
    if (
      !can(user, id === null ? "event.create" : "event.edit", { kind: "event", scope: afterScope })
    ) {
      throw new CmsError("out_of_scope", "organisers");
    }

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
      throw new CmsError("not_found");
    }
    const [row] = await tx
      .update(events)
      .set({ status: cancelled ? "cancelled" : "scheduled", updatedAt: new Date() })
      .where(and(eq(events.id, id), eq(events.status, cancelled ? "scheduled" : "cancelled")))
      .returning({ title: events.title });
    if (!row) throw new CmsError("invalid_state");
    await indexEvent(tx, id);
    await auditStaffWrite(tx, actor, {
      action: cancelled ? "event.cancel" : "event.restore",
      targetType: "event",
      targetId: String(id),
      details: { title: row.title, ...(reason ? { reason } : {}) },
    });
  });
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function listAdminEvents(
  user: SessionUser,
  options: Parameters<typeof listAdminEventsIn>[2],
) {
  return listAdminEventsIn(await getDb(), user, options);
}

/** The event, only when this user may edit it (else null: the page is a 404). */
export async function getEventForEdit(user: SessionUser, id: number) {
  const db = await getDb();
  const scope = await selectEventScope(db, id);
  if (!scope || !can(user, "event.edit", { kind: "event", scope })) return null;
  const [event, counts] = await Promise.all([
    selectEventForEdit(db, id),
    countRegistrations(db, [id]),
  ]);
  if (!event) return null;
  return { event, counts: counts.get(id) ?? { confirmed: 0, waitlisted: 0, checkedIn: 0 } };
}

export async function getEventFormOptions() {
  return selectEventFormOptions(await getDb());
}

export async function saveEvent(actor: Actor, id: number | null, input: EventInput) {
  const saved = await saveEventIn(await getDb(), actor, id, input);
  refreshPublicPages(cacheTags.events, cacheTags.registrations(saved.id));
  return saved;
}

export async function setEventCancelled(actor: Actor, id: number, cancelled: boolean, reason = "") {
  await setEventCancelledIn(await getDb(), actor, id, cancelled, reason);
  refreshPublicPages(cacheTags.events, cacheTags.registrations(id));
}
