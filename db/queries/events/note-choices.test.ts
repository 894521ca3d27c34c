import { describe, expect, it } from "vitest";
import {
  EVENT_CANDIDATES_MS,
  eventCandidatesFrom,
  type NoteEventChoice,
  pickNoteEventChoices,
} from "./note-choices";

/** The note form's events out of one minute's cached read: the same as asking at `now`. */

const DAY = 86_400_000;
const from = Date.UTC(2026, 11, 6, 2, 0);
const now = new Date(from + 30_000);
const event = (id: number, startsAt: number): NoteEventChoice => ({
  id,
  name: `活动${id}`,
  startsAt: new Date(startsAt),
});

describe("pickNoteEventChoices", () => {
  it("keeps the events of the window at `now`, its edges included, newest first", () => {
    const rows = [
      event(1, now.getTime() + DAY + 1),
      event(2, now.getTime() + DAY),
      event(3, now.getTime()),
      event(4, now.getTime() - 365 * DAY),
      event(5, now.getTime() - 365 * DAY - 1),
    ];
    expect(pickNoteEventChoices({ from, rows, complete: true }, now)?.map((e) => e.id)).toEqual([
      2, 3, 4,
    ]);
  });

  it("asks the database when `now` is outside the read's minute", () => {
    const candidates = { from, rows: [event(1, from)], complete: true };
    expect(pickNoteEventChoices(candidates, new Date(from - 1))).toBeNull();
    expect(pickNoteEventChoices(candidates, new Date(from + EVENT_CANDIDATES_MS))).toBeNull();
  });

  it("asks the database when the read was cut off short of a full list", () => {
    const late = Array.from({ length: 60 }, (_, i) => event(1000 + i, now.getTime() + DAY + 1));
    const past = Array.from({ length: 190 }, (_, i) =>
      event(i + 1, now.getTime() - (i + 1) * 60_000),
    );
    expect(
      pickNoteEventChoices({ from, rows: [...late, ...past], complete: false }, now),
    ).toBeNull();
    const more = Array.from({ length: 240 }, (_, i) =>
      event(i + 1, now.getTime() - (i + 1) * 60_000),
    );
    const picked = pickNoteEventChoices(
      { from, rows: [...late.slice(0, 10), ...more], complete: false },
      now,
    );
    expect(picked?.map((e) => e.id)).toEqual(more.slice(0, 200).map((e) => e.id));
  });
});

describe("eventCandidatesFrom", () => {
  it("keys every instant of a minute by its first millisecond, and the next minute anew", () => {
    expect(eventCandidatesFrom(from)).toBe(from);
    expect(eventCandidatesFrom(from + 1)).toBe(from);
    expect(eventCandidatesFrom(from + EVENT_CANDIDATES_MS - 1)).toBe(from);
    expect(eventCandidatesFrom(from + EVENT_CANDIDATES_MS)).toBe(from + EVENT_CANDIDATES_MS);
    expect(eventCandidatesFrom(from - 1)).toBe(from - EVENT_CANDIDATES_MS);
  });

  it("gives a span whose read the form's pick at that instant can use", () => {
    for (const at of [from, from + EVENT_CANDIDATES_MS - 1, from + EVENT_CANDIDATES_MS]) {
      const candidates = { from: eventCandidatesFrom(at), rows: [], complete: true };
      expect(pickNoteEventChoices(candidates, new Date(at))).toEqual([]);
    }
  });
});
