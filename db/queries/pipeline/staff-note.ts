import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionUser } from "@/lib/auth/types";
import type { NoteStatus } from "@/lib/notes/workflow";
import { type NoteTarget, noteTarget } from "@/lib/permissions";
import type { NoteCategory } from "@/lib/vocabulary";
import type { Database } from "../../client";
import {
  departments,
  events,
  fieldNotes,
  noteComments,
  notePhotos,
  noteTransfers,
  noteTransitions,
  proposalNotes,
  proposals,
  researchTopicNotes,
  researchTopics,
  sectors,
  topics,
  towns,
  users,
} from "../../schema";
import { withDb } from "../with-db";
import { noteTargetColumns, staffNoteScope } from "./scope";

/** One note in full, as staff read it before deciding: scoped by `staffNoteScope(user)`. */

export interface StaffNoteView {
  id: number;
  title: string;
  status: NoteStatus;
  version: number;
  target: NoteTarget;
  observation: string;
  suggestion: string;
  visitDate: string | null;
  place: string;
  peopleMet: string;
  category: NoteCategory | null;
  submittedAt: Date | null;
  authorId: number;
  authorName: string;
  authorSectorName: string | null;
  townName: string | null;
  sectorName: string | null;
  eventId: number | null;
  eventTitle: string | null;
  topicName: string | null;
  /** note_photos ids: served by /member/photos/[id] to whoever may see the note. */
  photoIds: number[];
  timeline: {
    id: number;
    action: string;
    fromStatus: NoteStatus | null;
    toStatus: NoteStatus;
    reason: string | null;
    actorName: string | null;
    at: Date;
  }[];
  comments: { id: number; body: string; authorName: string | null; at: Date }[];
  transfers: {
    id: number;
    departmentName: string;
    dueOn: string;
    status: "pending" | "answered";
    answer: string | null;
    answeredAt: Date | null;
    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied" | null;
  }[];
  researchTopics: { id: number; title: string; year: number }[];
  proposals: { id: number; title: string; year: number }[];
}

const authorSectors = alias(sectors, "author_sectors");

/** One note with everything staff need to decide, or null when it is not in the user's sight. */
export async function getStaffNoteIn(
  db: Database,
  user: SessionUser,
  noteId: number,
): Promise<StaffNoteView | null> {
  const [note] = await db
    .select({
      id: fieldNotes.id,
      title: fieldNotes.title,
      version: fieldNotes.version,
      observation: fieldNotes.observation,
      suggestion: fieldNotes.suggestion,
      visitDate: fieldNotes.visitDate,
      place: fieldNotes.place,
      peopleMet: fieldNotes.peopleMet,
      category: fieldNotes.category,
      submittedAt: fieldNotes.submittedAt,
      eventId: fieldNotes.eventId,
      authorName: users.displayName,
      authorSectorName: authorSectors.name,
      townName: towns.name,
      sectorName: sectors.name,
      eventTitle: events.title,
      topicName: topics.name,
      ...noteTargetColumns,
    })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .leftJoin(authorSectors, eq(authorSectors.id, users.sectorId))
    .leftJoin(towns, eq(towns.id, fieldNotes.townId))
    .leftJoin(sectors, eq(sectors.id, fieldNotes.sectorId))
    .leftJoin(events, eq(events.id, fieldNotes.eventId))
    .leftJoin(topics, eq(topics.id, fieldNotes.topicId))
    .where(and(eq(fieldNotes.id, noteId), staffNoteScope(user)));
  if (!note) return null;

  const actors = alias(users, "actors");
  const [photos, timeline, comments, transfers, topicRows, proposalRows] = await Promise.all([
    db
      .select({ id: notePhotos.id })
      .from(notePhotos)
      .where(eq(notePhotos.noteId, noteId))
      .orderBy(asc(notePhotos.sortOrder), asc(notePhotos.id)),
    db
      .select({
        id: noteTransitions.id,
        action: noteTransitions.action,
        fromStatus: noteTransitions.fromStatus,
        toStatus: noteTransitions.toStatus,
        reason: noteTransitions.reason,
        actorName: actors.displayName,
        at: noteTransitions.createdAt,
      })
      .from(noteTransitions)
      .leftJoin(actors, eq(actors.id, noteTransitions.actorId))
      .where(eq(noteTransitions.noteId, noteId))
      .orderBy(asc(noteTransitions.createdAt), asc(noteTransitions.id)),
    db
      .select({
        id: noteComments.id,
        body: noteComments.body,
        authorName: actors.displayName,
        at: noteComments.createdAt,
      })
      .from(noteComments)
      .leftJoin(actors, eq(actors.id, noteComments.authorId))
      .where(eq(noteComments.noteId, noteId))
      .orderBy(asc(noteComments.createdAt), asc(noteComments.id)),
    db
      .select({
        id: noteTransfers.id,
        departmentName: departments.name,
        dueOn: noteTransfers.dueOn,
        status: noteTransfers.status,
        answer: noteTransfers.answer,
        answeredAt: noteTransfers.answeredAt,
        satisfaction: noteTransfers.satisfaction,
      })
      .from(noteTransfers)
      .innerJoin(departments, eq(departments.id, noteTransfers.departmentId))
      .where(eq(noteTransfers.noteId, noteId))
      .orderBy(asc(noteTransfers.createdAt), asc(noteTransfers.id)),
    db
      .select({ id: researchTopics.id, title: researchTopics.title, year: researchTopics.year })
      .from(researchTopicNotes)
      .innerJoin(researchTopics, eq(researchTopics.id, researchTopicNotes.researchTopicId))
      .where(eq(researchTopicNotes.noteId, noteId))
      .orderBy(desc(researchTopics.year), asc(researchTopics.sortOrder)),
    db
      .select({ id: proposals.id, title: proposals.title, year: proposals.year })
      .from(proposalNotes)
      .innerJoin(proposals, eq(proposals.id, proposalNotes.proposalId))
      .where(eq(proposalNotes.noteId, noteId))
      .orderBy(desc(proposals.year), asc(proposals.id)),
  ]);

  return {
    ...note,
    target: noteTarget(note),
    photoIds: photos.map((p) => p.id),
    timeline,
    comments,
    transfers,
    researchTopics: topicRows,
    proposals: proposalRows,
  };
}

export const getStaffNote = withDb(getStaffNoteIn);
