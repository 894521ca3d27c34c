import "server-only";
import type { ProcessedPhoto } from "@/lib/images";
import type { NoteStatus } from "@/lib/notes/workflow";
import type { Database } from "../../client";

/** The shapes of a member's note writes (db/queries/notes/write.ts and its steps). */

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Who writes, for the note, its timeline and the audit log. */
export interface NoteWriter {
  id: number;
  username: string;
  ip: string;
}

export interface PhotoChanges {
  add?: readonly ProcessedPhoto[];
  /** note_photos ids to drop from the note. */
  remove?: readonly number[];
}

export interface NoteSaveResult {
  noteId: number;
  status: NoteStatus;
  created: boolean;
  /** False when nothing differed from what was stored (nothing was written). */
  changed: boolean;
}

export interface NoteSubmitResult {
  noteId: number;
  status: NoteStatus;
  /** The note had already been submitted with this client id: nothing was written. */
  duplicate: boolean;
}
