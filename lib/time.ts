/**
 * Dates are stored as instants (timestamptz) and always shown in the committee's
 * time zone, whatever zone the server runs in.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("zh-CN", { timeZone, ...options });
    formatterCache.set(key, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"] as const;

/** The wall-clock parts of an instant in a time zone, as Intl gives them (slow: microseconds). */
function intlParts(instant: Date, timeZone: string): LocalParts & { second: number } {
  const parts = formatter(timeZone, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const year = get("year");
  const month = get("month");
  const day = get("day");
  return {
    year,
    month,
    day,
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    weekday: (((daysFromCivil(year, month, day) + 4) % 7) + 7) % 7,
  };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no Date). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day count since 1970-01-01 (the inverse of daysFromCivil). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp + (mp < 10 ? 3 : -9);
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

/** A zone's offset from UTC (ms, to the second) at an instant, from Intl. */
function intlOffset(ms: number, timeZone: string): number {
  const p = intlParts(new Date(ms), timeZone);
  const wall = (daysFromCivil(p.year, p.month, p.day) * 24 + p.hour) * 3_600_000;
  return wall + p.minute * 60_000 + p.second * 1000 - Math.floor(ms / 1000) * 1000;
}

/**
 * A zone's offset for a whole UTC day, or null when it changes during that day. Intl is
 * asked twice per zone and day, then never again: a month's calendar formats hundreds of
 * instants per request, and formatToParts is the slow part of that.
 */
const dayOffsets = new Map<string, number | null>();
function dayOffset(utcDay: number, timeZone: string): number | null {
  const key = `${timeZone}|${utcDay}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = intlOffset(utcDay * DAY_MS, timeZone);
    offset = start === intlOffset(utcDay * DAY_MS + DAY_MS - 1000, timeZone) ? start : null;
    if (dayOffsets.size >= 10_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock parts of an instant in a time zone. */
export function localParts(instant: Date, timeZone = DEFAULT_TIME_ZONE): LocalParts {
  const ms = instant.getTime();
  const offset = Number.isFinite(ms) ? dayOffset(Math.floor(ms / DAY_MS), timeZone) : null;
  if (offset === null) {
    const { second: _second, ...parts } = intlParts(instant, timeZone);
    return parts;
  }
  const wall = ms + offset;
  const days = Math.floor(wall / DAY_MS);
  const inDay = wall - days * DAY_MS;
  return {
    ...civilFromDays(days),
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor((inDay % 3_600_000) / 60_000),
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-05-12": the local calendar date of an instant. */
export function localDateKey(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026年5月12日" */
export function formatDate(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(instant, timeZone);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** "09:00" */
export function formatTime(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "周二" */
export function formatWeekday(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `周${WEEKDAYS[localParts(instant, timeZone).weekday]}`;
}

/** "2026年5月12日 周二 09:00" */
export function formatDateTime(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatDate(instant, timeZone)} ${formatWeekday(instant, timeZone)} ${formatTime(instant, timeZone)}`;
}

/** "09:00–11:30", or with both dates when the span crosses midnight. */
export function formatTimeRange(start: Date, end: Date, timeZone = DEFAULT_TIME_ZONE): string {
  if (localDateKey(start, timeZone) === localDateKey(end, timeZone)) {
    return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
  }
  return `${formatDateTime(start, timeZone)} 至 ${formatDateTime(end, timeZone)}`;
}

/** "2026年5月6日至31日", "2026年5月28日至6月3日" … for a span of calendar dates ("YYYY-MM-DD"). */
export function formatDateSpan(startsOn: string, endsOn: string): string {
  const [y1, m1, d1] = startsOn.split("-").map(Number);
  const [y2, m2, d2] = endsOn.split("-").map(Number);
  if (startsOn === endsOn) return `${y1}年${m1}月${d1}日`;
  if (y1 !== y2) return `${y1}年${m1}月${d1}日至${y2}年${m2}月${d2}日`;
  if (m1 !== m2) return `${y1}年${m1}月${d1}日至${m2}月${d2}日`;
  return `${y1}年${m1}月${d1}日至${d2}日`;
}

/** "2026-05-08" + 3 → "2026-05-11": calendar-date arithmetic on "YYYY-MM-DD" keys (no zone). */
export function addDays(dateKey: string, days: number): string {
  const [y, m, d] = dateKey.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The offset of a time zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(instant: Date, timeZone = DEFAULT_TIME_ZONE): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at which the wall clock in `timeZone` shows `date` ("YYYY-MM-DD") and `time` ("HH:MM"). */
export function zonedInstant(date: string, time: string, timeZone = DEFAULT_TIME_ZONE): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const guess = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Two passes settle the offset even across a daylight-saving change.
  let instant = new Date(guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
  instant = new Date(guess - zoneOffsetMinutes(instant, timeZone) * 60_000);
  return instant;
}
