/**
 * The calendar's address: reading its filters, view and month from the URL (anything
 * malformed dropped and reported, never thrown) and writing them back canonically.
 * Month arithmetic is in ./month.ts.
 */
import { z } from "zod";
import { messages } from "@/lib/messages";
import { type EventKind, eventKinds, type ServiceType, serviceTypes } from "@/lib/vocabulary";

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

export const MIN_YEAR = 1970;
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

/** The slugs of the calendar's filter options (sectors, towns, campaigns). */
export function knownSlugsOf(options: {
  sectors: readonly { slug: string }[];
  towns: readonly { slug: string }[];
  campaigns: readonly { slug: string }[];
}): KnownSlugs {
  const slugs = (list: readonly { slug: string }[]) => new Set(list.map((o) => o.slug));
  return {
    sectors: slugs(options.sectors),
    towns: slugs(options.towns),
    campaigns: slugs(options.campaigns),
  };
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
