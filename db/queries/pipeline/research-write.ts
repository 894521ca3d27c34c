import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { isAdopted } from "@/lib/notes/workflow";
import { can } from "@/lib/permissions";
import { storedRichText } from "@/lib/rich-text/sanitize";
import type { Database } from "../../client";
import {
  campaigns,
  fieldNotes,
  researchTopicMembers,
  researchTopicNotes,
  researchTopics,
  users,
} from "../../schema";
import { writeAudit } from "../audit/write";
import type { Executor } from "../shared/write";
import { withDb } from "../with-db";
import type { ReviewStatus } from "./research";

/** Writes of the research pipeline: topics, the notes they gather, their members. Audited. */

function assertManager(ctx: Actor) {
  if (!can(ctx.user, "research.manage")) throw new AppError("forbidden");
}

async function audit(
  tx: Executor,
  ctx: Actor,
  action: string,
  targetId: number,
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    action,
    actorId: ctx.user.id,
    actorLabel: ctx.user.username,
    ip: ctx.ip,
    targetType: action.split(".")[0],
    targetId: String(targetId),
    details,
  });
}

/** Years that have topics or proposals, and the current one, newest first. */

export interface ResearchTopicInput {
  title: string;
  year: number;
  summary: string;
  topicId: number | null;
  sortOrder: number;
}

export async function createResearchTopicIn(
  db: Database,
  ctx: Actor,
  input: ResearchTopicInput,
): Promise<number> {
  assertManager(ctx);
  return db.transaction(async (tx) => {
    // The research month of that year, when there is one, is the topic's campaign.
    const [month] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.kind, "research_month"), eq(campaigns.year, input.year)))
      .limit(1);
    const [row] = await tx
      .insert(researchTopics)
      .values({
        ...input,
        slug: `rt-${input.year}-${randomUUID().slice(0, 8)}`,
        campaignId: month?.id ?? null,
      })
      .returning({ id: researchTopics.id });
    if (!row) throw new Error("research topic insert returned no row");
    await audit(tx, ctx, "research_topic.create", row.id, { title: input.title });
    return row.id;
  });
}

export interface ResearchTopicUpdate {
  title: string;
  summary: string;
  topicId: number | null;
  sortOrder: number;
  report: string;
  reviewStatus: ReviewStatus;
  reviewComment: string;
}

export async function updateResearchTopicIn(
  db: Database,
  ctx: Actor,
  id: number,
  input: ResearchTopicUpdate,
): Promise<void> {
  assertManager(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(researchTopics)
      // The report is cleaned by the rich-text allowlist before it is stored.
      .set({
        ...input,
        report: storedRichText(input.report),
        reportFormat: "html",
        updatedAt: sql`now()`,
      })
      .where(eq(researchTopics.id, id))
      .returning({ id: researchTopics.id });
    if (!row) throw new AppError("not_found");
    await audit(tx, ctx, "research_topic.update", id, {
      title: input.title,
      reviewStatus: input.reviewStatus,
      reportLength: input.report.length,
    });
  });
}

/** Throws unless every note exists and is adopted. */
export async function assertAdoptedNotes(tx: Executor, noteIds: number[]): Promise<void> {
  if (noteIds.length === 0) return;
  const rows = await tx
    .select({ id: fieldNotes.id, status: fieldNotes.status })
    .from(fieldNotes)
    .where(inArray(fieldNotes.id, noteIds));
  if (rows.length !== noteIds.length || rows.some((r) => !isAdopted(r.status))) {
    throw new AppError("note_not_adopted");
  }
}

export async function addNotesToTopicIn(
  db: Database,
  ctx: Actor,
  topicId: number,
  noteIds: number[],
): Promise<number> {
  assertManager(ctx);
  const ids = [...new Set(noteIds)];
  return db.transaction(async (tx) => {
    const [topic] = await tx
      .select({ id: researchTopics.id })
      .from(researchTopics)
      .where(eq(researchTopics.id, topicId));
    if (!topic) throw new AppError("not_found");
    await assertAdoptedNotes(tx, ids);
    if (ids.length === 0) return 0;
    const added = await tx
      .insert(researchTopicNotes)
      .values(ids.map((noteId) => ({ researchTopicId: topicId, noteId })))
      .onConflictDoNothing()
      .returning({ noteId: researchTopicNotes.noteId });
    await audit(tx, ctx, "research_topic.gather", topicId, {
      noteIds: added.map((a) => a.noteId),
    });
    return added.length;
  });
}

export async function removeNoteFromTopicIn(
  db: Database,
  ctx: Actor,
  topicId: number,
  noteId: number,
): Promise<void> {
  assertManager(ctx);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(researchTopicNotes)
      .where(
        and(eq(researchTopicNotes.researchTopicId, topicId), eq(researchTopicNotes.noteId, noteId)),
      )
      .returning({ noteId: researchTopicNotes.noteId });
    if (removed.length === 0) throw new AppError("not_found");
    await audit(tx, ctx, "research_topic.ungather", topicId, { noteId });
  });
}

/** Throws unless every id is a member's account. */
export async function assertMembers(tx: Executor, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.role, "member")));
  if (rows.length !== userIds.length) throw new AppError("not_found");
}

export async function setTopicMembersIn(
  db: Database,
  ctx: Actor,
  topicId: number,
  userIds: number[],
): Promise<void> {
  assertManager(ctx);
  const ids = [...new Set(userIds)];
  await db.transaction(async (tx) => {
    const [topic] = await tx
      .select({ id: researchTopics.id })
      .from(researchTopics)
      .where(eq(researchTopics.id, topicId));
    if (!topic) throw new AppError("not_found");
    await assertMembers(tx, ids);
    await tx
      .delete(researchTopicMembers)
      .where(
        ids.length > 0
          ? and(
              eq(researchTopicMembers.researchTopicId, topicId),
              notInArray(researchTopicMembers.userId, ids),
            )
          : eq(researchTopicMembers.researchTopicId, topicId),
      );
    if (ids.length > 0) {
      await tx
        .insert(researchTopicMembers)
        .values(ids.map((userId) => ({ researchTopicId: topicId, userId })))
        .onConflictDoNothing();
    }
    await audit(tx, ctx, "research_topic.members", topicId, { userIds: ids });
  });
}

/** Every member account, for the pickers of topics and proposals. */

// ---- the server's database --------------------------------------------------------

export const createResearchTopic = withDb(createResearchTopicIn);
export const updateResearchTopic = withDb(updateResearchTopicIn);
export const addNotesToTopic = withDb(addNotesToTopicIn);
export const removeNoteFromTopic = withDb(removeNoteFromTopicIn);
export const setTopicMembers = withDb(setTopicMembersIn);
