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

/** The wall-clock parts of an instant in a time zone. */
export function localParts(instant: Date, timeZone = DEFAULT_TIME_ZONE): LocalParts {
  const parts = formatter(timeZone, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
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
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
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
