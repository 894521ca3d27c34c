import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { escapeLike } from "@/lib/moderation";
import { isAdopted, type NoteStatus, noteStatuses } from "@/lib/notes/workflow";
import type { NoteCategory, reviewStatuses } from "@/lib/vocabulary";
import type { Database } from "../../client";
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
} from "../../schema";
import { withDb } from "../with-db";
import { outer } from "./scope";

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
export const listMemberOptions = withDb(listMemberOptionsIn);
export const getCompilation = withDb(getCompilationIn);
export const listTopicOptions = withDb(listTopicOptionsIn);
