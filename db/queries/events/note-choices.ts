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
const DAY_MS = 86_400_000;

/** The events a visit at `now` may be linked to start in [since, until]. */
function choiceWindow(now: number): { since: number; until: number } {
  return { since: now - EVENT_OPTION_DAYS * DAY_MS, until: now + DAY_MS };
}

function selectEventChoices(db: Database, since: Date, until: Date, limit: number) {
  return db
    .select(noteEventChoiceColumns)
    .from(events)
    .where(
      and(ne(events.status, "cancelled"), gte(events.startsAt, since), lte(events.startsAt, until)),
    )
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(limit);
}

/** Recent events a visit can be linked to (one that has happened, or happens today), newest first. */
export async function listRecentNoteEventChoicesIn(
  db: Database,
  now: Date,
): Promise<NoteEventChoice[]> {
  const { since, until } = choiceWindow(now.getTime());
  return selectEventChoices(db, new Date(since), new Date(until), EVENT_OPTION_LIMIT);
}

/** How long one read of the candidates serves, and how many more rows it keeps for it. */
export const EVENT_CANDIDATES_MS = 60_000;
const EVENT_CANDIDATES_SPARE = 50;

/** The start of the span of EVENT_CANDIDATES_MS that holds `now`: the key of its one read. */
export function eventCandidatesFrom(now: number): number {
  return Math.floor(now / EVENT_CANDIDATES_MS) * EVENT_CANDIDATES_MS;
}

export interface NoteEventCandidates {
  /** Start of the span of instants these candidates serve (ms since the epoch). */
  from: number;
  rows: NoteEventChoice[];
  /** False when the limit was reached: rows past it may be missing. */
  complete: boolean;
}

/**
 * Every event that may be a choice at some instant of [from, from + EVENT_CANDIDATES_MS):
 * the union of those instants' windows, newest first, a few more than one list shows.
 * One read serves every form loaded in that span (the data cache, ../notes/choices.ts).
 */
export async function listNoteEventCandidatesIn(
  db: Database,
  from: number,
): Promise<NoteEventCandidates> {
  const limit = EVENT_OPTION_LIMIT + EVENT_CANDIDATES_SPARE;
  const rows = await selectEventChoices(
    db,
    new Date(choiceWindow(from).since),
    new Date(choiceWindow(from + EVENT_CANDIDATES_MS).until),
    limit,
  );
  return { from, rows, complete: rows.length < limit };
}

/**
 * The choices at `now` out of the candidates: what listRecentNoteEventChoicesIn would read
 * then, or null when the candidates cannot tell (`now` outside their span, or the limit cut
 * off rows that may belong to the list) and the database must be asked.
 */
export function pickNoteEventChoices(
  candidates: NoteEventCandidates,
  now: Date,
): NoteEventChoice[] | null {
  const at = now.getTime();
  if (at < candidates.from || at >= candidates.from + EVENT_CANDIDATES_MS) return null;
  const { since, until } = choiceWindow(at);
  // Newest first: dropping the ones that start too late leaves the newest of the rest first.
  const notLater = candidates.rows.filter((e) => e.startsAt.getTime() <= until);
  if (!candidates.complete && notLater.length < EVENT_OPTION_LIMIT) return null;
  return notLater.filter((e) => e.startsAt.getTime() >= since).slice(0, EVENT_OPTION_LIMIT);
}

/** The linked event, when given and not among `choices` (an older note's), first. */
export async function withLinkedEventIn(
  db: Database,
  choices: NoteEventChoice[],
  includeEventId: number | null,
): Promise<NoteEventChoice[]> {
  if (includeEventId === null || choices.some((e) => e.id === includeEventId)) return choices;
  const [linked] = await db
    .select(noteEventChoiceColumns)
    .from(events)
    .where(eq(events.id, includeEventId));
  return linked ? [linked, ...choices] : choices;
}

/**
 * Recent events a visit can be linked to (one that has happened, or happens today),
 * newest first; plus the linked one, when given and older.
 */
export async function listNoteEventChoicesIn(
  db: Database,
  now: Date,
  includeEventId: number | null = null,
): Promise<NoteEventChoice[]> {
  return withLinkedEventIn(db, await listRecentNoteEventChoicesIn(db, now), includeEventId);
}

/** Does an event with this id exist (a note may name any, past or cancelled)? */
export async function eventExistsIn(db: Database, eventId: number): Promise<boolean> {
  const rows = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  return rows.length > 0;
}

export const listSectorUpcomingEvents = withDb(listSectorUpcomingEventsIn);
