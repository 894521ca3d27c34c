import type { NoteFormOptions } from "@/db/queries/notes/choices";
import { formatDate } from "@/lib/time";
import type { NoteFormLists } from "./note-form-parts";

/** The form's lists, with event dates written out on the server in the committee's zone. */
export function toFormLists(options: NoteFormOptions, timeZone: string): NoteFormLists {
  return {
    towns: options.towns,
    sectors: options.sectors,
    topics: options.topics,
    events: options.events.map((e) => ({
      id: e.id,
      name: e.name,
      label: formatDate(e.startsAt, timeZone),
    })),
  };
}

/** "/member/notes/12" → 12; anything else → null. */
export function noteIdFrom(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}
