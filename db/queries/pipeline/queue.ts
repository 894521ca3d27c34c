import "server-only";
import { and, asc, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/types";
import { escapeLike, QUEUE_PAGE_SIZE, type QueueFilters } from "@/lib/moderation";
import type { NoteStatus } from "@/lib/notes/workflow";
import { addDays, zonedInstant } from "@/lib/time";
import type { NoteCategory } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { fieldNotes, sectors, towns, users } from "../../schema";
import { withDb } from "../with-db";
import { outer, staffNoteScope } from "./scope";

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
export const getQueueOptions = withDb(getQueueOptionsIn);
