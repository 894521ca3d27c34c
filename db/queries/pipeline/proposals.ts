import "server-only";
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Database } from "../../client";
import {
  fieldNotes,
  proposalMembers,
  proposalNotes,
  proposals,
  researchTopics,
  sectors,
  users,
} from "../../schema";
import { writeAudit } from "../audit/write";
import type { Transaction } from "../shared/write";
import { withDb } from "../with-db";
import { adoptedStatuses, type LinkedNote, type MemberOption } from "./research";
import { assertAdoptedNotes, assertMembers } from "./research-write";
import { outer } from "./scope";

/** 提案 / 大会发言: what mature topics and notes become; linked to topics, notes and members. */

export type ProposalKind = "proposal" | "plenary_speech";

export interface ProposalRow {
  id: number;
  kind: ProposalKind;
  title: string;
  number: string;
  researchTopicTitle: string | null;
  noteCount: number;
  memberCount: number;
}

export async function listProposalsIn(db: Database, year: number): Promise<ProposalRow[]> {
  return db
    .select({
      id: proposals.id,
      kind: proposals.kind,
      title: proposals.title,
      number: proposals.number,
      researchTopicTitle: researchTopics.title,
      noteCount: sql<number>`(select count(*) from proposal_notes n
        where n.proposal_id = ${outer(proposals.id)})`.mapWith(Number),
      memberCount: sql<number>`(select count(*) from proposal_members p
        where p.proposal_id = ${outer(proposals.id)})`.mapWith(Number),
    })
    .from(proposals)
    .leftJoin(researchTopics, eq(researchTopics.id, proposals.researchTopicId))
    .where(eq(proposals.year, year))
    .orderBy(asc(proposals.kind), asc(proposals.id));
}

export interface ProposalDetail {
  id: number;
  kind: ProposalKind;
  title: string;
  year: number;
  number: string;
  summary: string;
  researchTopicId: number | null;
  notes: LinkedNote[];
  members: MemberOption[];
}

export async function getProposalIn(db: Database, id: number): Promise<ProposalDetail | null> {
  const [proposal] = await db
    .select({
      id: proposals.id,
      kind: proposals.kind,
      title: proposals.title,
      year: proposals.year,
      number: proposals.number,
      summary: proposals.summary,
      researchTopicId: proposals.researchTopicId,
    })
    .from(proposals)
    .where(eq(proposals.id, id));
  if (!proposal) return null;
  const [notes, members] = await Promise.all([
    db
      .select({
        id: fieldNotes.id,
        title: fieldNotes.title,
        status: fieldNotes.status,
        category: fieldNotes.category,
        authorName: users.displayName,
      })
      .from(proposalNotes)
      .innerJoin(fieldNotes, eq(fieldNotes.id, proposalNotes.noteId))
      .innerJoin(users, eq(users.id, fieldNotes.authorId))
      .where(eq(proposalNotes.proposalId, id))
      .orderBy(asc(fieldNotes.id)),
    db
      .select({ id: users.id, name: users.displayName, sectorName: sectors.name })
      .from(proposalMembers)
      .innerJoin(users, eq(users.id, proposalMembers.userId))
      .leftJoin(sectors, eq(sectors.id, users.sectorId))
      .where(eq(proposalMembers.proposalId, id))
      .orderBy(asc(users.displayName)),
  ]);
  return { ...proposal, notes, members };
}

export interface ProposalInput {
  kind: ProposalKind;
  title: string;
  year: number;
  number: string;
  summary: string;
  researchTopicId: number | null;
  noteIds: number[];
  memberIds: number[];
}

