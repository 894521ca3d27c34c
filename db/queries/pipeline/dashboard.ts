import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/types";
import { queueStatuses } from "@/lib/moderation";
import type { NoteStatus } from "@/lib/notes/workflow";
import type { Database } from "../../client";
import { departments, fieldNotes, noteTransfers, organisations, sectors } from "../../schema";
import { withDb } from "../with-db";
import { staffNoteScope } from "./scope";

/** The console's dashboard: notes by status, overdue transfers, the editor's scope. */

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

export const getDashboardFigures = withDb(getDashboardFiguresIn);
export const getScopeNames = withDb(getScopeNamesIn);
