/**
 * Who may see a field note and its photos. The answer comes from the one permission
 * table (lib/permissions.ts: the author always; staff whose scope covers the note once
 * it has left the draft stage). Queries still scope what they read in their WHERE; these
 * checks run on what a query returned, so a query that reads too much still shows nothing.
 */
import type { SessionUser } from "@/lib/auth/types";
import { can, noteTarget } from "@/lib/permissions";
import type { NoteStatus } from "./workflow";

/** What a permission check needs to know about a note. */
export interface NoteAccessFacts {
  authorId: number;
  status: NoteStatus;
  sectorId: number | null;
  /** The liaison offices of the note's town (an editor's scope may be one of them). */
  liaisonOfficeIds: readonly number[];
}

export function mayViewNote(user: SessionUser | null, note: NoteAccessFacts): boolean {
  return can(user, "note.view", noteTarget(note));
}

/** A note's photos are seen by exactly those who may see the note. */
export function mayViewNotePhoto(user: SessionUser | null, note: NoteAccessFacts): boolean {
  return mayViewNote(user, note);
}

/** Whether this user files notes at all (members do; staff handle them). */
export function mayFileNotes(user: SessionUser | null): boolean {
  return can(user, "note.create");
}
