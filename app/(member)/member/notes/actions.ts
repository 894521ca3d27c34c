"use server";

import { redirect } from "next/navigation";
import {
  checkNoteReferences,
  findMemberNoteByClientId,
  listMemberNotePhotos,
  NoteWriteError,
  type PhotoChanges,
  removeNotePhoto,
  saveNoteDraft,
  submitNote,
} from "@/db/queries/notes";
import type { ProcessedPhoto } from "@/lib/images";
import { notesMessages as m } from "@/lib/messages/notes";
import {
  echoNoteValues,
  type NoteFieldsData,
  noteFieldsFromFormData,
  parseNoteFields,
} from "@/lib/notes/fields";
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
import { PhotoError, processPhoto } from "@/server/images/photo-processing";
import {
  committeeToday,
  type MemberWriter,
  noteWriterOrNull,
  photoErrorMessage,
} from "@/server/notes/member-context";

const referenceMessages = {
  town: m.fieldErrors.townInvalid,
  sector: m.fieldErrors.sectorInvalid,
  event: m.fieldErrors.eventInvalid,
  topic: m.fieldErrors.topicInvalid,
};

const hasErrors = (errors: NoteFieldErrors) => Object.keys(errors).length > 0;

/**
 * The note form's action, with or without JavaScript: authenticate, validate every
 * field (and, without JavaScript, the photos posted with the form), then save the
 * draft or submit. Without JavaScript this is a plain multipart POST; the page at the
 * form's permalink renders the returned state (typed values and one message per field).
 *
 * A submission whose note is already submitted (a retry, a doubled click, the same
 * form posted twice) goes to that note: nothing is written a second time.
 */
export async function submitNoteForm(
  previous: NoteFormState,
  formData: FormData,
): Promise<NoteFormState> {
  const raw = noteFieldsFromFormData(formData);
  const intent = formData.get("intent") === "save" ? "save" : "submit";
  const clientId = formData.get("clientId");
  const base: NoteFormState = {
    ...previous,
    values: echoNoteValues(raw),
    fieldErrors: {},
    message: null,
  };
  if (!isClientId(clientId)) return { ...base, message: m.errors.badRequest };
  base.clientId = clientId;

  const writer = await noteWriterOrNull();
  if (!writer) return { ...base, message: m.form.signedOut };

  const existing = await findMemberNoteByClientId(writer.id, clientId);
  if (existing && !isEditableByAuthor(existing.status)) {
    redirect(`/member/notes/${existing.id}${intent === "submit" ? "?submitted=1" : ""}`);
  }

  const today = await committeeToday();
  const draft = parseNoteFields(raw, "draft", today);
  const removals = formData
    .getAll("removePhoto")
    .map((value) => Number(value))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  const storedCount = existing ? (await listMemberNotePhotos(writer.id, existing.id)).length : 0;
  const photos = await readPostedPhotos(formData, storedCount - removals.length);

  const fieldErrors: NoteFieldErrors = {
    ...(draft.ok ? await checkNoteReferences(draft.data, referenceMessages) : draft.fieldErrors),
    ...photos.errors,
  };
  if (!draft.ok || hasErrors(fieldErrors)) {
    // Everything at once: what a submission would lack too, not only what cannot be stored.
    const missing = intent === "submit" ? parseNoteFields(raw, "submit", today) : null;
    return {
      ...base,
      fieldErrors: { ...(missing && !missing.ok ? missing.fieldErrors : {}), ...fieldErrors },
      message: `${m.form.errorSummary}${m.form.nothingLost}`,
    };
  }
  const changes: PhotoChanges = { add: photos.processed, remove: removals };

  if (intent === "save") {
    const saved = await write(() => saveNoteDraft(writer, clientId, draft.data, changes));
    if (!saved.ok) return { ...base, ...saved.refusal };
    redirect(`/member/notes/${saved.value.noteId}/edit?saved=1`);
  }

  const complete = parseNoteFields(raw, "submit", today);
  if (!complete.ok) {
    // What was typed is kept on the server too, photos included: a form posted without
    // JavaScript cannot hold on to its files, and nothing should have to be picked twice.
    return keepAsDraft(base, writer, clientId, draft.data, changes, complete.fieldErrors);
  }
  const submitted = await write(() => submitNote(writer, clientId, complete.data, changes));
  if (!submitted.ok) return { ...base, ...submitted.refusal };
  redirect(`/member/notes/${submitted.value.noteId}?submitted=1`);
}

