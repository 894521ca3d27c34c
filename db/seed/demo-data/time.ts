/**
 * Demo times are written as local wall-clock times in Asia/Shanghai, which has
 * kept UTC+8 without daylight saving since 1991, so "date + time at +08:00"
 * names the intended instant exactly.
 */
const OFFSET = "+08:00";
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The local date (YYYY-MM-DD) `days` days after the local date of `now`. */
export function localDate(now: Date, days = 0): string {
  return new Date(now.getTime() + OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of local `date` (YYYY-MM-DD) at local `time` (HH:MM). */
export function at(date: string, time: string): Date {
  const instant = new Date(`${date}T${time}:00${OFFSET}`);
  if (Number.isNaN(instant.getTime())) throw new Error(`invalid local time: ${date} ${time}`);
  return instant;
}

/** The local year of `now`. */
export function localYear(now: Date): number {
  return Number(localDate(now).slice(0, 4));
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** "12月1日（星期二）14:30": a local date and time for demo text. */
export function localLabel(instant: Date): string {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  const hh = String(shifted.getUTCHours()).padStart(2, "0");
  const mm = String(shifted.getUTCMinutes()).padStart(2, "0");
  return `${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日（星期${WEEKDAYS[shifted.getUTCDay()]}）${hh}:${mm}`;
}

/** "12月1日": a local date for demo text. */
export function localDayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
