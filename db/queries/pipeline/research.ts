import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import { escapeLike, ModerationError } from "@/lib/moderation";
import { isAdopted, type NoteStatus, noteStatuses } from "@/lib/notes/workflow";
import { can } from "@/lib/permissions";
import type { NoteCategory, reviewStatuses } from "@/lib/vocabulary";
import type { Database } from "../client";
import {
  campaigns,
  fieldNotes,
  proposals,
  researchTopicMembers,
  researchTopicNotes,
  researchTopics,
  sectors,
  topics,
  users,
} from "../schema";
import { writeAudit } from "./audit";
import type { ActorContext, Executor } from "./moderation";
import { outer } from "./moderation-scope";
import { withDb } from "./with-db";

/**
 * The research pipeline: key topics of the research month gather accepted notes and
 * carry their report (Markdown) and its expert review; the compilation prints them
 * in order. Writes are for those who may `research.manage` (admins), and audited.
 */

export type ReviewStatus = (typeof reviewStatuses)[number];

/** Statuses counted as adopted: only such notes feed topics and proposals. */
export const adoptedStatuses = noteStatuses.filter(isAdopted) as NoteStatus[];

export interface LinkedNote {
  id: number;
  title: string;
  status: NoteStatus;
  category: NoteCategory | null;
  authorName: string;
}

export interface MemberOption {
  id: number;
  name: string;
  sectorName: string | null;
}

function assertManager(ctx: ActorContext) {
  if (!can(ctx.user, "research.manage")) throw new ModerationError("forbidden");
}

