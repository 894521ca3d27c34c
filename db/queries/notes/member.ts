import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { NoteFieldsData } from "@/lib/notes/fields";
import { type NotePhotoSummary, notePhotoUrl } from "@/lib/notes/form-state";
import { isAdopted, type NoteStatus, noteStatuses } from "@/lib/notes/workflow";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";
import {
  events,
  fieldNotes,
  files,
  notePhotos,
  noteTransitions,
  organisations,
  sectors,
  topics,
  towns,
  users,
} from "../../schema";
import { withDb } from "../with-db";
import { contentColumns } from "./note-row";

/**
 * The author's own notes, as they read them: every query has `author_id = <the member>`
 * in its WHERE.
 */

export interface MemberNoteRef {
  id: number;
  clientId: string;
  status: NoteStatus;
}

export async function findMemberNoteByClientIdIn(
  db: Database,
  authorId: number,
  clientId: string,
): Promise<MemberNoteRef | null> {
  const [row] = await db
    .select({ id: fieldNotes.id, clientId: fieldNotes.clientId, status: fieldNotes.status })
    .from(fieldNotes)
    .where(and(eq(fieldNotes.authorId, authorId), eq(fieldNotes.clientId, clientId)));
  return row ?? null;
}

export interface MemberNote extends NoteFieldsData {
  id: number;
  clientId: string;
  status: NoteStatus;
  version: number;
  townName: string | null;
  sectorName: string | null;
  eventTitle: string | null;
  eventStartsAt: Date | null;
  topicName: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NoteTimelineEntry {
  id: number;
  fromStatus: NoteStatus | null;
  toStatus: NoteStatus;
  action: string;
  reason: string | null;
  at: Date;
  /**
   * The author themself; otherwise the actor's role (null: account removed) and, for staff
   * of a liaison office, the office's name. The member reads the office, never an account.
   */
  byAuthor: boolean;
  actorOffice: string | null;
  actorRole: UserRole | null;
}

export async function getMemberNoteIn(
  db: Database,
  authorId: number,
  noteId: number,
): Promise<MemberNote | null> {
  const [row] = await db
    .select({
      id: fieldNotes.id,
      clientId: fieldNotes.clientId,
      status: fieldNotes.status,
      version: fieldNotes.version,
      ...contentColumns,
      townName: towns.name,
      sectorName: sectors.name,
      eventTitle: events.title,
      eventStartsAt: events.startsAt,
      topicName: topics.name,
      submittedAt: fieldNotes.submittedAt,
      createdAt: fieldNotes.createdAt,
      updatedAt: fieldNotes.updatedAt,
    })
    .from(fieldNotes)
    .leftJoin(towns, eq(towns.id, fieldNotes.townId))
    .leftJoin(sectors, eq(sectors.id, fieldNotes.sectorId))
    .leftJoin(events, eq(events.id, fieldNotes.eventId))
    .leftJoin(topics, eq(topics.id, fieldNotes.topicId))
    .where(and(eq(fieldNotes.id, noteId), eq(fieldNotes.authorId, authorId)));
  return row ?? null;
}

export async function listMemberNotePhotosIn(
  db: Database,
  authorId: number,
  noteId: number,
): Promise<NotePhotoSummary[]> {
  const rows = await db
    .select({ id: notePhotos.id, width: files.width, height: files.height })
    .from(notePhotos)
    .innerJoin(fieldNotes, eq(fieldNotes.id, notePhotos.noteId))
    .innerJoin(files, eq(files.id, notePhotos.fileId))
    .where(and(eq(notePhotos.noteId, noteId), eq(fieldNotes.authorId, authorId)))
    .orderBy(asc(notePhotos.sortOrder), asc(notePhotos.id));
  return rows.map((r) => ({ ...r, url: notePhotoUrl(r.id) }));
}

export async function listMemberNoteTimelineIn(
  db: Database,
  authorId: number,
  noteId: number,
): Promise<NoteTimelineEntry[]> {
  const rows = await db
    .select({
      id: noteTransitions.id,
      fromStatus: noteTransitions.fromStatus,
      toStatus: noteTransitions.toStatus,
      action: noteTransitions.action,
      reason: noteTransitions.reason,
      at: noteTransitions.createdAt,
      actorId: noteTransitions.actorId,
      actorOffice: organisations.name,
      actorRole: users.role,
    })
    .from(noteTransitions)
    .innerJoin(fieldNotes, eq(fieldNotes.id, noteTransitions.noteId))
    .leftJoin(users, eq(users.id, noteTransitions.actorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(noteTransitions.noteId, noteId), eq(fieldNotes.authorId, authorId)))
    .orderBy(asc(noteTransitions.createdAt), asc(noteTransitions.id));
  return rows.map(({ actorId, ...row }) => ({ ...row, byAuthor: actorId === authorId }));
}

export interface MemberNoteListItem {
  id: number;
  title: string;
  status: NoteStatus;
  category: NoteFieldsData["category"];
  visitDate: string | null;
  townName: string | null;
  photoCount: number;
  submittedAt: Date | null;
  updatedAt: Date;
}

export async function listMemberNotesIn(
  db: Database,
  authorId: number,
  options: { status?: NoteStatus | null; limit: number; offset?: number },
): Promise<{ items: MemberNoteListItem[]; total: number }> {
  const where = and(
    eq(fieldNotes.authorId, authorId),
    options.status ? eq(fieldNotes.status, options.status) : undefined,
  );
  const [items, [totalRow]] = await Promise.all([
    db
      .select({
        id: fieldNotes.id,
        title: fieldNotes.title,
        status: fieldNotes.status,
        category: fieldNotes.category,
        visitDate: fieldNotes.visitDate,
        townName: towns.name,
        photoCount: sql<number>`(select count(*) from ${notePhotos} where ${notePhotos.noteId} = ${fieldNotes.id})::int`,
        submittedAt: fieldNotes.submittedAt,
        updatedAt: fieldNotes.updatedAt,
      })
      .from(fieldNotes)
      .leftJoin(towns, eq(towns.id, fieldNotes.townId))
      .where(where)
      .orderBy(desc(fieldNotes.updatedAt), desc(fieldNotes.id))
      .limit(options.limit)
      .offset(options.offset ?? 0),
    db.select({ n: count() }).from(fieldNotes).where(where),
  ]);
  return { items, total: Number(totalRow?.n ?? 0) };
}

export type NoteStatusCounts = Record<NoteStatus, number>;

export async function countMemberNotesByStatusIn(
  db: Database,
  authorId: number,
): Promise<NoteStatusCounts> {
  const rows = await db
    .select({ status: fieldNotes.status, n: count() })
    .from(fieldNotes)
    .where(eq(fieldNotes.authorId, authorId))
    .groupBy(fieldNotes.status);
  const counts = Object.fromEntries(noteStatuses.map((s) => [s, 0])) as NoteStatusCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

const adoptedStatuses = noteStatuses.filter(isAdopted);

/** Notes first submitted in [from, to), and how many of those are adopted (采纳). */
export async function getMemberNoteFiguresIn(
  db: Database,
  authorId: number,
  from: Date,
  to: Date,
): Promise<{ filed: number; adopted: number }> {
  const [row] = await db
    .select({
      filed: count(),
      adopted: sql<number>`(count(*) filter (where ${inArray(fieldNotes.status, adoptedStatuses)}))::int`,
    })
    .from(fieldNotes)
    .where(
      and(
        eq(fieldNotes.authorId, authorId),
        gte(fieldNotes.submittedAt, from),
        lt(fieldNotes.submittedAt, to),
      ),
    );
  return { filed: Number(row?.filed ?? 0), adopted: Number(row?.adopted ?? 0) };
}

// ---- the server's database --------------------------------------------------------

export const findMemberNoteByClientId = withDb(findMemberNoteByClientIdIn);
export const getMemberNote = withDb(getMemberNoteIn);
export const listMemberNotePhotos = withDb(listMemberNotePhotosIn);
export const listMemberNoteTimeline = withDb(listMemberNoteTimelineIn);
export const listMemberNotes = withDb(listMemberNotesIn);
export const countMemberNotesByStatus = withDb(countMemberNotesByStatusIn);
export const getMemberNoteFigures = withDb(getMemberNoteFiguresIn);
