import { z } from "zod";
import { type NoteAction, type NoteStatus, noteStatuses } from "@/lib/notes/workflow";
import type { PermissionAction } from "@/lib/permissions";

/**
 * Pure rules of the staff pipeline that are not the state machine itself: the queue's
 * filters, due dates and overdue transfers. No database here. (Refusals are AppError,
 * lib/errors.ts; their words are in lib/messages/pipeline/notes.ts.)
 */

/** The permission each workflow action needs (lib/permissions.ts). */
export function permissionForNoteAction(action: NoteAction): PermissionAction {
  switch (action) {
    case "submit":
      return "note.submit";
    case "return":
    case "accept":
    case "reject":
      return "note.review";
    case "transfer":
      return "note.transfer";
    case "answer":
      return "note.answer";
    case "close":
      return "note.close";
  }
}

/** Actions that run straight from a button (transfer and answer have their own forms). */
export const directNoteActions = ["return", "accept", "reject", "close"] as const;
export type DirectNoteAction = (typeof directNoteActions)[number];
/** Actions staff may apply to many notes at once. */
export const bulkNoteActions = ["accept", "return", "reject"] as const;
export type BulkNoteAction = (typeof bulkNoteActions)[number];

/** Staff never see drafts: these are the statuses of the queue. */
export const queueStatuses = noteStatuses.filter((s) => s !== "draft") as Exclude<
  NoteStatus,
  "draft"
>[];

export const QUEUE_PAGE_SIZE = 20;
export const REASON_MAX = 1000;
export const ANSWER_MAX = 4000;
export const COMMENT_MAX = 2000;
export const SEARCH_MAX = 50;

const DATE_KEY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Is this a real calendar date written "YYYY-MM-DD"? */
export function isDateKey(value: string): boolean {
  if (!DATE_KEY_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = (key: string) => {
    const [y, m, d] = key.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** A transfer is overdue once its due date has passed (the due day itself still counts) unanswered. */
export function isTransferOverdue(
  transfer: { status: "pending" | "answered"; dueOn: string },
  today: string,
): boolean {
  return transfer.status === "pending" && transfer.dueOn < today;
}

/** The queue's filters, as the GET form sends them. Anything malformed is dropped, not fatal. */
export interface QueueFilters {
  q: string;
  status: Exclude<NoteStatus, "draft"> | null;
  category: "industry" | "livelihood" | "governance" | null;
  sectorId: number | null;
  townId: number | null;
  authorId: number | null;
  /** Submitted on or after, "YYYY-MM-DD" (local). */
  from: string | null;
  /** Submitted on or before, "YYYY-MM-DD" (local). */
  to: string | null;
  page: number;
}

export interface ParsedQueueFilters {
  filters: QueueFilters;
  /** A date that was given but not understood (shown as a hint, the rest still applies). */
  badDate: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

const positiveId = (value: string): number | null => {
  if (!/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
};

export function parseQueueFilters(params: SearchParams): ParsedQueueFilters {
  const status = first(params.status);
  const category = first(params.category);
  const from = first(params.from);
  const to = first(params.to);
  const page = positiveId(first(params.page)) ?? 1;
  const badDate = (from !== "" && !isDateKey(from)) || (to !== "" && !isDateKey(to));
  return {
    filters: {
      q: first(params.q).slice(0, SEARCH_MAX),
      status: (queueStatuses as readonly string[]).includes(status)
        ? (status as QueueFilters["status"])
        : null,
      category: ["industry", "livelihood", "governance"].includes(category)
        ? (category as QueueFilters["category"])
        : null,
      sectorId: positiveId(first(params.sector)),
      townId: positiveId(first(params.town)),
      authorId: positiveId(first(params.author)),
      from: isDateKey(from) ? from : null,
      to: isDateKey(to) ? to : null,
      page: Math.min(page, 10_000),
    },
    badDate,
  };
}

/** The query string of the queue for these filters (page 1 unless given). */
export function queueHref(filters: Partial<QueueFilters>, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.category) params.set("category", filters.category);
  if (filters.sectorId) params.set("sector", String(filters.sectorId));
  if (filters.townId) params.set("town", String(filters.townId));
  if (filters.authorId) params.set("author", String(filters.authorId));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/notes?${query}` : "/admin/notes";
}

/** `%`, `_` and `\` typed into the search box are matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** "12:3" (note id, version) from the bulk form's checkboxes. */
export const noteRefSchema = z
  .string()
  .regex(/^\d{1,9}:\d{1,9}$/)
  .transform((value) => {
    const [id, version] = value.split(":").map(Number) as [number, number];
    return { noteId: id, version };
  });

export function parseNoteRefs(values: unknown[]): { noteId: number; version: number }[] {
  const refs = new Map<number, number>();
  for (const value of values) {
    const parsed = noteRefSchema.safeParse(value);
    if (parsed.success && parsed.data.noteId > 0) {
      refs.set(parsed.data.noteId, parsed.data.version);
    }
  }
  return [...refs].map(([noteId, version]) => ({ noteId, version }));
}

/** Postgres arrays arrive as arrays (node-postgres, PGlite) or, in raw SQL, as "{1,2}". */
export function toIdArray(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number).filter(Number.isFinite);
  if (typeof value === "string") {
    return value
      .replace(/[{}]/g, "")
      .split(",")
      .filter((s) => s !== "" && s !== "NULL")
      .map(Number)
      .filter(Number.isFinite);
  }
  return [];
}
