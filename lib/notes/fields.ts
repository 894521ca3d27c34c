/**
 * What a field note may contain, as zod schemas with one Chinese message per field.
 * Two levels: a draft may be incomplete (only limits and formats are checked, so that
 * saving while typing never fails for lack of a field); a submitted note needs every
 * required field. Whether a town, sector, event or topic exists is asked of the
 * database (db/queries/notes/choices.ts): here an id only has to look like one.
 */
import { z } from "zod";
import { notesMessages } from "../messages/notes";
import { fieldMaxLength, type NoteField, type NoteFieldErrors, noteFields } from "./form-state";

const fe = notesMessages.fieldErrors;

export const noteCategoryValues = ["industry", "livelihood", "governance"] as const;
export type NoteCategoryValue = (typeof noteCategoryValues)[number];

export type NoteMode = "draft" | "submit";

/** A note's fields after validation, as they are stored. */
export interface NoteFieldsData {
  title: string;
  observation: string;
  suggestion: string;
  /** "YYYY-MM-DD", a committee-local calendar date. */
  visitDate: string | null;
  townId: number | null;
  place: string;
  sectorId: number | null;
  eventId: number | null;
  topicId: number | null;
  category: NoteCategoryValue | null;
  peopleMet: string;
}

export const EARLIEST_VISIT_DATE = "2000-01-01";

const asText = (value: unknown): string => (typeof value === "string" ? value : "");

/** One line: line breaks and tabs become spaces, runs of spaces one. */
const singleLine = (value: unknown) =>
  asText(value)
    .replace(/[\r\n\t]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();

/** Paragraphs: Windows line ends become "\n"; leading and trailing blank space goes. */
const multiLine = (value: unknown) =>
  asText(value)
    .replace(/\r\n?/g, "\n")
    .replace(/^\s+|\s+$/g, "");

/**
 * Control characters other than line feed and tab (never typed, and NUL breaks PostgreSQL),
 * and U+FFFD, which stands where the browser sent bytes that were not UTF-8: storing it
 * would keep a garbled text the member never wrote.
 */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a && code !== 0x09) || code === 0x7f || code === 0xfffd)
      return true;
  }
  return false;
}

function textField(options: { multiline: boolean; max: number; maxMessage: string }) {
  const schema = z
    .string()
    .refine((s) => !hasControlCharacters(s), fe.controlCharacters)
    .max(options.max, options.maxMessage);
  return z.preprocess(options.multiline ? multiLine : singleLine, schema);
}

function idField(invalid: string) {
  return z.preprocess(
    (value) => (typeof value === "number" ? String(value) : asText(value).trim()),
    z
      .string()
      .regex(/^(?:\d{1,9})?$/, invalid)
      .transform((s) => (s === "" ? null : Number(s)))
      .refine((n) => n === null || n > 0, invalid),
  );
}

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number);
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function visitDateField(today: string) {
  const schema = z
    .string()
    .regex(/^(?:\d{4}-\d{2}-\d{2})?$/, fe.visitDateInvalid)
    .refine((s) => s === "" || isCalendarDate(s), fe.visitDateInvalid)
    .refine((s) => s === "" || s >= EARLIEST_VISIT_DATE, fe.visitDateTooEarly)
    .refine((s) => s === "" || s <= today, fe.visitDateFuture);
  return z.preprocess(
    (value) => asText(value).trim(),
    schema.transform((s) => (s === "" ? null : s)),
  );
}

/**
 * What any note may hold, field by field: limits and formats, nothing required (a draft
 * may be incomplete, so that saving while typing never fails for lack of a field).
 * `today` ("YYYY-MM-DD", committee-local) bounds the visit date: a parameter, so that the
 * rule is the same on any server clock.
 */
function noteFormatShape(today: string) {
  return {
    title: textField({ multiline: false, max: fieldMaxLength.title, maxMessage: fe.titleTooLong }),
    observation: textField({
      multiline: true,
      max: fieldMaxLength.observation,
      maxMessage: fe.observationTooLong,
    }),
    suggestion: textField({
      multiline: true,
      max: fieldMaxLength.suggestion,
      maxMessage: fe.suggestionTooLong,
    }),
    visitDate: visitDateField(today),
    townId: idField(fe.townInvalid),
    place: textField({ multiline: false, max: fieldMaxLength.place, maxMessage: fe.placeTooLong }),
    sectorId: idField(fe.sectorInvalid),
    eventId: idField(fe.eventInvalid),
    topicId: idField(fe.topicInvalid),
    category: z.preprocess(
      (value) => asText(value).trim(),
      z
        .enum(["", ...noteCategoryValues], { error: fe.categoryInvalid })
        .transform((s) => (s === "" ? null : s)),
    ),
    peopleMet: textField({
      multiline: true,
      max: fieldMaxLength.peopleMet,
      maxMessage: fe.peopleMetTooLong,
    }),
  } satisfies Record<NoteField, z.ZodType>;
}