async function audit(
  tx: Executor,
  ctx: ActorContext,
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
export async function listResearchYearsIn(db: Database, currentYear: number): Promise<number[]> {
  const [topicYears, proposalYears] = await Promise.all([
    db.selectDistinct({ year: researchTopics.year }).from(researchTopics),
    db.selectDistinct({ year: proposals.year }).from(proposals),
  ]);
  const years = new Set<number>([currentYear]);
  for (const row of [...topicYears, ...proposalYears]) years.add(row.year);
  return [...years].sort((a, b) => b - a);
}

export interface ResearchTopicRow {
  id: number;
  title: string;
  summary: string;
  reviewStatus: ReviewStatus;
  sortOrder: number;
  topicName: string | null;
  hasReport: boolean;
  noteCount: number;
  memberCount: number;
}

export async function listResearchTopicsIn(
  db: Database,
  year: number,
): Promise<ResearchTopicRow[]> {
  return db
    .select({
      id: researchTopics.id,
      title: researchTopics.title,
      summary: researchTopics.summary,
      reviewStatus: researchTopics.reviewStatus,
      sortOrder: researchTopics.sortOrder,
      topicName: topics.name,
      hasReport: sql<boolean>`length(trim(${researchTopics.report})) > 0`,
      noteCount: sql<number>`(select count(*) from research_topic_notes n
        where n.research_topic_id = ${outer(researchTopics.id)})`.mapWith(Number),
      memberCount: sql<number>`(select count(*) from research_topic_members p
        where p.research_topic_id = ${outer(researchTopics.id)})`.mapWith(Number),
    })
    .from(researchTopics)
    .leftJoin(topics, eq(topics.id, researchTopics.topicId))
    .where(eq(researchTopics.year, year))
    .orderBy(asc(researchTopics.sortOrder), asc(researchTopics.id));
}

export interface ResearchTopicDetail {
  id: number;
  title: string;
  year: number;
  summary: string;
  report: string;
  reviewStatus: ReviewStatus;
  reviewComment: string;
  sortOrder: number;
  topicId: number | null;
  topicName: string | null;
  campaignName: string | null;
  notes: LinkedNote[];
  members: MemberOption[];
  proposals: { id: number; title: string; kind: "proposal" | "plenary_speech" }[];
}

const linkedNoteColumns = {
  id: fieldNotes.id,
  title: fieldNotes.title,
  status: fieldNotes.status,
  category: fieldNotes.category,
  authorName: users.displayName,
};

export async function getResearchTopicIn(
  db: Database,
  id: number,
): Promise<ResearchTopicDetail | null> {
  const [topic] = await db
    .select({
      id: researchTopics.id,
      title: researchTopics.title,
      year: researchTopics.year,
      summary: researchTopics.summary,
      report: researchTopics.report,
      reviewStatus: researchTopics.reviewStatus,
      reviewComment: researchTopics.reviewComment,
      sortOrder: researchTopics.sortOrder,
      topicId: researchTopics.topicId,
      topicName: topics.name,
      campaignName: campaigns.name,
    })
    .from(researchTopics)
    .leftJoin(topics, eq(topics.id, researchTopics.topicId))
    .leftJoin(campaigns, eq(campaigns.id, researchTopics.campaignId))
    .where(eq(researchTopics.id, id));
  if (!topic) return null;
  const [notes, members, linkedProposals] = await Promise.all([
    db
      .select(linkedNoteColumns)
      .from(researchTopicNotes)
      .innerJoin(fieldNotes, eq(fieldNotes.id, researchTopicNotes.noteId))
      .innerJoin(users, eq(users.id, fieldNotes.authorId))
      .where(eq(researchTopicNotes.researchTopicId, id))
      .orderBy(asc(fieldNotes.submittedAt), asc(fieldNotes.id)),
    db
      .select({ id: users.id, name: users.displayName, sectorName: sectors.name })
      .from(researchTopicMembers)
      .innerJoin(users, eq(users.id, researchTopicMembers.userId))
      .leftJoin(sectors, eq(sectors.id, users.sectorId))
      .where(eq(researchTopicMembers.researchTopicId, id))
      .orderBy(asc(users.displayName)),
    db
      .select({ id: proposals.id, title: proposals.title, kind: proposals.kind })
      .from(proposals)
      .where(eq(proposals.researchTopicId, id))
      .orderBy(asc(proposals.id)),
  ]);
  return { ...topic, notes, members, proposals: linkedProposals };
}

/** Adopted notes not yet in this topic, newest first, optionally narrowed by a word. */
export async function listGatherableNotesIn(
  db: Database,
  topicId: number,
  options: { q?: string; limit?: number } = {},
): Promise<LinkedNote[]> {
  const conditions: (SQL | undefined)[] = [
    inArray(fieldNotes.status, adoptedStatuses),
    sql`not exists (select 1 from research_topic_notes n
      where n.research_topic_id = ${topicId} and n.note_id = ${outer(fieldNotes.id)})`,
  ];
  if (options.q) {
    const pattern = `%${escapeLike(options.q)}%`;
    conditions.push(or(ilike(fieldNotes.title, pattern), ilike(fieldNotes.suggestion, pattern)));
  }
  return db
    .select(linkedNoteColumns)
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .where(and(...conditions))
    .orderBy(desc(fieldNotes.submittedAt), desc(fieldNotes.id))
    .limit(options.limit ?? 50);
}

export interface ResearchTopicInput {
  title: string;
  year: number;
  summary: string;
  topicId: number | null;
  sortOrder: number;
}

export async function createResearchTopicIn(
  db: Database,
  ctx: ActorContext,
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
  ctx: ActorContext,
  id: number,
  input: ResearchTopicUpdate,
): Promise<void> {
  assertManager(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(researchTopics)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(researchTopics.id, id))
      .returning({ id: researchTopics.id });
    if (!row) throw new ModerationError("not_found");
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
    throw new ModerationError("note_not_adopted");
  }
}

export async function addNotesToTopicIn(
  db: Database,
  ctx: ActorContext,
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
    if (!topic) throw new ModerationError("not_found");
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
  ctx: ActorContext,
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
    if (removed.length === 0) throw new ModerationError("not_found");
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
  if (rows.length !== userIds.length) throw new ModerationError("not_found");
}

