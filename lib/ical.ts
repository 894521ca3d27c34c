/**
 * iCalendar files of events: one event for download, or a subscribable feed.
 * Times carry TZID of the committee's zone with its VTIMEZONE, so calendar apps
 * show the committee's wall clock and convert correctly anywhere else.
 */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import type { EventKind, ServiceType } from "@/lib/vocabulary";
import { messages } from "./messages";
import { localParts, zonedInstant, zoneOffsetMinutes } from "./time";

export const ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8";

export interface IcalEvent {
  id: number;
  title: string;
  summary: string;
  kind: EventKind;
  serviceType: ServiceType | null;
  status: "scheduled" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  townName: string | null;
  venue: string;
  organisers: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface IcalOptions {
  /** The public site's origin (env.SITE_URL): event URLs and the UIDs' host. */
  siteUrl: string;
  timeZone: string;
  /** X-WR-CALNAME: what a subscriber sees as the calendar's name. */
  calendarName: string;
  description?: string;
  /** A subscription feed: tells apps how often to refresh. */
  refreshSeconds?: number;
}

/** Stable across downloads and edits: the same event is updated, never duplicated. */
export function eventUid(eventId: number, siteUrl: string): string {
  return `event-${eventId}@${new URL(siteUrl).hostname}`;
}

const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/**
 * RFC 5545 wants SEQUENCE to grow with each revision: seconds of updatedAt since
 * 2020 grow with every edit and stay a small integer for decades.
 */
export function eventSequence(updatedAt: Date): number {
  return Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH) / 1000));
}

export function eventUrl(eventId: number, siteUrl: string): string {
  return new URL(`/events/${eventId}`, siteUrl).toString();
}

/** "王江泾镇 · 王江泾镇委员之家" */
export function eventLocation(event: Pick<IcalEvent, "townName" | "venue">): string {
  return [event.townName, event.venue].filter(Boolean).join(" · ");
}

/** The title a calendar app shows: cancelled events say so up front. */
export function eventSummary(event: Pick<IcalEvent, "title" | "status">): string {
  return event.status === "cancelled"
    ? `${messages.calendar.ical.cancelledPrefix}${event.title}`
    : event.title;
}

export function buildCalendar(events: readonly IcalEvent[], options: IcalOptions): string {
  const m = messages.calendar.ical;
  const calendar = ical({
    prodId: { company: new URL(options.siteUrl).hostname, product: "lvzhi", language: "ZH" },
    name: options.calendarName,
    description: options.description,
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: DTSTAMP, CREATED and LAST-MODIFIED then stay in UTC as
    // RFC 5545 requires; each event names the zone and the generator emits its VTIMEZONE.
    timezone: { name: null, generator: vtimezone },
    ttl: options.refreshSeconds ?? null,
    x: [["X-WR-TIMEZONE", options.timeZone]],
  });
  for (const event of events) {
    const cancelled = event.status === "cancelled";
    const kind = event.serviceType
      ? `${messages.eventKinds[event.kind]} · ${messages.serviceTypes[event.serviceType]}`
      : messages.eventKinds[event.kind];
    const url = eventUrl(event.id, options.siteUrl);
    const description = [
      cancelled ? m.cancelledNote : null,
      event.summary,
      event.organisers.length > 0 ? `${m.organisers}${event.organisers.join("、")}` : null,
      `${m.details}${url}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    calendar.createEvent({
      id: eventUid(event.id, options.siteUrl),
      sequence: eventSequence(event.updatedAt),
      start: zonedDateTime(event.startsAt, options.timeZone),
      end: zonedDateTime(event.endsAt, options.timeZone),
      timezone: options.timeZone,
      stamp: event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      summary: eventSummary(event),
      description,
      location: eventLocation(event) || null,
      url,
      categories: [{ name: kind }],
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Headers of an iCal response: a feed opens inline (subscribable), one event downloads. */
export function icalHeaders(filename: string, disposition: "inline" | "attachment"): HeadersInit {
  return {
    "Content-Type": ICAL_CONTENT_TYPE,
    "Content-Disposition": `${disposition}; filename="${filename}"`,
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  };
}

// ---------------------------------------------------------------------------
// VTIMEZONE

/**
 * The zone's VTIMEZONE from @touch4it/ical-timezones. That package reads its zone files
 * from beside itself at run time, which fails silently (null) when a bundler has moved
 * it (next.config.js must list it in serverExternalPackages). A zone without daylight
 * saving, like Asia/Shanghai, is then described from Intl, so a feed never goes out with
 * TZIDs that no VTIMEZONE defines.
 */
export function vtimezone(timeZone: string): string | null {
  return getVtimezoneComponent(timeZone) ?? fixedOffsetVtimezone(timeZone);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** A one-rule VTIMEZONE for a zone whose offset is the same all year round, else null. */
export function fixedOffsetVtimezone(timeZone: string, now = new Date()): string | null {
  let offsets: number[];
  try {
    const year = now.getUTCFullYear();
    offsets = [0, 1, 2].flatMap((y) =>
      [0, 3, 6, 9].map((month) =>
        zoneOffsetMinutes(new Date(Date.UTC(year + y, month, 1)), timeZone),
      ),
    );
  } catch {
    return null; // not a zone Intl knows
  }
  const [offset] = offsets;
  if (offset === undefined || offsets.some((o) => o !== offset)) return null;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    `X-LIC-LOCATION:${timeZone}`,
    "BEGIN:STANDARD",
    `TZOFFSETFROM:${formatOffset(offset)}`,
    `TZOFFSETTO:${formatOffset(offset)}`,
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}

// ---------------------------------------------------------------------------
// ical-generator writes a native Date under a TZID using the server process's own
// clock (getHours()), and servers run in UTC. It also accepts Temporal values, whose
// fields it reads directly; these minimal, immutable stand-ins give it the committee's
// wall clock computed with Intl (lib/time), with no dependency on the process zone.

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function plainDateTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): ICalTemporalPlainDateTimeStub {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00`;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
    toPlainDate: () => ({
      year,
      month,
      day,
      toJSON: () => text.slice(0, 10),
      toString: () => text.slice(0, 10),
    }),
    toZonedDateTime: (timeZone: string) =>
      zonedDateTime(zonedInstant(text.slice(0, 10), text.slice(11, 16), timeZone), timeZone),
    toJSON: () => text,
    toString: () => text,
  };
}

function instant(at: Date): ICalTemporalInstantStub {
  const ms = Math.floor(at.getTime() / 1000) * 1000;
  return {
    epochMilliseconds: ms,
    epochSeconds: ms / 1000,
    toZonedDateTimeISO: (timeZone: string) => zonedDateTime(new Date(ms), timeZone),
    toJSON: () => new Date(ms).toISOString(),
    toString: () => new Date(ms).toISOString(),
  };
}

/** An instant as seen on the wall clock of `timeZone`, to the minute. */
export function zonedDateTime(at: Date, timeZone: string): ICalTemporalZonedDateTimeStub {
  const p = localParts(at, timeZone);
  const plain = plainDateTime(p.year, p.month, p.day, p.hour, p.minute);
  const text = `${plain.toString()}[${timeZone}]`;
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: 0,
    timeZoneId: timeZone,
    toInstant: () => instant(at),
    toPlainDateTime: () => plain,
    withTimeZone: (zone: string) => zonedDateTime(at, zone),
    toJSON: () => text,
    toString: () => text,
  };
}
