"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { checkNoteReferences } from "@/db/queries/notes/choices";
import {
  findMemberNoteByClientId,
  listMemberNotePhotos,
  type MemberNoteRef,
} from "@/db/queries/notes/member";
import {
  type NoteWriter,
  removeNotePhoto,
  saveNoteDraft,
  submitNote,
} from "@/db/queries/notes/write";
import { isAppError } from "@/lib/errors";
import type { ProcessedPhoto } from "@/lib/images";
import { commonMessages } from "@/lib/messages/common";
import { notesMessages as m, noteErrorMessage } from "@/lib/messages/notes";
import { echoNoteValues, noteFieldsFromFormData, readNoteFields } from "@/lib/notes/fields";
import {
  type AutosaveResult,
  isClientId,
  MAX_PHOTOS,
  type NoteFieldErrors,
  type NoteFormState,
  type NoteFormValues,
  type PhotoRemoveResult,
} from "@/lib/notes/form-state";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { fieldWithControlCharacters } from "@/lib/text/control-characters.mjs";
import { committeeToday } from "@/server/action";
import { processPhoto } from "@/server/images/photo-processing";
import { noteAuthorOrNull, noteWriterOf } from "@/server/notes/member-context";

/**
 * A member's note, from the form to its one transaction. In one order: authenticate (the
 * member gate), parse (every field once: lib/notes/fields.ts; the ids once against the
 * database; posted photos checked and re-encoded), then the write, which alone looks the
 * note up, checks that it may still change and counts its photos, inside its
 * transaction (db/queries/notes/write.ts). Refusals keep what was typed.
 */

const referenceMessages = {
  town: m.fieldErrors.townInvalid,
  sector: m.fieldErrors.sectorInvalid,
  event: m.fieldErrors.eventInvalid,
  topic: m.fieldErrors.topicInvalid,
};

const hasErrors = (errors: NoteFieldErrors) => Object.keys(errors).length > 0;

/** Today in the committee's time zone: the latest possible visit date. */
const committeeDate = async () => (await committeeToday()).today;

/**
 * The note form's action, with or without JavaScript. Without JavaScript this is a plain
 * multipart POST; the page at the form's permalink renders the returned state (typed
 * values and one message per field).
 *
 * A submission whose note is already submitted (a retry, a doubled click, the same form
 * posted twice) goes to that note: nothing is written a second time.
 */
export async function submitNoteForm(
  previous: NoteFormState,
  formData: FormData,
): Promise<NoteFormState> {
  const raw = noteFieldsFromFormData(formData);
  const base: NoteFormState = {
    status: "error",
    message: null,
    fieldErrors: {},
    values: { ...echoNoteValues(raw), clientId: previous.values.clientId },
    result: previous.result,
  };
  // 1. authenticate
  const author = await noteAuthorOrNull();
  if (!author) return { ...base, message: m.form.signedOut };
  // 2. parse: no text with a control character goes further (lib/text/control-characters.mjs)
  const garbled = fieldWithControlCharacters(formData);
  if (garbled !== null) {
    const message = commonMessages.errors.controlCharacters;
    return {
      ...base,
      message,
      fieldErrors: garbled in base.values ? { [garbled]: message } : {},
    };
  }
  const clientId = formData.get("clientId");
  if (!isClientId(clientId)) return { ...base, message: m.errors.badRequest };
  base.values.clientId = clientId;
  const intent = formData.get("intent") === "save" ? "save" : "submit";
  const mode = intent === "save" ? "draft" : "submit";
  const fields = readNoteFields(raw, mode, await committeeDate());
  const references = fields.data ? await checkNoteReferences(fields.data, referenceMessages) : {};
  // Before any photo is decoded (a cheap look; the write's transaction still decides): a
  // retried post of a note that has left the author's hands goes to that note, and more
  // photos than the note may hold are refused without decoding them.
  const existing = await findMemberNoteByClientId(author.user.id, clientId);
  if (existing) sendOnIfLocked(existing, intent);
  const photos = (await tooManyPhotos(author.user.id, existing, formData))
    ? { processed: [], errors: { photos: m.fieldErrors.photosTooMany } }
    : await readPostedPhotos(formData);
  const fieldErrors = { ...fields.fieldErrors, ...references, ...photos.errors };
  if (!fields.data || hasErrors(fieldErrors)) {
    // Everything at once: what a submission would lack too, not only what cannot be stored.
    return {
      ...base,
      fieldErrors: { ...(intent === "submit" ? fields.missing : {}), ...fieldErrors },
      message: `${m.form.errorSummary}${m.form.nothingLost}`,
    };
  }
  // 3. run: the write checks ownership, state and the photo limit in its transaction
  const writer = noteWriterOf(author);
  const changes = { add: photos.processed, remove: removals(formData) };
  try {
    if (intent === "save") {
      const saved = await saveNoteDraft(writer, clientId, fields.data, changes);
      redirect(`/member/notes/${saved.noteId}/edit?saved=1`);
    }
    if (hasErrors(fields.missing)) {
      // What was typed is kept on the server too, photos included: a form posted without
      // JavaScript cannot hold on to its files, and nothing should have to be picked twice.
      const kept = await saveNoteDraft(writer, clientId, fields.data, changes);
      return {
        ...base,
        fieldErrors: fields.missing,
        message: m.form.draftKeptSummary,
        result: {
          noteId: kept.noteId,
          status: kept.status,
          photos: await listMemberNotePhotos(writer.id, kept.noteId),
        },
      };
    }
    const submitted = await submitNote(writer, clientId, fields.data, changes);
    redirect(`/member/notes/${submitted.noteId}?submitted=1`);
  } catch (error) {
    unstable_rethrow(error);
    return refused(error, base, writer, clientId, intent);
  }
}

