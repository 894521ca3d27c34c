import "server-only";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { NoteFieldsData } from "@/lib/notes/fields";
import type { NoteFieldErrors } from "@/lib/notes/form-state";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import {
  findUnknownDirectoryIdsIn,
  listNoteDirectoryChoicesIn,
  type NoteDirectoryChoice,
} from "../directory/note-choices";
import {
  eventCandidatesFrom,
  eventExistsIn,
  listNoteEventCandidatesIn,
  listNoteEventChoicesIn,
  listRecentNoteEventChoicesIn,
  type NoteEventChoice,
  pickNoteEventChoices,
  withLinkedEventIn,
} from "../events/note-choices";

/** The note form's lists, and the check that the ids it sent name something. */

export type NoteFormOption = NoteDirectoryChoice;

export interface NoteFormOptions {
  towns: NoteFormOption[];
  sectors: NoteFormOption[];
  topics: NoteFormOption[];
  /** Recent events (a visit is linked to one that has happened), newest first. */
  events: NoteEventChoice[];
}

export async function getNoteFormOptionsIn(
  db: Database,
  now: Date,
  includeEventId: number | null = null,
): Promise<NoteFormOptions> {
  const [directory, events] = await Promise.all([
    listNoteDirectoryChoicesIn(db),
    listNoteEventChoicesIn(db, now, includeEventId),
  ]);
  return { ...directory, events };
}

/** Field errors for the town, sector, event and topic ids that name nothing. */
export async function checkNoteReferencesIn(
  db: Database,
  fields: Pick<NoteFieldsData, "townId" | "sectorId" | "eventId" | "topicId">,
  messages: { town: string; sector: string; event: string; topic: string },
): Promise<NoteFieldErrors> {
  const [unknown, event] = await Promise.all([
    findUnknownDirectoryIdsIn(db, fields),
    fields.eventId === null ? true : eventExistsIn(db, fields.eventId),
  ]);
  const errors: NoteFieldErrors = {};
  if (unknown.townId) errors.townId = messages.town;
  if (unknown.sectorId) errors.sectorId = messages.sector;
  if (!event) errors.eventId = messages.event;
  if (unknown.topicId) errors.topicId = messages.topic;
  return errors;
}

// Every form load asked the database for the same four lists. They change only when staff
// save a directory row or an event, which revalidates these tags (db/queries/directory/
// write.ts, db/queries/events/write.ts) on every instance (server/cache/handler.mjs).
const cachedDirectoryChoices = cachedQuery(
  async () => listNoteDirectoryChoicesIn(await getDb()),
  ["notes:form-directory"],
  { tags: [cacheTags.directory] },
);
/** Keyed by the minute: the events a form offers depend on when it is loaded. */
const cachedEventCandidates = cachedQuery(
  async (from: number) => listNoteEventCandidatesIn(await getDb(), from),
  ["notes:form-events"],
  { tags: [cacheTags.events] },
);

/** getNoteFormOptionsIn on the server's database, through the data cache: the same lists. */
export async function getNoteFormOptions(
  now: Date,
  includeEventId: number | null = null,
): Promise<NoteFormOptions> {
  const [directory, candidates, db] = await Promise.all([
    cachedDirectoryChoices(),
    cachedEventCandidates(eventCandidatesFrom(now.getTime())),
    getDb(),
  ]);
  const recent =
    pickNoteEventChoices(candidates, now) ?? (await listRecentNoteEventChoicesIn(db, now));
  return { ...directory, events: await withLinkedEventIn(db, recent, includeEventId) };
}

/**
 * checkNoteReferencesIn on the server's database, asking it only about the ids the cached
 * lists do not name. A listed id names a row that exists: directory rows and events are
 * never deleted (and the note's foreign keys would refuse one that did not exist).
 */
export async function checkNoteReferences(
  fields: Pick<NoteFieldsData, "townId" | "sectorId" | "eventId" | "topicId">,
  messages: { town: string; sector: string; event: string; topic: string },
): Promise<NoteFieldErrors> {
  const [directory, candidates] = await Promise.all([
    cachedDirectoryChoices(),
    cachedEventCandidates(eventCandidatesFrom(Date.now())),
  ]);
  const unlisted = (list: { id: number }[], id: number | null) =>
    id !== null && !list.some((row) => row.id === id) ? id : null;
  const ask = {
    townId: unlisted(directory.towns, fields.townId),
    sectorId: unlisted(directory.sectors, fields.sectorId),
    eventId: unlisted(candidates.rows, fields.eventId),
    topicId: unlisted(directory.topics, fields.topicId),
  };
  if (Object.values(ask).every((id) => id === null)) return {};
  return checkNoteReferencesIn(await getDb(), ask, messages);
}
