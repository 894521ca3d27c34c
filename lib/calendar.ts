/**
 * The calendar's rules that need no database: reading filters from the URL,
 * writing them back canonically, and month-grid arithmetic on the committee's
 * local calendar dates ("YYYY-MM-DD" keys, computed in its time zone).
 */
import { z } from "zod";
import { type EventKind, eventKinds, type ServiceType, serviceTypes } from "@/lib/vocabulary";
import { messages } from "./messages";
import { localDateKey, zonedInstant } from "./time";

export const calendarViews = ["month", "list"] as const;
export type CalendarView = (typeof calendarViews)[number];

/** The filters an event list and an iCal feed share. */
export interface CalendarFilters {
  sector?: string;
  town?: string;
  kind?: EventKind;
  service?: ServiceType;
  campaign?: string;
}

/** Everything `/events` reads from its query string. */
export interface CalendarQuery {
  view: CalendarView;
  /** "YYYY-MM"; absent means "the month to show by default". */
  month?: string;
  filters: CalendarFilters;
}

export const filterParams = ["sector", "town", "kind", "service", "campaign"] as const;
export type FilterParam = (typeof filterParams)[number];
export type CalendarParam = "view" | "month" | FilterParam;

/** A value in the URL that was not understood and so was left out. */
export interface IgnoredParam {
  param: CalendarParam;
  value: string;
}

export interface ParsedCalendarQuery {
  query: CalendarQuery;
  ignored: IgnoredParam[];
  /** Some parameter was present but empty (a GET form's "全部"): the URL is not canonical. */
  hadEmptyParams: boolean;
}

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

const slugSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .refine((m) => {
    const year = Number(m.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  });

/** An event id from the URL: a positive integer that fits PostgreSQL's `integer`. */
const eventIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= 2_147_483_647);