const present = (message: string) => z.unknown().refine((v) => v !== null, message);

/**
 * What a submitted note needs besides: asked of the cleaned values (after the formats
 * above), so that no rule is checked twice.
 */
const noteCompleteShape: Partial<Record<NoteField, z.ZodType>> = {
  title: z.string().min(1, fe.titleRequired).min(4, fe.titleTooShort),
  observation: z.string().min(1, fe.observationRequired).min(20, fe.observationTooShort),
  suggestion: z.string().min(1, fe.suggestionRequired).min(10, fe.suggestionTooShort),
  visitDate: present(fe.visitDateRequired),
  townId: present(fe.townRequired),
  sectorId: present(fe.sectorRequired),
  category: present(fe.categoryRequired),
};

export interface NoteFieldsRead {
  /** The fields as stored, when every one passed its format (a storable draft). */
  data: NoteFieldsData | null;
  /** Fields whose text breaks a limit or format (one message each). */
  fieldErrors: NoteFieldErrors;
  /** For a submission: what the note still lacks (fields with a format error aside). */
  missing: NoteFieldErrors;
}

/**
 * The one pass over a note's fields: each field's format once, then (to submit) what a
 * complete note needs, once, on the cleaned value. The first message per field.
 */
export function readNoteFields(
  raw: Partial<Record<NoteField, unknown>>,
  mode: NoteMode,
  today: string,
): NoteFieldsRead {
  const formats = noteFormatShape(today);
  const data: Record<string, unknown> = {};
  const fieldErrors: NoteFieldErrors = {};
  const missing: NoteFieldErrors = {};
  for (const field of noteFields) {
    const parsed = formats[field].safeParse(raw[field]);
    if (!parsed.success) {
      fieldErrors[field] = parsed.error.issues[0]?.message;
      continue;
    }
    data[field] = parsed.data;
    const rule = mode === "submit" ? noteCompleteShape[field] : undefined;
    const complete = rule?.safeParse(parsed.data);
    if (complete && !complete.success) missing[field] = complete.error.issues[0]?.message;
  }
  const ok = Object.keys(fieldErrors).length === 0;
  return { data: ok ? (data as unknown as NoteFieldsData) : null, fieldErrors, missing };
}

export type NoteFieldsParse =
  | { ok: true; data: NoteFieldsData }
  | { ok: false; fieldErrors: NoteFieldErrors };

/** Validates the raw fields (form text) for a draft or a submission; one message per field. */
export function parseNoteFields(
  raw: Partial<Record<NoteField, unknown>>,
  mode: NoteMode,
  today: string,
): NoteFieldsParse {
  const read = readNoteFields(raw, mode, today);
  const fieldErrors = { ...read.missing, ...read.fieldErrors };
  return read.data && Object.keys(fieldErrors).length === 0
    ? { ok: true, data: read.data }
    : { ok: false, fieldErrors };
}

/** The raw fields of a submitted form. */
export function noteFieldsFromFormData(formData: FormData): Record<NoteField, unknown> {
  const raw = {} as Record<NoteField, unknown>;
  for (const field of noteFields) raw[field] = formData.get(field);
  return raw;
}

/** Enough of each value to give back to the form; a flood is cut, not echoed. */
export function echoNoteValues(
  raw: Partial<Record<NoteField, unknown>>,
): Record<NoteField, string> {
  const values = {} as Record<NoteField, string>;
  for (const field of noteFields) {
    const max = field in fieldMaxLength ? fieldMaxLength[field as keyof typeof fieldMaxLength] : 40;
    values[field] = asText(raw[field]).slice(0, max + 200);
  }
  return values;
}

/** Stored fields → the text of the form's controls. */
export function noteValuesFromData(data: NoteFieldsData): Record<NoteField, string> {
  const id = (n: number | null) => (n === null ? "" : String(n));
  return {
    title: data.title,
    observation: data.observation,
    suggestion: data.suggestion,
    visitDate: data.visitDate ?? "",
    townId: id(data.townId),
    place: data.place,
    sectorId: id(data.sectorId),
    eventId: id(data.eventId),
    topicId: id(data.topicId),
    category: data.category ?? "",
    peopleMet: data.peopleMet,
  };
}

/** The fields that differ between two versions of a note (for the audit log). */
export function changedNoteFields(before: NoteFieldsData, after: NoteFieldsData): NoteField[] {
  return (Object.keys(after) as NoteField[]).filter((field) => before[field] !== after[field]);
}
