import "server-only";
import type { NoteFieldsData } from "@/lib/notes/fields";
import type { NoteFieldErrors } from "@/lib/notes/form-state";
import type { Database } from "../../client";
import {
  findUnknownDirectoryIdsIn,
  listNoteDirectoryChoicesIn,
  type NoteDirectoryChoice,
} from "../directory/note-choices";
import {
  eventExistsIn,
  listNoteEventChoicesIn,
  type NoteEventChoice,
} from "../events/note-choices";
import { withDb } from "../with-db";

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

export const getNoteFormOptions = withDb(getNoteFormOptionsIn);
export const checkNoteReferences = withDb(checkNoteReferencesIn);
