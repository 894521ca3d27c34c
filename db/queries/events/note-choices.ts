import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, lte, ne } from "drizzle-orm";
import type { Database } from "../../client";
import { eventOrganisers, events, towns } from "../../schema";
import { withDb } from "../with-db";
import { type EventListItem, withOrganiserNames } from "./organisers";

/**
 * Events as the field-note pipeline needs them: the member's dashboard (their sector's
 * coming events) and the note form's event choices. Owned by the note pipeline; kept here
 * so that no event query lives in a notes file.
 */

/** Scheduled events co-organised by `sectorId` that have not ended and start before `until`. */
export async function listSectorUpcomingEventsIn(
  db: Database,
  sectorId: number,
  options: { now: Date; until: Date; limit: number },
): Promise<EventListItem[]> {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      serviceType: events.serviceType,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      townName: towns.name,
      openToPublic: events.openToPublic,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .where(
      and(
        eq(events.status, "scheduled"),
        gte(events.endsAt, options.now),
        lt(events.startsAt, options.until),
        inArray(
          events.id,
          db
            .select({ id: eventOrganisers.eventId })
            .from(eventOrganisers)
            .where(eq(eventOrganisers.sectorId, sectorId)),
        ),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  return withOrganiserNames(db, rows);
}

export interface NoteEventChoice {
  id: number;
  name: string;
  startsAt: Date;
}

const EVENT_OPTION_DAYS = 365;
const EVENT_OPTION_LIMIT = 200;

/**
 * Recent events a visit can be linked to (one that has happened, or happens today),
 * newest first; plus the linked one, when given and older.
 */
export async function listNoteEventChoicesIn(
  db: Database,
  now: Date,
  includeEventId: number | null = null,
): Promise<NoteEventChoice[]> {
  const since = new Date(now.getTime() - EVENT_OPTION_DAYS * 86_400_000);
  const until = new Date(now.getTime() + 86_400_000);
  const rows = await db
    .select({ id: events.id, name: events.title, startsAt: events.startsAt })
    .from(events)
    .where(
      and(ne(events.status, "cancelled"), gte(events.startsAt, since), lte(events.startsAt, until)),
    )
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(EVENT_OPTION_LIMIT);
  if (includeEventId !== null && !rows.some((e) => e.id === includeEventId)) {
    const [linked] = await db
      .select({ id: events.id, name: events.title, startsAt: events.startsAt })
      .from(events)
      .where(eq(events.id, includeEventId));
    if (linked) rows.unshift(linked);
  }
  return rows;
}

/** Does an event with this id exist (a note may name any, past or cancelled)? */
export async function eventExistsIn(db: Database, eventId: number): Promise<boolean> {
  const rows = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  return rows.length > 0;
}

export const listSectorUpcomingEvents = withDb(listSectorUpcomingEventsIn);
