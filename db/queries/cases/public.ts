import "server-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  max,
  type SQL,
} from "drizzle-orm";
import { can } from "@/lib/permissions";
import { normalizeDocumentText } from "@/lib/search/tokenize";
import { localDateKey } from "@/lib/time";
import type { NoteCategory } from "@/lib/vocabulary";
import { cachedQuery } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  departments,
  fieldNotes,
  noteTransfers,
  noteTransitions,
  publicCases,
  towns,
  users,
} from "../schema";
import { removeFromIndex, type SearchDb, upsertRows } from "../search";
import {
  type Actor,
  auditStaffWrite,
  CmsError,
  type Executor,
  isUniqueViolation,
  refreshPublicPages,
} from "./admin-content";

/**
 * The public results board (办理结果公开): anonymised cases that staff write from notes.
 * A case is its own text: it copies nothing from the note by itself. The editor starts
 * from a draft built from the note's title, suggestion and the departments' answers,
 * reviews it, and saves; the save is refused while the text still holds a phone number,
 * an ID number, an e-mail address or the author's name. Public reads select the case's
 * own columns only: never the note, its author or its id.
 */

export const CASES_TAG = "cases";
export const CASES_PAGE_SIZE = 10;
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

export interface PublicCase {
  id: number;
  title: string;
  summary: string;
  category: NoteCategory | null;
  townName: string | null;
  departmentName: string;
  outcome: string;
  receivedOn: string | null;
  resolvedOn: string | null;
  publishedAt: Date;
}

export type PersonalDataKind = "phone" | "id_number" | "email" | "author";

const PERSONAL_PATTERNS: [PersonalDataKind, RegExp][] = [
  // 18-digit resident ID (last may be X), before phones: it holds 11-digit runs.
  ["id_number", /(?<!\d)\d{17}[\dXx](?!\d)/],
  // Mainland mobiles, spaced or dashed (138 0000 0001), and landlines (0573-83000000).
  ["phone", /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)|(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/],
  ["email", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/],
];

/**
 * The first kind of personal data found in `texts`: phone and ID numbers, e-mail
 * addresses, or any of `names` (the note's author). Null when the texts look clean.
 */