export async function setTopicMembersIn(
  db: Database,
  ctx: ActorContext,
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
    if (!topic) throw new ModerationError("not_found");
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
export async function listMemberOptionsIn(db: Database): Promise<MemberOption[]> {
  return db
    .select({ id: users.id, name: users.displayName, sectorName: sectors.name })
    .from(users)
    .leftJoin(sectors, eq(sectors.id, users.sectorId))
    .where(eq(users.role, "member"))
    .orderBy(asc(users.displayName), asc(users.id));
}

export interface CompilationTopic {
  id: number;
  title: string;
  summary: string;
  report: string;
  reviewStatus: ReviewStatus;
  reviewComment: string;
  topicName: string | null;
  notes: LinkedNote[];
  members: string[];
  proposals: { title: string; kind: "proposal" | "plenary_speech" }[];
}

/** The year's topics in their compilation order, each with its report and sources. */
export async function getCompilationIn(db: Database, year: number): Promise<CompilationTopic[]> {
  const topicRows = await db
    .select({
      id: researchTopics.id,
      title: researchTopics.title,
      summary: researchTopics.summary,
      report: researchTopics.report,
      reviewStatus: researchTopics.reviewStatus,
      reviewComment: researchTopics.reviewComment,
      topicName: topics.name,
    })
    .from(researchTopics)
    .leftJoin(topics, eq(topics.id, researchTopics.topicId))
    .where(eq(researchTopics.year, year))
    .orderBy(asc(researchTopics.sortOrder), asc(researchTopics.id));
  if (topicRows.length === 0) return [];
  const ids = topicRows.map((t) => t.id);
  const [noteRows, memberRows, proposalRows] = await Promise.all([
    db
      .select({ topicId: researchTopicNotes.researchTopicId, ...linkedNoteColumns })
      .from(researchTopicNotes)
      .innerJoin(fieldNotes, eq(fieldNotes.id, researchTopicNotes.noteId))
      .innerJoin(users, eq(users.id, fieldNotes.authorId))
      .where(inArray(researchTopicNotes.researchTopicId, ids))
      .orderBy(asc(fieldNotes.submittedAt), asc(fieldNotes.id)),
    db
      .select({ topicId: researchTopicMembers.researchTopicId, name: users.displayName })
      .from(researchTopicMembers)
      .innerJoin(users, eq(users.id, researchTopicMembers.userId))
      .where(inArray(researchTopicMembers.researchTopicId, ids))
      .orderBy(asc(users.displayName)),
    db
      .select({ topicId: proposals.researchTopicId, title: proposals.title, kind: proposals.kind })
      .from(proposals)
      .where(inArray(proposals.researchTopicId, ids))
      .orderBy(asc(proposals.id)),
  ]);
  return topicRows.map((t) => ({
    ...t,
    notes: noteRows.filter((n) => n.topicId === t.id).map(({ topicId: _, ...n }) => n),
    members: memberRows.filter((p) => p.topicId === t.id).map((p) => p.name),
    proposals: proposalRows
      .filter((p) => p.topicId === t.id)
      .map((p) => ({ title: p.title, kind: p.kind })),
  }));
}

/** Consultation topics, for the topic form. */
export async function listTopicOptionsIn(db: Database): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: topics.id, name: topics.name })
    .from(topics)
    .orderBy(asc(topics.sortOrder));
}

// ---- the server's database --------------------------------------------------------

export const listResearchYears = withDb(listResearchYearsIn);
export const listResearchTopics = withDb(listResearchTopicsIn);
export const getResearchTopic = withDb(getResearchTopicIn);
export const listGatherableNotes = withDb(listGatherableNotesIn);
export const createResearchTopic = withDb(createResearchTopicIn);
export const updateResearchTopic = withDb(updateResearchTopicIn);
export const addNotesToTopic = withDb(addNotesToTopicIn);
export const removeNoteFromTopic = withDb(removeNoteFromTopicIn);
export const setTopicMembers = withDb(setTopicMembersIn);
export const listMemberOptions = withDb(listMemberOptionsIn);
export const getCompilation = withDb(getCompilationIn);
export const listTopicOptions = withDb(listTopicOptionsIn);
