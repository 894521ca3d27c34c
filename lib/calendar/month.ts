/**
 * Month arithmetic on the committee's local calendar dates ("YYYY-MM-DD" keys, computed in
 * its time zone): the month grid, the instants a grid or a month covers, events by day.
 */
import { addDays, localDateKey, zonedInstant } from "@/lib/time";
import { MIN_YEAR, monthSchema } from "./query";

const pad = (n: number) => String(n).padStart(2, "0");
function utcOfDateKey(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? MIN_YEAR, (m ?? 1) - 1, d ?? 1);
}

/** "2026-05" of "2026-05-08". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** "2026-05" ± n months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = (y ?? MIN_YEAR) * 12 + (m ?? 1) - 1 + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Whether a month still lies inside the range the calendar accepts (for prev/next links). */
export function isNavigableMonth(month: string): boolean {
  return monthSchema.safeParse(month).success;
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? MIN_YEAR, m ?? 1, 0)).getUTCDate();
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(date: string): number {
  const day = new Date(utcOfDateKey(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface GridDay {
  date: string;
  day: number;
  /** False for the greyed days of the previous and next month. */
  inMonth: boolean;
  isToday: boolean;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

/** The month as whole weeks, Monday first, padded with the adjacent months' days. */
export function buildMonthGrid(month: string, today: string): GridDay[][] {
  const first = `${month}-01`;
  const last = `${month}-${pad(daysInMonth(month))}`;
  const start = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const weeks: GridDay[][] = [];
  for (let date = start; date <= end; date = addDays(date, 7)) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      const d = addDays(date, i);
      week.push({
        date: d,
        day: Number(d.slice(8, 10)),
        inMonth: monthOf(d) === month,
        isToday: d === today,
        weekday: i + 1,
      });
    }
    weeks.push(week);
  }
  return weeks;
}

export interface InstantRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** From local midnight of `firstDate` to local midnight after `lastDate`, in `timeZone`. */
export function localDaysRange(
  firstDate: string,
  lastDate: string,
  timeZone: string,
): InstantRange {
  return {
    from: zonedInstant(firstDate, "00:00", timeZone),
    to: zonedInstant(addDays(lastDate, 1), "00:00", timeZone),
  };
}

/** The instants covered by the whole grid of a month (adjacent days included). */
export function monthGridRange(month: string, timeZone: string): InstantRange {
  const weeks = buildMonthGrid(month, "");
  const first = weeks[0]?.[0]?.date ?? `${month}-01`;
  const last = weeks.at(-1)?.at(-1)?.date ?? `${month}-${pad(daysInMonth(month))}`;
  return localDaysRange(first, last, timeZone);
}

/** What a view of `month` covers: the whole grid (adjacent days included), or the month. */
export function viewRange(view: "month" | "list", month: string, timeZone: string): InstantRange {
  return view === "month" ? monthGridRange(month, timeZone) : monthRange(month, timeZone);
}

/** The instants of one month, local midnight to local midnight. */
export function monthRange(month: string, timeZone: string): InstantRange {
  return localDaysRange(`${month}-01`, `${month}-${pad(daysInMonth(month))}`, timeZone);
}

/** The events that overlap a range (an event at the range's start counts even if zero-length). */
export function eventsInRange<T extends { startsAt: Date; endsAt: Date }>(
  events: readonly T[],
  range: InstantRange,
): T[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  return events.filter((e) => {
    const start = e.startsAt.getTime();
    return start < to && (e.endsAt.getTime() > from || start >= from);
  });
}

/** A long event is shown on at most this many days. */
const MAX_SPAN_DAYS = 62;

/** The local dates an event touches (an event ending exactly at midnight does not touch the next day). */
export function eventDays(startsAt: Date, endsAt: Date, timeZone: string): string[] {
  const first = localDateKey(startsAt, timeZone);
  const lastInstant =
    endsAt.getTime() > startsAt.getTime() ? new Date(endsAt.getTime() - 1) : startsAt;
  const last = localDateKey(lastInstant, timeZone);
  const days = [first];
  for (let d = addDays(first, 1); d <= last && days.length < MAX_SPAN_DAYS; d = addDays(d, 1)) {
    days.push(d);
  }
  return days;
}

/** Events by local date, each day in start order; only days that have events. */
export function groupEventsByDay<T extends { startsAt: Date; endsAt: Date }>(
  events: readonly T[],
  timeZone: string,
  options: { spanDays?: boolean } = {},
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  const sorted = [...events].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const event of sorted) {
    const days = options.spanDays
      ? eventDays(event.startsAt, event.endsAt, timeZone)
      : [localDateKey(event.startsAt, timeZone)];
    for (const day of days) {
      const list = byDay.get(day);
      if (list) list.push(event);
      else byDay.set(day, [event]);
    }
  }
  return new Map([...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The month to show when the URL names none: today's; but when a campaign filter
 * is set and today falls outside it, the campaign's first month.
 */
export function defaultMonth(
  today: string,
  campaign?: { startsOn: string; endsOn: string } | null,
): string {
  if (campaign && (today < campaign.startsOn || today > campaign.endsOn)) {
    return monthOf(campaign.startsOn);
  }
  return monthOf(today);
}

/** "2026年5月" */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${y}年${m}月`;
}