export function findPersonalData(
  texts: readonly string[],
  names: readonly string[] = [],
): PersonalDataKind | null {
  const joined = texts.join("\n").normalize("NFKC");
  for (const [kind, pattern] of PERSONAL_PATTERNS) if (pattern.test(joined)) return kind;
  for (const name of names) {
    const n = name.trim();
    if (n.length >= 2 && joined.includes(n)) return "author";
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Staff

async function assertMayPublish(actor: Actor) {
  if (!can(actor.user, "case.publish")) throw new CmsError("forbidden");
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

/** The author's name, username and phone: what the published text must not contain. */
async function authorIdentifiers(db: Executor, noteId: number): Promise<string[]> {
  const [row] = await db
    .select({ displayName: users.displayName, username: users.username, phone: users.phone })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .where(eq(fieldNotes.id, noteId));
  return row ? [row.displayName, row.username, row.phone ?? ""].filter((s) => s.length >= 2) : [];
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
  const outcome = transfers
    .filter((t) => t.answer?.trim())
    .map((t) =>
      transfers.length > 1 ? `${t.department}：${t.answer?.trim()}` : (t.answer?.trim() ?? ""),
    )
    .join("\n\n");
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

function assertAnonymous(input: CaseInput, names: string[]) {
  const found = findPersonalData(
    [input.title, input.summary, input.departmentName, input.outcome],
    names,
  );
  if (found) throw new CmsError("personal_data", found);
}

/** Writes the case's search entry when it is public, removes it otherwise. */
export async function indexCase(db: SearchDb, id: number): Promise<void> {
  const [row] = await db
    .select({
      id: publicCases.id,
      title: publicCases.title,
      summary: publicCases.summary,
      outcome: publicCases.outcome,
      departmentName: publicCases.departmentName,
      townName: towns.name,
      publishedAt: publicCases.publishedAt,
      resolvedOn: publicCases.resolvedOn,
    })
    .from(publicCases)
    .leftJoin(towns, eq(towns.id, publicCases.townId))
    .where(eq(publicCases.id, id));
  if (!row?.publishedAt) {
    await removeFromIndex(db, "case", id);
    return;
  }
  await upsertRows(db, [
    {
      kind: "case",
      refId: row.id,
      title: normalizeDocumentText(row.title),
      body: normalizeDocumentText(
        [row.summary, row.outcome, row.departmentName, row.townName]
          .filter((p) => p?.trim())
          .join("\n"),
      ),
      url: `/cases/${row.id}`,
      visibleFrom: row.publishedAt,
      happenedAt: row.publishedAt,
    },
  ]);
}

/** Creates the case of a note (one per note), checked for personal data, audited. */
export async function createCaseIn(
  db: Database,
  actor: Actor,
  noteId: number,
  input: CaseInput,
  now = new Date(),
): Promise<{ id: number }> {
  await assertMayPublish(actor);
  try {
    return await db.transaction(async (tx) => {
      const [note] = await tx
        .select({ status: fieldNotes.status })
        .from(fieldNotes)
        .where(eq(fieldNotes.id, noteId));
      if (!note) throw new CmsError("not_found");
      if (!(caseableStatuses as readonly string[]).includes(note.status))
        throw new CmsError("not_eligible");
      assertAnonymous(input, await authorIdentifiers(tx, noteId));
      const [row] = await tx
        .insert(publicCases)
        .values({
          noteId,
          title: input.title,
          summary: input.summary,
          category: input.category,
          townId: input.townId,
          departmentName: input.departmentName,
          outcome: input.outcome,
          receivedOn: input.receivedOn,
          resolvedOn: input.resolvedOn,
          publishedAt: input.publish ? now : null,
          createdById: actor.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: publicCases.id });
      if (!row) throw new Error("case insert returned no row");
      await indexCase(tx, row.id);
      await auditStaffWrite(tx, actor, {
        action: "case.create",
        targetType: "case",
        targetId: String(row.id),
        details: { noteId, published: input.publish },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "public_cases_note_idx")) throw new CmsError("not_eligible");
    throw error;
  }
}

/** Edits a case (and publishes or withdraws it), checked for personal data, audited. */
export async function updateCaseIn(
  db: Database,
  actor: Actor,
  id: number,
  input: CaseInput,
  now = new Date(),
): Promise<void> {
  await assertMayPublish(actor);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ noteId: publicCases.noteId, publishedAt: publicCases.publishedAt })
      .from(publicCases)
      .where(eq(publicCases.id, id))
      .for("update");
    if (!existing) throw new CmsError("not_found");
    assertAnonymous(
      input,
      existing.noteId === null ? [] : await authorIdentifiers(tx, existing.noteId),
    );
    // A case keeps its first publishing date through later corrections.
    const publishedAt = input.publish ? (existing.publishedAt ?? now) : null;
    await tx
      .update(publicCases)
      .set({
        title: input.title,
        summary: input.summary,
        category: input.category,
        townId: input.townId,
        departmentName: input.departmentName,
        outcome: input.outcome,
        receivedOn: input.receivedOn,
        resolvedOn: input.resolvedOn,
        publishedAt,
        updatedAt: now,
      })
      .where(eq(publicCases.id, id));
    await indexCase(tx, id);
    const action =
      Boolean(existing.publishedAt) === input.publish
        ? "case.update"
        : input.publish
          ? "case.publish"
          : "case.unpublish";
    await auditStaffWrite(tx, actor, {
      action,
      targetType: "case",
      targetId: String(id),
      details: { published: input.publish },
    });
  });
}

/** Publishes or withdraws a case without editing it (the list's buttons). */
export async function setCasePublishedIn(
  db: Database,
  actor: Actor,
  id: number,
  publish: boolean,
  now = new Date(),
): Promise<void> {
  await assertMayPublish(actor);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({
        noteId: publicCases.noteId,
        title: publicCases.title,
        summary: publicCases.summary,
        departmentName: publicCases.departmentName,
        outcome: publicCases.outcome,
        publishedAt: publicCases.publishedAt,
      })
      .from(publicCases)
      .where(eq(publicCases.id, id))
      .for("update");
    if (!existing) throw new CmsError("not_found");
    if (Boolean(existing.publishedAt) === publish) throw new CmsError("invalid_state");
    if (publish) {
      const names = existing.noteId === null ? [] : await authorIdentifiers(tx, existing.noteId);
      const found = findPersonalData(
        [existing.title, existing.summary, existing.departmentName, existing.outcome],
        names,
      );
      if (found) throw new CmsError("personal_data", found);
    }
    await tx
      .update(publicCases)
      .set({ publishedAt: publish ? now : null, updatedAt: now })
      .where(eq(publicCases.id, id));
    await indexCase(tx, id);
    await auditStaffWrite(tx, actor, {
      action: publish ? "case.publish" : "case.unpublish",
      targetType: "case",
      targetId: String(id),
    });
  });
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

// ---------------------------------------------------------------------------------------
// Public

const publicColumns = {
  id: publicCases.id,
  title: publicCases.title,
  summary: publicCases.summary,
  category: publicCases.category,
  townName: towns.name,
  departmentName: publicCases.departmentName,
  outcome: publicCases.outcome,
  receivedOn: publicCases.receivedOn,
  resolvedOn: publicCases.resolvedOn,
  publishedAt: publicCases.publishedAt,
};

const isPublic = (now: Date) =>
  and(isNotNull(publicCases.publishedAt), lte(publicCases.publishedAt, now));

function toPublic<R extends { publishedAt: Date | null }>(
  row: R,
  now: Date,
): R & { publishedAt: Date } {
  return { ...row, publishedAt: row.publishedAt ?? now };
}

export async function listPublishedCasesIn(
  db: Database,
  options: { page: number; category: NoteCategory | null; now?: Date },
): Promise<{ items: PublicCase[]; total: number }> {
  const now = options.now ?? new Date();
  const where: SQL | undefined = and(
    isPublic(now),
    options.category ? eq(publicCases.category, options.category) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(publicCases)
      .leftJoin(towns, eq(towns.id, publicCases.townId))
      .where(where)
      .orderBy(desc(publicCases.publishedAt), desc(publicCases.id))
      .limit(CASES_PAGE_SIZE)
      .offset((options.page - 1) * CASES_PAGE_SIZE),
    db.select({ n: count() }).from(publicCases).where(where),
  ]);
  return { items: rows.map((r) => toPublic(r, now)), total: total?.n ?? 0 };
}

