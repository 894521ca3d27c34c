import { formatTime, localDateKey } from "@/lib/time";

/** "2026-05-12T14:30": an instant as a `datetime-local` input shows it, in the committee's zone. */
export function toLocalInput(instant: Date | null | undefined, timeZone: string): string {
  if (!instant) return "";
  return `${localDateKey(instant, timeZone)}T${formatTime(instant, timeZone)}`;
}

/** "2026-05-12 14:30": compact, sortable, for tables and exports. */
export function compactDateTime(instant: Date | null | undefined, timeZone: string): string {
  if (!instant) return "";
  return `${localDateKey(instant, timeZone)} ${formatTime(instant, timeZone)}`;
}

/** Id-name pairs as select options. */
export function toOptions(rows: readonly { id: number; name: string }[]) {
  return rows.map((r) => ({ value: String(r.id), label: r.name }));
}

/** Ids as the strings checkboxes and selects hold. */
export function idStrings(ids: readonly (number | null)[]): string[] {
  return ids.flatMap((id) => (id === null ? [] : [String(id)]));
}
