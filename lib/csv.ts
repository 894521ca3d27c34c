/**
 * CSV for spreadsheets (RFC 4180): fields quoted when they need it, CRLF line ends, and a
 * UTF-8 byte order mark so that Excel opens Chinese text as UTF-8 instead of GBK.
 *
 * Text that a spreadsheet would read as a formula (=, +, -, @, and a leading tab or
 * carriage return, which some spreadsheets skip before looking) gets a leading
 * apostrophe: an exported opinion saying `=HYPERLINK(…)` stays text. Numbers are written
 * as numbers and are never prefixed (a negative figure stays a figure).
 */

export const UTF8_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export type CsvValue = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded and quoted as needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line end. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",");
}

/**
 * A whole file: the BOM, the header and the rows, every record ended by CRLF
 * (RFC 4180 allows the last one to end with it, and Excel is happier when it does).
 */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: { bom?: boolean } = {},
): string {
  const lines = [csvRecord(header)];
  for (const row of rows) lines.push(csvRecord(row));
  return `${options.bom === false ? "" : UTF8_BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * `Content-Disposition` for a download named `filename` (Chinese allowed): an ASCII
 * fallback for old clients and the UTF-8 name (RFC 6266 / RFC 5987) for the rest.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of a CSV download that no cache keeps (exports hold personal or staff data). */
export function csvHeaders(filename: string, options: { public?: boolean } = {}): Headers {
  return new Headers({
    "Content-Type": CSV_CONTENT_TYPE,
    "Content-Disposition": attachmentDisposition(filename),
    "Cache-Control": options.public ? "public, max-age=300" : "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
}