export function parseEventId(raw: string): number | null {
  const parsed = eventIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const paramSchemas = {
  view: z.enum(calendarViews),
  month: monthSchema,
  sector: slugSchema,
  town: slugSchema,
  kind: z.enum(eventKinds),
  service: z.enum(serviceTypes),
  campaign: slugSchema,
} satisfies Record<CalendarParam, z.ZodType<string>>;

const PARAM_ORDER: CalendarParam[] = [
  "view",
  "month",
  "sector",
  "town",
  "kind",
  "service",
  "campaign",
];

export type RawSearchParams =
  | URLSearchParams
  | Record<string, string | string[] | undefined>
  | undefined;

function readParam(params: RawSearchParams, name: string): string | undefined {
  if (!params) return undefined;
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Longest echo of a rejected value in the notice; the rest is elided. */
const ECHO_LIMIT = 40;

/**
 * Reads the calendar's parameters. Anything malformed is dropped and reported,
 * never thrown: a bad bookmark still shows a calendar.
 */
export function parseCalendarQuery(params: RawSearchParams): ParsedCalendarQuery {
  const values: Partial<Record<CalendarParam, string>> = {};
  const ignored: IgnoredParam[] = [];
  let hadEmptyParams = false;
  for (const param of PARAM_ORDER) {
    const raw = readParam(params, param);
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value === "") {
      hadEmptyParams = true;
      continue;
    }
    const parsed = paramSchemas[param].safeParse(value);
    if (parsed.success) values[param] = parsed.data;
    else ignored.push({ param, value: echo(value) });
  }
  return {
    query: {
      view: (values.view as CalendarView | undefined) ?? "month",
      month: values.month,
      filters: pickFilters(values),
    },
    ignored,
    hadEmptyParams,
  };
}

function echo(value: string): string {
  return value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT)}…` : value;
}

function pickFilters(values: Partial<Record<CalendarParam, string>>): CalendarFilters {
  const filters: CalendarFilters = {};
  if (values.sector) filters.sector = values.sector;
  if (values.town) filters.town = values.town;
  if (values.kind) filters.kind = values.kind as EventKind;
  if (values.service) filters.service = values.service as ServiceType;
  if (values.campaign) filters.campaign = values.campaign;
  return filters;
}

/** The slugs that exist, to drop well-formed but unknown ones. */
export interface KnownSlugs {
  sectors: ReadonlySet<string>;
  towns: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
}

/** Drops filters naming a sector, town or campaign that does not exist. */
export function dropUnknownSlugs(
  filters: CalendarFilters,
  known: KnownSlugs,
): { filters: CalendarFilters; ignored: IgnoredParam[] } {
  const kept: CalendarFilters = { ...filters };
  const ignored: IgnoredParam[] = [];
  const checks = [
    ["sector", known.sectors],
    ["town", known.towns],
    ["campaign", known.campaigns],
  ] as const;
  for (const [param, set] of checks) {
    const value = kept[param];
    if (value !== undefined && !set.has(value)) {
      delete kept[param];
      ignored.push({ param, value });
    }
  }
  return { filters: kept, ignored };
}

interface NamedOption {
  slug: string;
  name: string;
}

export type FilterLabels = Partial<Record<FilterParam, string>>;

/** Display names of the filters in force ("医卫界", "送卫生" …), in the URL's order. */
export function filterLabels(
  filters: CalendarFilters,
  options: { sectors: NamedOption[]; towns: NamedOption[]; campaigns: NamedOption[] },
): FilterLabels {
  const labels: FilterLabels = {};
  const name = (list: NamedOption[], slug?: string) => list.find((o) => o.slug === slug)?.name;
  if (filters.sector) labels.sector = name(options.sectors, filters.sector) ?? filters.sector;
  if (filters.town) labels.town = name(options.towns, filters.town) ?? filters.town;
  if (filters.kind) labels.kind = messages.eventKinds[filters.kind];
  if (filters.service) labels.service = messages.serviceTypes[filters.service];
  if (filters.campaign) {
    labels.campaign = name(options.campaigns, filters.campaign) ?? filters.campaign;
  }
  return labels;
}

export function hasFilters(filters: CalendarFilters): boolean {
  return filterParams.some((p) => filters[p] !== undefined);
}

/**
 * The canonical query string (no "?"): fixed order, defaults left out, so
 * equal filters always make equal URLs (and equal cache keys).
 */
export function calendarQueryString(query: Partial<CalendarQuery>): string {
  const search = new URLSearchParams();
  if (query.view && query.view !== "month") search.set("view", query.view);
  if (query.month) search.set("month", query.month);
  for (const param of filterParams) {
    const value = query.filters?.[param];
    if (value) search.set(param, value);
  }
  return search.toString();
}

/** "/events?…" or "/events" when nothing is set. */
export function calendarHref(query: Partial<CalendarQuery>, path = "/events"): string {
  const qs = calendarQueryString(query);
  return qs ? `${path}?${qs}` : path;
}

/** The iCal feed of the same filters (view and month do not apply to a subscription). */
export function feedHref(filters: CalendarFilters, path = "/events.ics"): string {
  return calendarHref({ filters }, path);
}

/** The same URL for calendar apps that subscribe on a `webcal://` link. */
export function webcalHref(siteUrl: string, filters: CalendarFilters): string {
  const url = new URL(feedHref(filters), siteUrl);
  return `webcal://${url.host}${url.pathname}${url.search}`;
}

// ---------------------------------------------------------------------------
// Month arithmetic on local calendar dates

const pad = (n: number) => String(n).padStart(2, "0");
const DAY_MS = 86_400_000;

function dateKeyOfUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcOfDateKey(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? MIN_YEAR, (m ?? 1) - 1, d ?? 1);
}

/** "2026-05-08" + 3 → "2026-05-11" */
export function addDays(date: string, days: number): string {
  return dateKeyOfUtc(utcOfDateKey(date) + days * DAY_MS);
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

/** "5月8日" */
export function formatMonthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
