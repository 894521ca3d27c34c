import { isoWeekday } from "@/lib/calendar/month";
import { messages } from "@/lib/messages";

/** "5月8日 星期五" for a local date key. */
export function dayLabel(date: string, withYear = false): string {
  const weekday = messages.calendar.weekdayNames[isoWeekday(date) - 1];
  const [y, m, d] = date.split("-").map(Number);
  return `${withYear ? `${y}年` : ""}${m}月${d}日 ${weekday}`;
}
