import type { CsvValue } from "@/lib/csv";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";
import type { ChartDatum } from "@/lib/stats/charts";
import type { CountRow, DepartmentRow, PublicFigures, StatsFilters, StatsOptions } from "./types";

/**
 * The figures as named tables: each one is drawn as a chart, shown as a data table and
 * exported as CSV from the same rows, so the three never disagree.
 */

const m = cmsMessages.stats;

export const publicDatasets = [
  "events-by-sector",
  "events-by-kind",
  "events-by-town",
  "notes-by-category",
  "notes-by-status",
  "years",
] as const;
export const staffDatasets = [...publicDatasets, "departments"] as const;
export type Dataset = (typeof staffDatasets)[number];

export interface StatsTable {
  dataset: Dataset;
  title: string;
  header: string[];
  rows: CsvValue[][];
  /** What the chart draws (empty for tables without a chart). */
  chart: { kind: "bar" | "column"; data: ChartDatum[]; unit: string } | null;
  /** A line under the chart: the sectors or towns left out for having no activity yet. */
  note?: string;
}

/**
 * Sectors and towns with events, and a word for the rest: a young period never shows
 * as a row of zeros.
 */
function activeOnly(
  table: StatsTable,
  rows: CountRow[],
  what: keyof typeof m.idle.none,
): StatsTable {
  const idle = rows.filter((r) => r.value === 0).length;
  if (idle === 0) return table;
  const kept = table.rows.filter((_, i) => (rows[i]?.value ?? 0) > 0);
  return {
    ...table,
    rows: kept,
    chart: table.chart && {
      ...table.chart,
      data: table.chart.data.filter((d) => d.value > 0),
    },
    note: kept.length === 0 ? m.idle.none[what] : m.idle.some(idle, m.idle.units[what]),
  };
}

const kindLabel = (key: string) =>
  messages.eventKinds[key as keyof typeof messages.eventKinds] ?? key;
const statusLabel = (key: string) =>
  messages.admin.statuses[key as keyof typeof messages.admin.statuses] ?? key;
const categoryLabel = (key: string) =>
  key === "none"
    ? m.uncategorised
    : (messages.admin.categories[key as keyof typeof messages.admin.categories] ?? key);

function countTable(
  dataset: Dataset,
  title: string,
  rows: CountRow[],
  label: (r: CountRow) => string,
  unit: string,
  kind: "bar" | "column" = "bar",
): StatsTable {
  const data = rows.map((r) => ({ label: label(r), value: r.value }));
  return {
    dataset,
    title,
    header: [m.csvHeader.name, m.csvHeader.value],
    rows: data.map((d) => [d.label, d.value]),
    chart: { kind, data, unit },
  };
}

/** Status rows in the workflow's order (the query returns them by count). */
const STATUS_ORDER = [
  "submitted",
  "returned",
  "accepted",
  "transferred",
  "answered",
  "closed",
  "rejected",
];

export function buildStatsTables(
  figures: PublicFigures,
  departments?: DepartmentRow[],
): Record<Dataset, StatsTable | null> {
  const byStatus = [...figures.notesByStatus].sort(
    (a, b) => STATUS_ORDER.indexOf(a.key) - STATUS_ORDER.indexOf(b.key),
  );
  const rate = (adopted: number, handled: number) =>
    adopted > 0 ? m.percent(handled / adopted) : "";
  return {
    "events-by-sector": activeOnly(
      countTable(
        "events-by-sector",
        m.charts.eventsBySector,
        figures.eventsBySector,
        (r) => r.name ?? r.key,
        m.units.events,
      ),
      figures.eventsBySector,
      "sectors",
    ),
    "events-by-kind": countTable(
      "events-by-kind",
      m.charts.eventsByKind,
      figures.eventsByKind,
      (r) => kindLabel(r.key),
      m.units.events,
    ),
    "events-by-town": activeOnly(
      countTable(
        "events-by-town",
        m.charts.eventsByTown,
        figures.eventsByTown,
        (r) => r.name ?? r.key,
        m.units.events,
      ),
      figures.eventsByTown,
      "towns",
    ),
    "notes-by-category": countTable(
      "notes-by-category",
      m.charts.notesByCategory,
      figures.notesByCategory,
      (r) => categoryLabel(r.key),
      m.units.notes,
    ),
    "notes-by-status": countTable(
      "notes-by-status",
      m.charts.notesByStatus,
      byStatus,
      (r) => statusLabel(r.key),
      m.units.notes,
      "column",
    ),
    years: {
      dataset: "years",
      title: m.charts.years,
      header: [
        m.table.year,
        m.table.events,
        m.table.notes,
        m.table.adopted,
        m.table.handled,
        m.table.rate,
      ],
      rows: figures.years.map((y) => [
        y.year,
        y.events,
        y.notes,
        y.adopted,
        y.handled,
        rate(y.adopted, y.handled),
      ]),
      chart: {
        kind: "column",
        data: figures.years.map((y) => ({ label: String(y.year), value: y.events })),
        unit: m.units.events,
      },
    },
    departments: departments
      ? {
          dataset: "departments",
          title: m.departments.title,
          header: [
            m.departments.name,
            m.departments.transfers,
            m.departments.answered,
            m.departments.overdue,
            m.departments.medianDays,
          ],
          rows: departments.map((d) => [
            d.name,
            d.transfers,
            d.answered,
            d.overdue,
            d.medianDays === null ? "" : d.medianDays,
          ]),
          chart: null,
        }
      : null,
  };
}

/** "2026年" or a campaign's name, for titles and file names; "" for everything. */
export function scopeLabel(filters: StatsFilters, options: StatsOptions): string {
  const campaign = options.campaigns.find((c) => c.id === filters.campaignId);
  return [filters.year === null ? "" : `${filters.year}年`, campaign?.name ?? ""]
    .filter(Boolean)
    .join("·");
}

/** ?year=2026&campaign=slug → filters; unknown values fall back to "all". */
export function parseStatsParams(
  params: Record<string, string | string[] | undefined>,
  options: StatsOptions,
): { filters: StatsFilters; campaignSlug: string | null } {
  const yearRaw = typeof params.year === "string" ? params.year : "";
  const year =
    /^\d{4}$/.test(yearRaw) && options.years.includes(Number(yearRaw)) ? Number(yearRaw) : null;
  const campaign = options.campaigns.find((c) => c.slug === params.campaign) ?? null;
  return {
    filters: { year, campaignId: campaign?.id ?? null },
    campaignSlug: campaign?.slug ?? null,
  };
}

/** The filters as the query of a CSV link ("?year=2026&campaign=…", or ""). */
export function statsQuerySuffix(filters: StatsFilters, campaignSlug: string | null): string {
  const query = new URLSearchParams();
  if (filters.year !== null) query.set("year", String(filters.year));
  if (campaignSlug) query.set("campaign", campaignSlug);
  return query.size > 0 ? `?${query}` : "";
}
