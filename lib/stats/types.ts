/** The shapes of the figures: what db/queries/stats reads and lib/stats/datasets.ts tabulates. */

export interface StatsFilters {
  year: number | null;
  campaignId: number | null;
}

export interface CountRow {
  /** A slug or enum value: what the page turns into a label. */
  key: string;
  /** The name from the database (sectors, towns), or null for enum values. */
  name: string | null;
  value: number;
}

export interface YearRow {
  year: number;
  events: number;
  notes: number;
  adopted: number;
  handled: number;
}

export interface HandlingFigures {
  submitted: number;
  adopted: number;
  handled: number;
  /** handled / adopted, 0–1; null when nothing was adopted. */
  rate: number | null;
  /** Median days from submission to the first answer or closing; null when none. */
  medianDays: number | null;
}

export interface PublicFigures {
  eventsTotal: number;
  eventsBySector: CountRow[];
  eventsByKind: CountRow[];
  eventsByTown: CountRow[];
  notesByCategory: CountRow[];
  notesByStatus: CountRow[];
  handling: HandlingFigures;
  years: YearRow[];
}

export interface DepartmentRow {
  name: string;
  transfers: number;
  answered: number;
  overdue: number;
  medianDays: number | null;
}

export interface StaffFigures extends PublicFigures {
  departments: DepartmentRow[];
}

export interface StatsOptions {
  campaigns: { id: number; slug: string; name: string; year: number }[];
  years: number[];
}
