import "server-only";
import { AppError } from "@/lib/errors";
import type { ProcessedPhoto } from "@/lib/images";
import type { NoteFieldsData } from "@/lib/notes/fields";
import { type NotePhotoSummary, notePhotoUrl } from "@/lib/notes/form-state";
import { isEditableByAuthor, transition } from "@/lib/notes/workflow";
import type { Database } from "../../client";
import { noteTransitions } from "../../schema";
import { notifyStaffOfSubmission } from "../notifications/notes";
import { withDb } from "../with-db";
import {
  applyContent,
  auditNote,
  claimNote,
  type NoteSaveResult,
  type NoteSubmitResult,
  type NoteWriter,
  type PhotoChanges,
  updateNote,
} from "./note-row";
import { attachPhotos, detachPhotos } from "./photo-rows";

export type { NoteSaveResult, NoteSubmitResult, NoteWriter, PhotoChanges } from "./note-row";

/**
 * Field notes, as their author writes them. Every write reads through
 * `author_id = <the signed-in member>` in its WHERE: a member can neither read nor
 * change anyone else's note, whatever id they send.
 *
 * Each write is ONE transaction that does every check once: it finds and locks the note
 * (by the browser's client id), checks that the author may still change it, checks the
 * photo limit, and writes the note_transitions row (when the status moves) and the
 * audit_log row with it. Refusals are `AppError("locked" | "too_many_photos" |
 * "not_found")`. Submission is idempotent on (author_id, client_id).
 *
 * `…In(db, …)` take the database (integration tests); the plain names use the server's.
 */

/**
 * Saves a draft (or a returned note being revised): creates it on first save, then
 * replaces its content. A note that has left the author's hands is refused ("locked").
 * Nothing is written when nothing changed.
 */
export async function saveNoteDraftIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  fields: NoteFieldsData,
  photos: PhotoChanges = {},
): Promise<NoteSaveResult> {
  return db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, true);
    if (!claimed) throw new AppError("not_found");
    const { note, created } = claimed;
    if (!isEditableByAuthor(note.status)) throw new AppError("locked");
    const delta = await applyContent(tx, writer, note, fields, photos);
    if (created || delta.touched) {
      await updateNote(tx, writer, note.id, fields);
      await auditNote(tx, writer, "note.save", note.id, {
        created,
        status: note.status,
        fields: delta.changed,
        photosAdded: delta.added,
        photosRemoved: delta.removed,
      });
    }
    return {
      noteId: note.id,
      status: note.status,
      created,
      changed: created || delta.touched,
    };
  });
}

/**
 * Submits the note with this client id (creating it if the draft never reached the
 * server). A second submission with the same id finds the note already submitted and
 * returns it unchanged: a retried or doubled submit never makes a second note.
 */
export async function submitNoteIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  fields: NoteFieldsData,
  photos: PhotoChanges = {},
): Promise<NoteSubmitResult> {
  return db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, true);
    if (!claimed) throw new AppError("not_found");
    const { note, created } = claimed;
    if (!isEditableByAuthor(note.status)) {
      return { noteId: note.id, status: note.status, duplicate: true };
    }
    const moved = transition(note.status, "submit", "author");
    if (!moved.ok) throw new AppError("locked");
    const delta = await applyContent(tx, writer, note, fields, photos);
    await updateNote(tx, writer, note.id, { ...fields, status: moved.to, submitted: true });
    const [step] = await tx
      .insert(noteTransitions)
      .values({
        noteId: note.id,
        fromStatus: note.status,
        toStatus: moved.to,
        action: "submit",
        actorId: writer.id,
      })
      .returning({ id: noteTransitions.id });
    // The staff whose scope holds it hear of it in the same transaction as the submission.
    await notifyStaffOfSubmission(
      tx,
      note.id,
      `${note.id}:t${step?.id}`,
      note.status === "returned",
    );
    await auditNote(tx, writer, "note.submit", note.id, {
      created,
      from: note.status,
      to: moved.to,
      fields: delta.changed,
      photosAdded: delta.added,
      photosRemoved: delta.removed,
    });
    return { noteId: note.id, status: moved.to, duplicate: false };
  });
}

/** Stores one uploaded photo with the draft (creating the draft if need be). */
export async function addNotePhotoIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  photo: ProcessedPhoto,
): Promise<{ noteId: number; photo: NotePhotoSummary }> {
  return db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, true);
    if (!claimed) throw new AppError("not_found");
    const { note, created } = claimed;
    if (!isEditableByAuthor(note.status)) throw new AppError("locked");
    const [photoId] = await attachPhotos(tx, writer, note.id, [photo]);
    if (photoId === undefined) throw new Error("notes: photo not attached");
    await updateNote(tx, writer, note.id, {});
    await auditNote(tx, writer, "note.photo.add", note.id, {
      created,
      photoId,
      sha256: photo.sha256,
      byteSize: photo.byteSize,
    });
    return {
      noteId: note.id,
      photo: { id: photoId, url: notePhotoUrl(photoId), width: photo.width, height: photo.height },
    };
  });
}

/** Takes a photo off the writer's editable note. */
export async function removeNotePhotoIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  photoId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, false);
    if (!claimed) throw new AppError("not_found");
    const { note } = claimed;
    if (!isEditableByAuthor(note.status)) throw new AppError("locked");
    const removed = await detachPhotos(tx, writer, note.id, [photoId]);
    if (removed === 0) throw new AppError("not_found");
    await updateNote(tx, writer, note.id, {});
    await auditNote(tx, writer, "note.photo.remove", note.id, { photoId });
  });
}

// ---- the server's database --------------------------------------------------------

export const saveNoteDraft = withDb(saveNoteDraftIn);
export const submitNote = withDb(submitNoteIn);
export const addNotePhoto = withDb(addNotePhotoIn);
export const removeNotePhoto = withDb(removeNotePhotoIn);
