import "server-only";
import { and, asc, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  listCampaignChoices,
  listSectorChoices,
  listTopicChoices,
  listTownChoices,
} from "@/db/queries/directory/choices";
import type { Executor } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { eventOrganisers, events, organisations, towns } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/types";
import type { EventInput } from "@/lib/events/schema";
import { ADMIN_PAGE_SIZE } from "@/lib/list-params";
import { can, linksInScope } from "@/lib/permissions";
import type { EventKind, OrganisationKind } from "@/lib/vocabulary";
import { countRegistrations, eventScopeWhere, scopeOf, selectEventScope } from "./scope";

/**
 * The events editor's reads: the list (an editor sees the events their sector or office
 * co-organises), one event to edit, and the form's choices.
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

export interface EventForEdit extends Omit<EventInput, "expectedUpdatedAt"> {
  id: number;
  status: "scheduled" | "cancelled";
  updatedAt: Date;
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
      whatToBring: events.whatToBring,
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

/** What an event already links to: an editor's form keeps offering it (they may keep it). */
export interface EventLinks {
  sectorIds: readonly number[];
  organisationIds: readonly number[];
  townId: number | null;
}

/**
 * The form's choices. An editor is offered only what they may link (lib/permissions.ts
 * `linksInScope`: their sector and office, their office's town) and what the event already
 * links to; the save checks the same rule. Admins are offered everything.
 */
export async function selectEventFormOptions(
  db: Database,
  user: SessionUser,
  kept: EventLinks = { sectorIds: [], organisationIds: [], townId: null },
): Promise<EventFormOptions> {
  const [townRows, campaignRows, topicRows, sectorRows, organisationRows] = await Promise.all([
    listTownChoices(db),
    listCampaignChoices(db),
    listTopicChoices(db),
    listSectorChoices(db),
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        townId: organisations.townId,
        active: organisations.active,
      })
      .from(organisations)
      .orderBy(asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.id)),
  ]);
  const townScope = (townId: number) => ({
    sectorIds: [],
    organisationIds: organisationRows
      .filter((o) => o.kind === "liaison_office" && o.townId === townId)
      .map((o) => o.id),
  });
  return {
    towns: townRows.filter(
      (t) => t.id === kept.townId || linksInScope(user, { townScopes: [townScope(t.id)] }),
    ),
    campaigns: campaignRows,
    topics: topicRows,
    sectors: sectorRows.filter(
      (s) => kept.sectorIds.includes(s.id) || linksInScope(user, { sectorIds: [s.id] }),
    ),
    organisations: organisationRows
      .filter(
        (o) =>
          o.active &&
          (kept.organisationIds.includes(o.id) || linksInScope(user, { organisationIds: [o.id] })),
      )
      .map(({ id, name, kind }) => ({ id, name, kind })),
  };
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

export async function getEventFormOptions(user: SessionUser, kept?: EventLinks) {
  return selectEventFormOptions(await getDb(), user, kept);
}
