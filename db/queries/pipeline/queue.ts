import "server-only";
import { and, asc, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionUser } from "@/lib/auth/types";
import {
  addDays,
  escapeLike,
  QUEUE_PAGE_SIZE,
  type QueueFilters,
  queueStatuses,
} from "@/lib/moderation";
import type { NoteStatus } from "@/lib/notes/workflow";
import { type NoteTarget, noteTarget } from "@/lib/permissions";
import { zonedInstant } from "@/lib/time";
import type { NoteCategory } from "@/lib/vocabulary";
import type { Database } from "../client";
import {
  departments,
  events,
  fieldNotes,
  noteComments,
  notePhotos,
  noteTransfers,
  noteTransitions,
  organisations,
  proposalNotes,
  proposals,
  researchTopicNotes,
  researchTopics,
  sectors,
  topics,
  towns,
  users,
} from "../schema";
import { noteTargetColumns, outer, staffNoteScope } from "./moderation-scope";
import { withDb } from "./with-db";

/**
 * What staff read: the queue, the dashboard's counts and one note in full. Every
 * query is scoped in its WHERE by `staffNoteScope(user)`: an editor never receives a
 * note outside their sector or liaison office, and nobody receives a draft.
 */

export interface QueueRow {
  id: number;
  title: string;
  status: NoteStatus;
  category: NoteCategory | null;
  version: number;
  submittedAt: Date | null;
  authorName: string;
  townName: string | null;
  sectorName: string | null;
  overdue: boolean;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pages: number;
}

/** A pending transfer past its due date, for the note: "today" is the committee's local date. */
const overdueExists = (today: string) =>
  sql<boolean>`exists (select 1 from note_transfers t where t.note_id = ${outer(fieldNotes.id)}
    and t.status = 'pending' and t.due_on < ${today})`;

function queueWhere(user: SessionUser, filters: QueueFilters, timeZone: string): SQL {
  const conditions: (SQL | undefined)[] = [staffNoteScope(user)];
  if (filters.status) conditions.push(eq(fieldNotes.status, filters.status));
  if (filters.category) conditions.push(eq(fieldNotes.category, filters.category));
  if (filters.sectorId) conditions.push(eq(fieldNotes.sectorId, filters.sectorId));
  if (filters.townId) conditions.push(eq(fieldNotes.townId, filters.townId));
  if (filters.authorId) conditions.push(eq(fieldNotes.authorId, filters.authorId));
  if (filters.from) {
    conditions.push(gte(fieldNotes.submittedAt, zonedInstant(filters.from, "00:00", timeZone)));
  }
  if (filters.to) {
    const dayAfter = zonedInstant(addDays(filters.to, 1), "00:00", timeZone);
    conditions.push(lt(fieldNotes.submittedAt, dayAfter));
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(
      or(
        ilike(fieldNotes.title, pattern),
        ilike(fieldNotes.observation, pattern),
        ilike(fieldNotes.suggestion, pattern),
      ),
    );
  }
  return and(...conditions) as SQL;
}

