/**
 * What a field note may contain, as zod schemas with one Chinese message per field.
 * Two levels: a draft may be incomplete (only limits and formats are checked, so that
 * saving while typing never fails for lack of a field); a submitted note needs every
 * required field. Whether a town, sector, event or topic exists is asked of the
 * database (db/queries/notes.ts): here an id only has to look like one.
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

function textField(options: {
  multiline: boolean;
  max: number;
  maxMessage: string;
  /** Only when submitting. */
  required?: { message: string; min: number; minMessage: string };
}) {
  let schema = z.string().refine((s) => !hasControlCharacters(s), fe.controlCharacters);
  if (options.required) {
    schema = schema
      .min(1, options.required.message)
      .min(options.required.min, options.required.minMessage);
  }
  schema = schema.max(options.max, options.maxMessage);
  return z.preprocess(options.multiline ? multiLine : singleLine, schema);
}

function idField(invalid: string, required: string | null) {
  const id = z
    .string()
    .regex(/^(?:\d{1,9})?$/, invalid)
    .transform((s) => (s === "" ? null : Number(s)))
    .refine((n) => n === null || n > 0, invalid);
  return z.preprocess(
    (value) => (typeof value === "number" ? String(value) : asText(value).trim()),
    required ? id.refine((n) => n !== null, required) : id,
  );
}

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number);
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function visitDateField(today: string, required: boolean) {
  let schema = z
    .string()
    .regex(/^(?:\d{4}-\d{2}-\d{2})?$/, fe.visitDateInvalid)
    .refine((s) => s === "" || isCalendarDate(s), fe.visitDateInvalid)
    .refine((s) => s === "" || s >= EARLIEST_VISIT_DATE, fe.visitDateTooEarly)
    .refine((s) => s === "" || s <= today, fe.visitDateFuture);
  if (required) schema = schema.refine((s) => s !== "", fe.visitDateRequired);
  return z.preprocess(
    (value) => asText(value).trim(),
    schema.transform((s) => (s === "" ? null : s)),
  );
}

function categoryField(required: boolean) {
  const schema = z
    .enum(["", ...noteCategoryValues], { error: fe.categoryInvalid })
    .refine((s) => !required || s !== "", fe.categoryRequired)
    .transform((s) => (s === "" ? null : s));
  return z.preprocess((value) => asText(value).trim(), schema);
}

/**
 * The schema of a note's fields. `today` ("YYYY-MM-DD", committee-local) bounds the
 * visit date; it is a parameter so that the rule is the same on any server clock.
 */
export function noteFieldsSchema(mode: NoteMode, today: string) {
  const submit = mode === "submit";
  return z.object({
    title: textField({
      multiline: false,
      max: fieldMaxLength.title,
      maxMessage: fe.titleTooLong,
      required: submit
        ? { message: fe.titleRequired, min: 4, minMessage: fe.titleTooShort }
        : undefined,
    }),
    observation: textField({
      multiline: true,
      max: fieldMaxLength.observation,
      maxMessage: fe.observationTooLong,
      required: submit
        ? { message: fe.observationRequired, min: 20, minMessage: fe.observationTooShort }
        : undefined,
    }),
    suggestion: textField({
      multiline: true,
      max: fieldMaxLength.suggestion,
      maxMessage: fe.suggestionTooLong,
      required: submit
        ? { message: fe.suggestionRequired, min: 10, minMessage: fe.suggestionTooShort }
        : undefined,
    }),
    visitDate: visitDateField(today, submit),
    townId: idField(fe.townInvalid, submit ? fe.townRequired : null),
    place: textField({
      multiline: false,
      max: fieldMaxLength.place,
      maxMessage: fe.placeTooLong,
    }),
    sectorId: idField(fe.sectorInvalid, submit ? fe.sectorRequired : null),
    eventId: idField(fe.eventInvalid, null),
    topicId: idField(fe.topicInvalid, null),
    category: categoryField(submit),
    peopleMet: textField({
      multiline: true,
      max: fieldMaxLength.peopleMet,
      maxMessage: fe.peopleMetTooLong,
    }),
  });
}

export type NoteFieldsParse =
  | { ok: true; data: NoteFieldsData }
  | { ok: false; fieldErrors: NoteFieldErrors };

/** Validates the raw fields (form text); one message per field, the first that applies. */
export function parseNoteFields(
  raw: Partial<Record<NoteField, unknown>>,
  mode: NoteMode,
  today: string,
): NoteFieldsParse {
  const result = noteFieldsSchema(mode, today).safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: NoteFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (noteFields as readonly string[]).includes(field)) {
      fieldErrors[field as NoteField] ??= issue.message;
    }
  }
  return { ok: false, fieldErrors };
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