export async function selectPublishedCaseIn(
  db: Database,
  id: number,
  now = new Date(),
): Promise<PublicCase | null> {
  const [row] = await db
    .select(publicColumns)
    .from(publicCases)
    .leftJoin(towns, eq(towns.id, publicCases.townId))
    .where(and(eq(publicCases.id, id), isPublic(now)));
  return row ? toPublic(row, now) : null;
}

// ---------------------------------------------------------------------------------------
// On the server's database

const cachedList = cachedQuery(
  async (page: number, category: NoteCategory | null) =>
    listPublishedCasesIn(await getDb(), { page, category }),
  ["cases:list"],
  { tags: [CASES_TAG], revalidateSeconds: 300 },
);

const cachedCase = cachedQuery(
  async (id: number) => selectPublishedCaseIn(await getDb(), id),
  ["cases:one"],
  { tags: [CASES_TAG], revalidateSeconds: 300 },
);

export function listPublishedCases(page: number, category: NoteCategory | null) {
  return cachedList(page, category);
}

export function getPublishedCase(id: number) {
  return cachedCase(id);
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

export async function createCase(actor: Actor, noteId: number, input: CaseInput) {
  const created = await createCaseIn(await getDb(), actor, noteId, input);
  refreshPublicPages(CASES_TAG);
  return created;
}

export async function updateCase(actor: Actor, id: number, input: CaseInput) {
  await updateCaseIn(await getDb(), actor, id, input);
  refreshPublicPages(CASES_TAG);
}

export async function setCasePublished(actor: Actor, id: number, publish: boolean) {
  await setCasePublishedIn(await getDb(), actor, id, publish);
  refreshPublicPages(CASES_TAG);
}
