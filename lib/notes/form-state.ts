/**
 * The shapes the note form and its server actions exchange. Types and plain values
 * only: the browser imports this file, so no zod and nothing server-side here.
 */
import type { FormState } from "../form-state";
import type { NoteStatus } from "./workflow";

export const noteFields = [
  "title",
  "observation",
  "suggestion",
  "visitDate",
  "townId",
  "place",
  "sectorId",
  "eventId",
  "topicId",
  "category",
  "peopleMet",
] as const;
export type NoteField = (typeof noteFields)[number];

/** What the form holds: every field as the text of its control. */
export type NoteFormValues = Record<NoteField, string>;

/** Field errors include "photos" (the picker) besides the text fields. */
export type NoteFieldErrors = Partial<Record<NoteField | "photos", string>>;

export interface NotePhotoSummary {
  id: number;
  url: string;
  width: number | null;
  height: number | null;
}

/** What the note form posts and gets back: its fields, and the browser's id for the note. */
export type NoteFormFields = NoteFormValues & { clientId: string };

/** What the form shows besides its fields: the stored photos and the note once it exists. */
export interface NoteFormResult {
  /** Photos already stored with the draft. */
  photos: NotePhotoSummary[];
  /** The note's status once it exists (null: not saved yet). */
  status: NoteStatus | null;
  noteId: number | null;
}

/**
 * The note form's state, as `useActionState` keeps it and the no-JS page re-renders it: the
 * one FormState (lib/form-state.ts), whose field errors may also name the photo picker.
 */
export type NoteFormState = Omit<FormState<NoteFormFields, NoteFormResult>, "fieldErrors"> & {
  fieldErrors: NoteFieldErrors;
  result: NoteFormResult;
};

export type AutosaveResult =
  | { ok: true; noteId: number; savedAt: string; changed: boolean }
  | { ok: false; message: string; fieldErrors: NoteFieldErrors; locked?: boolean };

export type PhotoUploadResult =
  | { ok: true; noteId: number; photo: NotePhotoSummary }
  | { ok: false; message: string };

export type PhotoRemoveResult = { ok: true } | { ok: false; message: string };

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/** Longest text per field; the same limits the server enforces. */
export const fieldMaxLength = {
  title: 60,
  observation: 5000,
  suggestion: 3000,
  place: 100,
  peopleMet: 500,
} as const;

export function emptyNoteValues(overrides: Partial<NoteFormValues> = {}): NoteFormValues {
  return {
    title: "",
    observation: "",
    suggestion: "",
    visitDate: "",
    townId: "",
    place: "",
    sectorId: "",
    eventId: "",
    topicId: "",
    category: "",
    peopleMet: "",
    ...overrides,
  };
}

/** Where the photo picker uploads one photo of a draft (raw body, `?clientId=…`). */
export const PHOTO_UPLOAD_URL = "/member/photos";
/** Sent with every upload: a cross-site form cannot set it, and a cross-site script may not. */
export const PHOTO_UPLOAD_HEADER = "x-lvzhi-upload";

/** The URL a stored note photo is served from (author and permitted staff only). */
export function notePhotoUrl(photoId: number): string {
  return `/member/photos/${photoId}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isClientId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
