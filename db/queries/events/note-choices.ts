import "server-only";
import { and, desc, eq, gte, inArray, lt, lte, ne } from "drizzle-orm";
import type { Database } from "../../client";
import { eventOrganisers, events } from "../../schema";
import { withDb } from "../with-db";
import { type EventListItem, listEventItems } from "./organisers";

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
  return listEventItems(
    db,
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
    options.limit,
  );
}

export interface NoteEventChoice {
  id: number;
  name: string;
  startsAt: Date;
}

const noteEventChoiceColumns = { id: events.id, name: events.title, startsAt: events.startsAt };
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
    .select(noteEventChoiceColumns)
    .from(events)
    .where(
      and(ne(events.status, "cancelled"), gte(events.startsAt, since), lte(events.startsAt, until)),
    )
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(EVENT_OPTION_LIMIT);
  if (includeEventId !== null && !rows.some((e) => e.id === includeEventId)) {
    const [linked] = await db
      .select(noteEventChoiceColumns)
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
