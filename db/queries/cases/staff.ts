import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, max } from "drizzle-orm";
import { plainParagraphsToRichText } from "@/lib/rich-text/markdown";
import { localDateKey } from "@/lib/time";
import type { NoteCategory } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import {
  departments,
  fieldNotes,
  noteTransfers,
  noteTransitions,
  publicCases,
  towns,
} from "../../schema";

/** The staff's reads of public cases: notes a case may come from, drafts, the list. */

export const ADMIN_CASES_PAGE_SIZE = 20;

/** Notes a case may be written from: staff accepted them and they are handled or closed. */
export const caseableStatuses = ["accepted", "answered", "closed"] as const;

export interface CaseInput {
  title: string;
  summary: string;
  category: NoteCategory | null;
  townId: number | null;
  departmentName: string;
  outcome: string;
  /** YYYY-MM-DD, local dates. */
  receivedOn: string | null;
  resolvedOn: string | null;
  publish: boolean;
}

export interface CaseDraft extends Omit<CaseInput, "publish"> {
  noteId: number;
  noteStatus: string;
}

export interface AdminCaseRow {
  id: number;
  title: string;
  category: NoteCategory | null;
  townName: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  noteId: number | null;
}

export interface CaseForEdit extends Omit<CaseInput, "publish"> {
  id: number;
  noteId: number | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface EligibleNote {
  id: number;
  title: string;
  status: string;
  category: NoteCategory | null;
  townName: string | null;
  submittedAt: Date | null;
}

/** Notes with no case yet that a case may be written from, newest first. */
export async function listEligibleNotesIn(db: Database, limit = 100): Promise<EligibleNote[]> {
  return db
    .select({
      id: fieldNotes.id,
      title: fieldNotes.title,
      status: fieldNotes.status,
      category: fieldNotes.category,
      townName: towns.name,
      submittedAt: fieldNotes.submittedAt,
    })
    .from(fieldNotes)
    .leftJoin(towns, eq(towns.id, fieldNotes.townId))
    .leftJoin(publicCases, eq(publicCases.noteId, fieldNotes.id))
    .where(and(inArray(fieldNotes.status, [...caseableStatuses]), isNull(publicCases.id)))
    .orderBy(desc(fieldNotes.submittedAt), desc(fieldNotes.id))
    .limit(limit);
}

/**
 * A starting point for the editor, from a note that may have a case: its title, its
 * suggestion, the departments it went to and their answers, its dates. Never its author,
 * contact, people met or place. Null when the note does not exist or may not have one.
 */
export async function buildCaseDraftIn(
  db: Database,
  noteId: number,
  timeZone: string,
): Promise<CaseDraft | null> {
  const [note] = await db
    .select({
      id: fieldNotes.id,
      status: fieldNotes.status,
      title: fieldNotes.title,
      suggestion: fieldNotes.suggestion,
      category: fieldNotes.category,
      townId: fieldNotes.townId,
      submittedAt: fieldNotes.submittedAt,
    })
    .from(fieldNotes)
    .where(eq(fieldNotes.id, noteId));
  if (!note || !(caseableStatuses as readonly string[]).includes(note.status)) return null;
  const [transfers, [finished]] = await Promise.all([
    db
      .select({
        department: departments.name,
        answer: noteTransfers.answer,
        answeredAt: noteTransfers.answeredAt,
      })
      .from(noteTransfers)
      .innerJoin(departments, eq(departments.id, noteTransfers.departmentId))
      .where(eq(noteTransfers.noteId, noteId))
      .orderBy(asc(noteTransfers.id)),
    db
      .select({ at: max(noteTransitions.createdAt) })
      .from(noteTransitions)
      .where(
        and(
          eq(noteTransitions.noteId, noteId),
          inArray(noteTransitions.toStatus, ["answered", "closed"]),
        ),
      ),
  ]);
  const departmentName = [...new Set(transfers.map((t) => t.department))].join("、");
  // The departments' answers, one paragraph each, as the rich-text editor's HTML.
  const outcome = plainParagraphsToRichText(
    transfers
      .filter((t) => t.answer?.trim())
      .map((t) =>
        transfers.length > 1 ? `${t.department}：${t.answer?.trim()}` : (t.answer?.trim() ?? ""),
      )
      .join("\n\n"),
  );
  const resolved = finished?.at ?? null;
  return {
    noteId: note.id,
    noteStatus: note.status,
    title: note.title,
    summary: note.suggestion,
    category: note.category,
    townId: note.townId,
    departmentName,
    outcome,
    receivedOn: note.submittedAt ? localDateKey(note.submittedAt, timeZone) : null,
    resolvedOn: resolved
      ? localDateKey(resolved instanceof Date ? resolved : new Date(resolved), timeZone)
      : null,
  };
}

export async function listAdminCasesIn(
  db: Database,
  page: number,
): Promise<{ rows: AdminCaseRow[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: publicCases.id,
        title: publicCases.title,
        category: publicCases.category,
        townName: towns.name,
        publishedAt: publicCases.publishedAt,
        updatedAt: publicCases.updatedAt,
        noteId: publicCases.noteId,
      })
      .from(publicCases)
      .leftJoin(towns, eq(towns.id, publicCases.townId))
      .orderBy(desc(publicCases.updatedAt), desc(publicCases.id))
      .limit(ADMIN_CASES_PAGE_SIZE)
      .offset((page - 1) * ADMIN_CASES_PAGE_SIZE),
    db.select({ n: count() }).from(publicCases),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function selectCaseForEditIn(db: Database, id: number): Promise<CaseForEdit | null> {
  const [row] = await db
    .select({
      id: publicCases.id,
      noteId: publicCases.noteId,
      title: publicCases.title,
      summary: publicCases.summary,
      category: publicCases.category,
      townId: publicCases.townId,
      departmentName: publicCases.departmentName,
      outcome: publicCases.outcome,
      receivedOn: publicCases.receivedOn,
      resolvedOn: publicCases.resolvedOn,
      publishedAt: publicCases.publishedAt,
      updatedAt: publicCases.updatedAt,
    })
    .from(publicCases)
    .where(eq(publicCases.id, id));
  return row ?? null;
}

export async function selectTownOptions(db: Database) {
  return db
    .select({ id: towns.id, name: towns.name })
    .from(towns)
    .orderBy(asc(towns.sortOrder), asc(towns.id));
}

export async function listEligibleNotes() {
  return listEligibleNotesIn(await getDb());
}

export async function buildCaseDraft(noteId: number, timeZone: string) {
  return buildCaseDraftIn(await getDb(), noteId, timeZone);
}

export async function listAdminCases(page: number) {
  return listAdminCasesIn(await getDb(), page);
}

export async function getCaseForEdit(id: number) {
  return selectCaseForEditIn(await getDb(), id);
}

export async function getTownOptions() {
  return selectTownOptions(await getDb());
}
