import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { findPersonalData } from "@/lib/cases/personal-data";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { richTextFromInput, richTextToPlainText } from "@/lib/rich-text/sanitize";
import { normalizeDocumentText } from "@/lib/search/tokenize";
import type { Database } from "../../client";
import { openOptional } from "../../encryption/fields";
import { getDb } from "../../runtime";
import { fieldNotes, publicCases, towns, users } from "../../schema";
import { removeFromIndex, type SearchDb, upsertRows } from "../../search";
import { notifyNoteAuthor } from "../notifications/notes";
import {
  auditStaffWrite,
  type Executor,
  isUniqueViolation,
  refreshPublicPages,
} from "../shared/write";
import { CASES_TAG } from "./public";
import { type CaseInput, caseableStatuses } from "./staff";

/**
 * Writing public cases: every save is checked for personal data (lib/cases/personal-data.ts)
 * against the note author's identifiers, audited, and indexed for search when public.
 */

async function assertMayPublish(actor: Actor) {
  if (!can(actor.user, "case.publish")) throw new AppError("forbidden");
}

/** The author's name, username and phone: what the published text must not contain. */
async function authorIdentifiers(db: Executor, noteId: number): Promise<string[]> {
  const [row] = await db
    .select({ displayName: users.displayName, username: users.username, phone: users.phone })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .where(eq(fieldNotes.id, noteId));
  if (!row) return [];
  const phone = openOptional("users.phone", row.phone) ?? "";
  return [row.displayName, row.username, phone].filter((s) => s.length >= 2);
}

function assertAnonymous(input: CaseInput, names: string[]) {
  const found = findPersonalData(
    [input.title, input.summary, input.departmentName, richTextToPlainText(input.outcome)],
    names,
  );
  if (found) throw new AppError("personal_data", found);
}

/** The words of a stored outcome (HTML since the editor; plain text in rows not yet converted). */
function outcomeText(outcome: string, format: string): string {
  return format === "html" ? richTextToPlainText(outcome) : outcome;
}

/** Writes the case's search entry when it is public, removes it otherwise. */
export async function indexCase(db: SearchDb, id: number): Promise<void> {
  const [row] = await db
    .select({
      id: publicCases.id,
      title: publicCases.title,
      summary: publicCases.summary,
      outcome: publicCases.outcome,
      outcomeFormat: publicCases.outcomeFormat,
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
        [row.summary, outcomeText(row.outcome, row.outcomeFormat), row.departmentName, row.townName]
          .filter((p) => p?.trim())
          .join("\n"),
      ),
      url: `/cases/${row.id}`,
      visibleFrom: row.publishedAt,
      happenedAt: row.publishedAt,
    },
  ]);
}

/**
 * Tells the note's author that their note became a public case, when it is first
 * published (the key is the case: withdrawing and publishing again tells them nothing new).
 */
async function tellAuthorOfCase(tx: Executor, caseId: number): Promise<void> {
  const [row] = await tx
    .select({ noteId: publicCases.noteId, title: publicCases.title })
    .from(publicCases)
    .where(eq(publicCases.id, caseId));
  if (row?.noteId == null) return;
  await notifyNoteAuthor(tx, row.noteId, `case:${caseId}`, {
    kind: "note.public_case",
    caseTitle: row.title,
    caseLink: `/cases/${caseId}`,
  });
}

/** The case's own text and dates, as stored: the outcome cleaned by the rich-text allowlist. */
function caseColumns(input: CaseInput) {
  const { publish: _publish, ...columns } = input;
  return { ...columns, outcome: richTextFromInput(input.outcome), outcomeFormat: "html" as const };
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
      if (!note) throw new AppError("not_found");
      if (!(caseableStatuses as readonly string[]).includes(note.status))
        throw new AppError("not_eligible");
      assertAnonymous(input, await authorIdentifiers(tx, noteId));
      const [row] = await tx
        .insert(publicCases)
        .values({
          noteId,
          ...caseColumns(input),
          publishedAt: input.publish ? now : null,
          createdById: actor.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: publicCases.id });
      if (!row) throw new Error("case insert returned no row");
      await indexCase(tx, row.id);
      if (input.publish) await tellAuthorOfCase(tx, row.id);
      await auditStaffWrite(tx, actor, {
        action: "case.create",
        targetType: "case",
        targetId: String(row.id),
        details: { noteId, published: input.publish },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "public_cases_note_idx")) throw new AppError("not_eligible");
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
    if (!existing) throw new AppError("not_found");
    assertAnonymous(
      input,
      existing.noteId === null ? [] : await authorIdentifiers(tx, existing.noteId),
    );
    // A case keeps its first publishing date through later corrections.
    const publishedAt = input.publish ? (existing.publishedAt ?? now) : null;
    await tx
      .update(publicCases)
      .set({
        ...caseColumns(input),
        publishedAt,
        updatedAt: now,
      })
      .where(eq(publicCases.id, id));
    await indexCase(tx, id);
    if (publishedAt) await tellAuthorOfCase(tx, id);
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
        outcomeFormat: publicCases.outcomeFormat,
        publishedAt: publicCases.publishedAt,
      })
      .from(publicCases)
      .where(eq(publicCases.id, id))
      .for("update");
    if (!existing) throw new AppError("not_found");
    if (Boolean(existing.publishedAt) === publish) throw new AppError("invalid_state");
    if (publish) {
      const names = existing.noteId === null ? [] : await authorIdentifiers(tx, existing.noteId);
      const found = findPersonalData(
        [
          existing.title,
          existing.summary,
          existing.departmentName,
          outcomeText(existing.outcome, existing.outcomeFormat),
        ],
        names,
      );
      if (found) throw new AppError("personal_data", found);
    }
    await tx
      .update(publicCases)
      .set({ publishedAt: publish ? now : null, updatedAt: now })
      .where(eq(publicCases.id, id));
    await indexCase(tx, id);
    if (publish) await tellAuthorOfCase(tx, id);
    await auditStaffWrite(tx, actor, {
      action: publish ? "case.publish" : "case.unpublish",
      targetType: "case",
      targetId: String(id),
    });
  });
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