async function replaceLinks(tx: Transaction, proposalId: number, input: ProposalInput) {
  const noteIds = [...new Set(input.noteIds)];
  const memberIds = [...new Set(input.memberIds)];
  await assertAdoptedNotes(tx, noteIds);
  await assertMembers(tx, memberIds);
  if (input.researchTopicId !== null) {
    const [topic] = await tx
      .select({ id: researchTopics.id })
      .from(researchTopics)
      .where(eq(researchTopics.id, input.researchTopicId));
    if (!topic) throw new AppError("not_found");
  }
  await tx
    .delete(proposalNotes)
    .where(
      noteIds.length > 0
        ? and(eq(proposalNotes.proposalId, proposalId), notInArray(proposalNotes.noteId, noteIds))
        : eq(proposalNotes.proposalId, proposalId),
    );
  if (noteIds.length > 0) {
    await tx
      .insert(proposalNotes)
      .values(noteIds.map((noteId) => ({ proposalId, noteId })))
      .onConflictDoNothing();
  }
  await tx
    .delete(proposalMembers)
    .where(
      memberIds.length > 0
        ? and(
            eq(proposalMembers.proposalId, proposalId),
            notInArray(proposalMembers.userId, memberIds),
          )
        : eq(proposalMembers.proposalId, proposalId),
    );
  if (memberIds.length > 0) {
    await tx
      .insert(proposalMembers)
      .values(memberIds.map((userId) => ({ proposalId, userId })))
      .onConflictDoNothing();
  }
}

const columnsOf = (input: ProposalInput) => ({
  kind: input.kind,
  title: input.title,
  year: input.year,
  number: input.number,
  summary: input.summary,
  researchTopicId: input.researchTopicId,
});

export async function saveProposalIn(
  db: Database,
  ctx: Actor,
  id: number | null,
  input: ProposalInput,
): Promise<number> {
  if (!can(ctx.user, "proposal.manage")) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    let proposalId: number;
    if (id === null) {
      const [row] = await tx
        .insert(proposals)
        .values(columnsOf(input))
        .returning({ id: proposals.id });
      if (!row) throw new Error("proposal insert returned no row");
      proposalId = row.id;
    } else {
      const [row] = await tx
        .update(proposals)
        .set({ ...columnsOf(input), updatedAt: sql`now()` })
        .where(eq(proposals.id, id))
        .returning({ id: proposals.id });
      if (!row) throw new AppError("not_found");
      proposalId = row.id;
    }
    await replaceLinks(tx, proposalId, input);
    await writeAudit(tx, {
      action: id === null ? "proposal.create" : "proposal.update",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "proposal",
      targetId: String(proposalId),
      details: { title: input.title, noteIds: input.noteIds, memberIds: input.memberIds },
    });
    return proposalId;
  });
}

/** Adopted notes a proposal may link: those of its topic first, then the rest (newest first). */
export async function listLinkableNotesIn(
  db: Database,
  options: { researchTopicId: number | null; limit?: number },
): Promise<LinkedNote[]> {
  const topicFirst =
    options.researchTopicId === null
      ? undefined
      : sql`case when exists (select 1 from research_topic_notes n
          where n.research_topic_id = ${options.researchTopicId} and n.note_id = ${outer(fieldNotes.id)})
          then 0 else 1 end`;
  return db
    .select({
      id: fieldNotes.id,
      title: fieldNotes.title,
      status: fieldNotes.status,
      category: fieldNotes.category,
      authorName: users.displayName,
    })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .where(inArray(fieldNotes.status, adoptedStatuses))
    .orderBy(
      ...(topicFirst ? [topicFirst] : []),
      sql`${fieldNotes.submittedAt} desc nulls last`,
      asc(fieldNotes.id),
    )
    .limit(options.limit ?? 100);
}

/** The year's research topics, for the proposal form. */
export async function listTopicChoicesIn(
  db: Database,
  year: number,
): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: researchTopics.id, title: researchTopics.title })
    .from(researchTopics)
    .where(eq(researchTopics.year, year))
    .orderBy(asc(researchTopics.sortOrder), asc(researchTopics.id));
}

// ---- the server's database --------------------------------------------------------

export const listProposals = withDb(listProposalsIn);
export const getProposal = withDb(getProposalIn);
export const saveProposal = withDb(saveProposalIn);
export const listLinkableNotes = withDb(listLinkableNotesIn);
export const listTopicChoices = withDb(listTopicChoicesIn);