/** A refusal of the write in words; a note already out of the author's hands is shown. */
async function refused(
  error: unknown,
  base: NoteFormState,
  writer: NoteWriter,
  clientId: string,
  intent: "save" | "submit",
): Promise<NoteFormState> {
  if (isAppError(error, "locked")) await toLockedNote(writer.id, clientId, intent);
  if (isAppError(error, "too_many_photos")) {
    return {
      ...base,
      message: m.form.errorSummary,
      fieldErrors: { photos: m.fieldErrors.photosTooMany },
    };
  }
  if (isAppError(error)) {
    return { ...base, message: noteErrorMessage(error.code) };
  }
  console.error("[notes] write failed:", error);
  return { ...base, message: m.form.unavailable };
}

/** A note the author can no longer change is shown, not refused: redirects when it is one. */
async function toLockedNote(authorId: number, clientId: string, intent: "save" | "submit") {
  const note = await findMemberNoteByClientId(authorId, clientId);
  if (note) sendOnIfLocked(note, intent);
}

function sendOnIfLocked(note: MemberNoteRef, intent: "save" | "submit") {
  if (!isEditableByAuthor(note.status)) {
    redirect(`/member/notes/${note.id}${intent === "submit" ? "?submitted=1" : ""}`);
  }
}

/** Would the posted photos take the note (if it exists) over MAX_PHOTOS? */
async function tooManyPhotos(authorId: number, note: MemberNoteRef | null, formData: FormData) {
  const posted = postedPhotoFiles(formData).length;
  if (posted === 0) return false;
  const stored = note ? (await listMemberNotePhotos(authorId, note.id)).length : 0;
  const removed = note ? removals(formData).length : 0;
  return stored - removed + posted > MAX_PHOTOS;
}

function postedPhotoFiles(formData: FormData): File[] {
  return formData
    .getAll("photos")
    .filter((value): value is File => typeof value === "object" && value.size > 0);
}

/** note_photos ids ticked for removal (without JavaScript). */
function removals(formData: FormData): number[] {
  return formData
    .getAll("removePhoto")
    .map((value) => Number(value))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

/**
 * Photos posted with the form (no JavaScript): each checked by content and re-encoded.
 * More than a note may hold at all is refused before any is decoded; the limit with the
 * photos already stored is the write's to check.
 */
async function readPostedPhotos(
  formData: FormData,
): Promise<{ processed: ProcessedPhoto[]; errors: NoteFieldErrors }> {
  const posted = postedPhotoFiles(formData);
  if (posted.length > MAX_PHOTOS) {
    return { processed: [], errors: { photos: m.fieldErrors.photosTooMany } };
  }
  const processed: ProcessedPhoto[] = [];
  for (const file of posted) {
    try {
      processed.push(await processPhoto(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (isAppError(error, "not_image", "too_large", "too_many_pixels", "unreadable")) {
        return { processed: [], errors: { photos: noteErrorMessage(error.code) } };
      }
      throw error;
    }
  }
  return { processed, errors: {} };
}

/**
 * Autosave while the member types (JavaScript only): the fields as a draft, without
 * photos (those are uploaded one by one). Nothing is written when nothing changed.
 */
export async function autosaveNoteDraft(input: {
  clientId: string;
  values: NoteFormValues;
}): Promise<AutosaveResult> {
  const author = await noteAuthorOrNull();
  if (!author) return { ok: false, message: m.form.signedOut, fieldErrors: {} };
  const clientId = input?.clientId;
  if (!isClientId(clientId)) return { ok: false, message: m.errors.badRequest, fieldErrors: {} };
  const values = typeof input.values === "object" && input.values !== null ? input.values : {};
  const fields = readNoteFields(values, "draft", await committeeDate());
  if (!fields.data) {
    return { ok: false, message: m.form.autosave.invalid, fieldErrors: fields.fieldErrors };
  }
  const references = await checkNoteReferences(fields.data, referenceMessages);
  if (hasErrors(references)) {
    return { ok: false, message: m.form.autosave.invalid, fieldErrors: references };
  }
  try {
    const saved = await saveNoteDraft(noteWriterOf(author), clientId, fields.data);
    return {
      ok: true,
      noteId: saved.noteId,
      savedAt: new Date().toISOString(),
      changed: saved.changed,
    };
  } catch (error) {
    if (isAppError(error, "locked")) {
      return { ok: false, message: m.form.locked, fieldErrors: {}, locked: true };
    }
    console.error("[notes] autosave failed:", error);
    return { ok: false, message: m.form.unavailable, fieldErrors: {} };
  }
}

/** Takes a stored photo off the member's draft (JavaScript: the 删除 button). */
export async function removeDraftPhoto(input: {
  clientId: string;
  photoId: number;
}): Promise<PhotoRemoveResult> {
  const author = await noteAuthorOrNull();
  if (!author) return { ok: false, message: m.form.signedOut };
  const photoId = Number(input?.photoId);
  if (!isClientId(input?.clientId) || !Number.isSafeInteger(photoId) || photoId <= 0) {
    return { ok: false, message: m.errors.badRequest };
  }
  try {
    await removeNotePhoto(noteWriterOf(author), input.clientId, photoId);
    return { ok: true };
  } catch (error) {
    if (isAppError(error, "locked", "not_found")) {
      return { ok: false, message: noteErrorMessage(error.code) };
    }
    console.error("[notes] photo removal failed:", error);
    return { ok: false, message: m.form.unavailable };
  }
}