async function keepAsDraft(
  base: NoteFormState,
  writer: MemberWriter,
  clientId: string,
  data: NoteFieldsData,
  changes: PhotoChanges,
  fieldErrors: NoteFieldErrors,
): Promise<NoteFormState> {
  const saved = await write(() => saveNoteDraft(writer, clientId, data, changes));
  if (!saved.ok) return { ...base, fieldErrors, ...saved.refusal };
  return {
    ...base,
    fieldErrors,
    message: m.form.draftKeptSummary,
    noteId: saved.value.noteId,
    status: saved.value.status,
    photos: await listMemberNotePhotos(writer.id, saved.value.noteId),
  };
}

/** Photos posted with the form (no JavaScript): each checked by content and re-encoded. */
async function readPostedPhotos(
  formData: FormData,
  alreadyStored: number,
): Promise<{ processed: ProcessedPhoto[]; errors: NoteFieldErrors }> {
  const posted = formData
    .getAll("photos")
    .filter((value): value is File => typeof value === "object" && value.size > 0);
  if (posted.length === 0) return { processed: [], errors: {} };
  if (alreadyStored + posted.length > MAX_PHOTOS) {
    return { processed: [], errors: { photos: m.fieldErrors.photosTooMany } };
  }
  const processed: ProcessedPhoto[] = [];
  for (const file of posted) {
    try {
      processed.push(await processPhoto(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (error instanceof PhotoError)
        return { processed: [], errors: { photos: photoErrorMessage(error.code) } };
      throw error;
    }
  }
  return { processed, errors: {} };
}

type WriteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; refusal: Pick<NoteFormState, "message"> & { fieldErrors?: NoteFieldErrors } };

/** Runs a write; a refusal becomes words for the form, anything else is logged. */
async function write<T>(run: () => Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof NoteWriteError) {
      if (error.code === "too_many_photos") {
        return {
          ok: false,
          refusal: {
            message: m.form.errorSummary,
            fieldErrors: { photos: m.fieldErrors.photosTooMany },
          },
        };
      }
      return {
        ok: false,
        refusal: { message: error.code === "locked" ? m.form.locked : m.errors.notFound },
      };
    }
    console.error("[notes] write failed:", error);
    return { ok: false, refusal: { message: m.form.unavailable } };
  }
}

/**
 * Autosave while the member types (JavaScript only): the fields as a draft, without
 * photos (those are uploaded one by one). Nothing is written when nothing changed.
 */
export async function autosaveNoteDraft(input: {
  clientId: string;
  values: NoteFormValues;
}): Promise<AutosaveResult> {
  const clientId = input?.clientId;
  if (!isClientId(clientId)) return { ok: false, message: m.errors.badRequest, fieldErrors: {} };
  const writer = await noteWriterOrNull();
  if (!writer) return { ok: false, message: m.form.signedOut, fieldErrors: {} };

  const values = typeof input.values === "object" && input.values !== null ? input.values : {};
  const draft = parseNoteFields(values, "draft", await committeeToday());
  if (!draft.ok) {
    return { ok: false, message: m.form.autosave.invalid, fieldErrors: draft.fieldErrors };
  }
  const referenceErrors = await checkNoteReferences(draft.data, referenceMessages);
  if (hasErrors(referenceErrors)) {
    return { ok: false, message: m.form.autosave.invalid, fieldErrors: referenceErrors };
  }
  try {
    const saved = await saveNoteDraft(writer, clientId, draft.data);
    return {
      ok: true,
      noteId: saved.noteId,
      savedAt: new Date().toISOString(),
      changed: saved.changed,
    };
  } catch (error) {
    if (error instanceof NoteWriteError && error.code === "locked") {
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
  const photoId = Number(input?.photoId);
  if (!isClientId(input?.clientId) || !Number.isSafeInteger(photoId) || photoId <= 0) {
    return { ok: false, message: m.errors.badRequest };
  }
  const writer = await noteWriterOrNull();
  if (!writer) return { ok: false, message: m.form.signedOut };
  const removed = await write(() => removeNotePhoto(writer, input.clientId, photoId));
  return removed.ok
    ? { ok: true }
    : { ok: false, message: removed.refusal.message ?? m.form.unavailable };
}
