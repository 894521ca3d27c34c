import { z } from "zod";
import { cmsMessages } from "@/lib/messages/cms";
import { zonedInstant } from "@/lib/time";

/**
 * Zod building blocks for the staff forms. Every field starts from the string the
 * browser sent (see form-state.ts) and ends as the type the query wants, with a Chinese
 * message naming the field when it cannot.
 */

const f = cmsMessages.field;

// Control characters, and U+FFFD where a browser sent bytes that were not UTF-8.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFFFD]/;

const asText = (value: unknown) => (typeof value === "string" ? value : "");
/** One line: NFC, spaces collapsed, trimmed. */
const tidyLine = (value: unknown) => asText(value).normalize("NFC").replace(/\s+/g, " ").trim();
/** Several lines: NFC, CRLF → LF, trailing spaces and outer blank lines removed. */
const tidyBlock = (value: unknown) =>
  asText(value)
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();

const length = (s: string) => [...s].length;

/** A single-line text, required or not, at most `max` characters. */
export function line(label: string, max: number, options: { required?: boolean } = {}) {
  return z.preprocess(
    tidyLine,
    z
      .string()
      .refine((s) => !options.required || s.length > 0, f.required(label))
      .refine((s) => length(s) <= max, f.tooLong(label, max))
      .refine((s) => !CONTROL.test(s), f.invalidCharacters(label)),
  );
}

/** A multi-line text (Markdown or plain), at most `max` characters. */
export function block(label: string, max: number, options: { required?: boolean } = {}) {
  return z.preprocess(
    tidyBlock,
    z
      .string()
      .refine((s) => !options.required || s.length > 0, f.required(label))
      .refine((s) => length(s) <= max, f.tooLong(label, max))
      .refine((s) => !CONTROL.test(s), f.invalidCharacters(label)),
  );
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** A URL slug; empty → null when optional. */
export function slug(options: { optional?: boolean } = {}) {
  return z.preprocess(
    (v) => tidyLine(v).toLowerCase(),
    z
      .string()
      .refine((s) => (options.optional && s === "") || SLUG_PATTERN.test(s), f.slug)
      .transform((s) => (s === "" ? null : s)),
  );
}

/** An id chosen from a select: "" → null (when optional), digits → number. */
export function optionalId(label: string) {
  return z.preprocess(
    tidyLine,
    z
      .string()
      .refine((s) => s === "" || /^[1-9]\d{0,8}$/.test(s), f.invalidChoice(label))
      .transform((s) => (s === "" ? null : Number(s))),
  );
}

export function requiredId(label: string) {
  return z.preprocess(
    tidyLine,
    z
      .string()
      .refine((s) => s !== "", f.choose(label))
      .refine((s) => s === "" || /^[1-9]\d{0,8}$/.test(s), f.invalidChoice(label))
      .transform(Number),
  );
}

/** Checkbox ids → distinct numbers. */
export function idList(label: string) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? v : []),
    z
      .array(z.string())
      .refine((a) => a.every((s) => /^[1-9]\d{0,8}$/.test(s)), f.invalidChoice(label))
      .transform((a) => [...new Set(a.map(Number))]),
  );
}

/** One of `values`. */
export function choice<const T extends readonly string[]>(values: T, label: string) {
  return z.preprocess(
    tidyLine,
    z
      .string()
      .refine((s) => s !== "", f.choose(label))
      .refine((s) => s === "" || values.includes(s), f.invalidChoice(label))
      .transform((s) => s as T[number]),
  );
}

/** A checkbox: present ("on", "yes", "1", "true") → true. */
export const checkbox = z.preprocess(
  (v) => v === "on" || v === "yes" || v === "1" || v === "true",
  z.boolean(),
);

/** A whole number within [min, max]; empty → null when optional. */
export function integer(
  label: string,
  min: number,
  max: number,
  options: { optional?: boolean; message?: string } = {},
) {
  const message = options.message ?? f.invalidNumber(label);
  return z.preprocess(
    (v) => tidyLine(v).normalize("NFKC"),
    z
      .string()
      .refine((s) => (options.optional && s === "") || /^-?\d{1,9}$/.test(s), message)
      .transform((s) => (s === "" ? null : Number(s)))
      .refine((n) => n === null || (n >= min && n <= max), message),
  );
}

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?$/;

/** Is "YYYY-MM-DD" a real calendar date? */
export function isCalendarDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A local date "YYYY-MM-DD"; empty → null when optional. */
export function localDate(label: string, options: { optional?: boolean } = {}) {
  return z.preprocess(
    tidyLine,
    z
      .string()
      .refine((s) => (options.optional && s === "") || isCalendarDate(s), f.invalidDate(label))
      .transform((s) => (s === "" ? null : s)),
  );
}

/**
 * A `datetime-local` value ("2026-05-12T14:30"), read as wall-clock time in the committee's
 * zone → the instant. Empty → null when optional.
 */
export function localDateTime(
  label: string,
  timeZone: string,
  options: { optional?: boolean } = {},
) {
  return z.preprocess(
    tidyLine,
    z
      .string()
      .refine((s) => {
        if (options.optional && s === "") return true;
        const m = DATETIME_PATTERN.exec(s);
        if (!m?.[1] || !m[2] || !isCalendarDate(m[1])) return false;
        const [h, mi] = m[2].split(":").map(Number);
        return (h ?? 99) < 24 && (mi ?? 99) < 60;
      }, f.invalidDate(label))
      .transform((s) => {
        if (s === "") return null;
        const m = DATETIME_PATTERN.exec(s);
        return zonedInstant(m?.[1] ?? "", m?.[2] ?? "", timeZone);
      }),
  );
}
