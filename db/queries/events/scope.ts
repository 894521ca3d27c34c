import "server-only";
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/queries/shared/write";
import { eventOrganisers, events, organisations, registrations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/types";
import type { Scope } from "@/lib/permissions";

/**
 * An event's scope is its co-organisers: an editor works on the events their sector or
 * liaison office organises. Shared by the events editor and the registration lists.
 */

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

/** A town's scope: its liaison offices (a note's and an event's town are matched on them). */
export async function selectTownScope(db: Executor, townId: number): Promise<Scope> {
  const offices = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.townId, townId), eq(organisations.kind, "liaison_office")));
  return { sectorIds: [], organisationIds: offices.map((o) => o.id) };
}

export function scopeOf(rows: { sectorId: number | null; organisationId: number | null }[]): Scope {
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