export async function listQueueIn(
  db: Database,
  user: SessionUser,
  filters: QueueFilters,
  options: { timeZone: string; today: string; pageSize?: number },
): Promise<QueuePage> {
  const pageSize = options.pageSize ?? QUEUE_PAGE_SIZE;
  const where = queueWhere(user, filters, options.timeZone);
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(fieldNotes)
    .where(where);
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const rows = await db
    .select({
      id: fieldNotes.id,
      title: fieldNotes.title,
      status: fieldNotes.status,
      category: fieldNotes.category,
      version: fieldNotes.version,
      submittedAt: fieldNotes.submittedAt,
      authorName: users.displayName,
      townName: towns.name,
      sectorName: sectors.name,
      overdue: overdueExists(options.today),
    })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .leftJoin(towns, eq(towns.id, fieldNotes.townId))
    .leftJoin(sectors, eq(sectors.id, fieldNotes.sectorId))
    .where(where)
    .orderBy(sql`${fieldNotes.submittedAt} desc nulls last`, desc(fieldNotes.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total, page, pages };
}

export interface DashboardFigures {
  byStatus: Record<Exclude<NoteStatus, "draft">, number>;
  overdue: OverdueTransfer[];
  overdueTotal: number;
  pendingTransfers: number;
}

export interface OverdueTransfer {
  transferId: number;
  noteId: number;
  noteTitle: string;
  departmentName: string;
  dueOn: string;
}

export async function getDashboardFiguresIn(
  db: Database,
  user: SessionUser,
  options: { today: string; overdueLimit?: number },
): Promise<DashboardFigures> {
  const scope = staffNoteScope(user);
  const overdueWhere = and(
    scope,
    eq(noteTransfers.status, "pending"),
    lt(noteTransfers.dueOn, options.today),
  );
  const [statusRows, overdue, transferCounts] = await Promise.all([
    db
      .select({ status: fieldNotes.status, n: sql<number>`count(*)`.mapWith(Number) })
      .from(fieldNotes)
      .where(scope)
      .groupBy(fieldNotes.status),
    db
      .select({
        transferId: noteTransfers.id,
        noteId: fieldNotes.id,
        noteTitle: fieldNotes.title,
        departmentName: departments.name,
        dueOn: noteTransfers.dueOn,
      })
      .from(noteTransfers)
      .innerJoin(fieldNotes, eq(fieldNotes.id, noteTransfers.noteId))
      .innerJoin(departments, eq(departments.id, noteTransfers.departmentId))
      .where(overdueWhere)
      .orderBy(asc(noteTransfers.dueOn), asc(noteTransfers.id))
      .limit(options.overdueLimit ?? 10),
    db
      .select({
        pending: sql<number>`count(*)`.mapWith(Number),
        overdue:
          sql<number>`count(*) filter (where ${noteTransfers.dueOn} < ${options.today})`.mapWith(
            Number,
          ),
      })
      .from(noteTransfers)
      .innerJoin(fieldNotes, eq(fieldNotes.id, noteTransfers.noteId))
      .where(and(scope, eq(noteTransfers.status, "pending"))),
  ]);
  const byStatus = Object.fromEntries(queueStatuses.map((s) => [s, 0])) as Record<
    Exclude<NoteStatus, "draft">,
    number
  >;
  for (const row of statusRows) {
    if (row.status !== "draft") byStatus[row.status] = row.n;
  }
  return {
    byStatus,
    overdue,
    overdueTotal: transferCounts[0]?.overdue ?? 0,
    pendingTransfers: transferCounts[0]?.pending ?? 0,
  };
}

export interface StaffNoteView {
  id: number;
  title: string;
  status: NoteStatus;
  version: number;
  target: NoteTarget;
  observation: string;
  suggestion: string;
  visitDate: string | null;
  place: string;
  peopleMet: string;
  category: NoteCategory | null;
  submittedAt: Date | null;
  authorId: number;
  authorName: string;
  authorSectorName: string | null;
  townName: string | null;
  sectorName: string | null;
  eventId: number | null;
  eventTitle: string | null;
  topicName: string | null;
  /** note_photos ids: served by /member/photos/[id] to whoever may see the note. */
  photoIds: number[];
  timeline: {
    id: number;
    action: string;
    fromStatus: NoteStatus | null;
    toStatus: NoteStatus;
    reason: string | null;
    actorName: string | null;
    at: Date;
  }[];
  comments: { id: number; body: string; authorName: string | null; at: Date }[];
  transfers: {
    id: number;
    departmentName: string;
    dueOn: string;
    status: "pending" | "answered";
    answer: string | null;
    answeredAt: Date | null;
    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied" | null;
  }[];
  researchTopics: { id: number; title: string; year: number }[];
  proposals: { id: number; title: string; year: number }[];
}

const authorSectors = alias(sectors, "author_sectors");

/** One note with everything staff need to decide, or null when it is not in the user's sight. */
export async function getStaffNoteIn(
  db: Database,
  user: SessionUser,
  noteId: number,
): Promise<StaffNoteView | null> {
  const [note] = await db
    .select({
      id: fieldNotes.id,
      title: fieldNotes.title,
      version: fieldNotes.version,
      observation: fieldNotes.observation,
      suggestion: fieldNotes.suggestion,
      visitDate: fieldNotes.visitDate,
      place: fieldNotes.place,
      peopleMet: fieldNotes.peopleMet,
      category: fieldNotes.category,
      submittedAt: fieldNotes.submittedAt,
      eventId: fieldNotes.eventId,
      authorName: users.displayName,
      authorSectorName: authorSectors.name,
      townName: towns.name,
      sectorName: sectors.name,
      eventTitle: events.title,
      topicName: topics.name,
      ...noteTargetColumns,
    })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .leftJoin(authorSectors, eq(authorSectors.id, users.sectorId))
    .leftJoin(towns, eq(towns.id, fieldNotes.townId))
    .leftJoin(sectors, eq(sectors.id, fieldNotes.sectorId))
    .leftJoin(events, eq(events.id, fieldNotes.eventId))
    .leftJoin(topics, eq(topics.id, fieldNotes.topicId))
    .where(and(eq(fieldNotes.id, noteId), staffNoteScope(user)));
  if (!note) return null;

  const actors = alias(users, "actors");
  const [photos, timeline, comments, transfers, topicRows, proposalRows] = await Promise.all([
    db
      .select({ id: notePhotos.id })
      .from(notePhotos)
      .where(eq(notePhotos.noteId, noteId))
      .orderBy(asc(notePhotos.sortOrder), asc(notePhotos.id)),
    db
      .select({
        id: noteTransitions.id,
        action: noteTransitions.action,
        fromStatus: noteTransitions.fromStatus,
        toStatus: noteTransitions.toStatus,
        reason: noteTransitions.reason,
        actorName: actors.displayName,
        at: noteTransitions.createdAt,
      })
      .from(noteTransitions)
      .leftJoin(actors, eq(actors.id, noteTransitions.actorId))
      .where(eq(noteTransitions.noteId, noteId))
      .orderBy(asc(noteTransitions.createdAt), asc(noteTransitions.id)),
    db
      .select({
        id: noteComments.id,
        body: noteComments.body,
        authorName: actors.displayName,
        at: noteComments.createdAt,
      })
      .from(noteComments)
      .leftJoin(actors, eq(actors.id, noteComments.authorId))
      .where(eq(noteComments.noteId, noteId))
      .orderBy(asc(noteComments.createdAt), asc(noteComments.id)),
    db
      .select({
        id: noteTransfers.id,
        departmentName: departments.name,
        dueOn: noteTransfers.dueOn,
        status: noteTransfers.status,
        answer: noteTransfers.answer,
        answeredAt: noteTransfers.answeredAt,
        satisfaction: noteTransfers.satisfaction,
      })
      .from(noteTransfers)
      .innerJoin(departments, eq(departments.id, noteTransfers.departmentId))
      .where(eq(noteTransfers.noteId, noteId))
      .orderBy(asc(noteTransfers.createdAt), asc(noteTransfers.id)),
    db
      .select({ id: researchTopics.id, title: researchTopics.title, year: researchTopics.year })
      .from(researchTopicNotes)
      .innerJoin(researchTopics, eq(researchTopics.id, researchTopicNotes.researchTopicId))
      .where(eq(researchTopicNotes.noteId, noteId))
      .orderBy(desc(researchTopics.year), asc(researchTopics.sortOrder)),
    db
      .select({ id: proposals.id, title: proposals.title, year: proposals.year })
      .from(proposalNotes)
      .innerJoin(proposals, eq(proposals.id, proposalNotes.proposalId))
      .where(eq(proposalNotes.noteId, noteId))
      .orderBy(desc(proposals.year), asc(proposals.id)),
  ]);

  return {
    ...note,
    target: noteTarget(note),
    photoIds: photos.map((p) => p.id),
    timeline,
    comments,
    transfers,
    researchTopics: topicRows,
    proposals: proposalRows,
  };
}

/** The names of an editor's scope (their sector, their liaison office), for the dashboard. */
export async function getScopeNamesIn(db: Database, user: SessionUser): Promise<string[]> {
  const [sector, office] = await Promise.all([
    user.sectorId === null
      ? Promise.resolve([])
      : db.select({ name: sectors.name }).from(sectors).where(eq(sectors.id, user.sectorId)),
    user.organisationId === null
      ? Promise.resolve([])
      : db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, user.organisationId)),
  ]);
  return [...sector, ...office].map((r) => r.name);
}

export interface QueueOptions {
  sectors: { id: number; name: string }[];
  towns: { id: number; name: string }[];
  authors: { id: number; name: string }[];
}

/** The choices of the queue's filter form. */
export async function getQueueOptionsIn(db: Database): Promise<QueueOptions> {
  const [sectorRows, townRows, authorRows] = await Promise.all([
    db.select({ id: sectors.id, name: sectors.name }).from(sectors).orderBy(asc(sectors.sortOrder)),
    db.select({ id: towns.id, name: towns.name }).from(towns).orderBy(asc(towns.sortOrder)),
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(eq(users.role, "member"))
      .orderBy(asc(users.displayName), asc(users.id)),
  ]);
  return { sectors: sectorRows, towns: townRows, authors: authorRows };
}

// ---- the server's database --------------------------------------------------------

export const listQueue = withDb(listQueueIn);
export const getDashboardFigures = withDb(getDashboardFiguresIn);
export const getStaffNote = withDb(getStaffNoteIn);
export const getQueueOptions = withDb(getQueueOptionsIn);
export const getScopeNames = withDb(getScopeNamesIn);
