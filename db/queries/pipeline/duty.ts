import "server-only";
import { and, asc, eq, ne, type SQL, sql } from "drizzle-orm";
import { isAdopted, type NoteStatus, noteStatuses } from "@/lib/notes/workflow";
import type { NoteCategory } from "@/lib/vocabulary";
import type { Database } from "../../client";
import {
  eventAttendees,
  events,
  fieldNotes,
  proposals,
  researchTopics,
  sectors,
  users,
} from "../../schema";
import { withDb } from "../with-db";
import { outer } from "./scope";

/**
 * 履职档案: what a member did in a year (in the committee's time zone): events attended,
 * notes filed and adopted, research topics and proposals they took part in, by name
 * or through a note of theirs that a topic or proposal drew on.
 */

export interface DutyRecord {
  member: { id: number; name: string; sectorName: string | null };
  year: number;
  events: { id: number; title: string; startsAt: Date }[];
  notes: {
    id: number;
    title: string;
    status: NoteStatus;
    category: NoteCategory | null;
    submittedAt: Date;
  }[];
  adoptedCount: number;
  topics: { id: number; title: string }[];
  proposals: { id: number; title: string; kind: "proposal" | "plenary_speech"; number: string }[];
}

// Constant status names (lib/notes/workflow.ts), not input: safe to inline.
const ADOPTED_LIST = sql.raw(
  noteStatuses
    .filter(isAdopted)
    .map((s) => `'${s}'`)
    .join(", "),
);

const localYear = (column: SQL | typeof events.startsAt, timeZone: string) =>
  sql`extract(year from (${column} at time zone ${timeZone}))::int`;

/** Topics the member is named in, or that drew on one of their notes. */
const topicOfMember = (userId: number) => sql`(
  exists (select 1 from research_topic_members p
    where p.research_topic_id = ${outer(researchTopics.id)} and p.user_id = ${userId})
  or exists (select 1 from research_topic_notes n join field_notes f on f.id = n.note_id
    where n.research_topic_id = ${outer(researchTopics.id)} and f.author_id = ${userId}))`;

const proposalOfMember = (userId: number) => sql`(
  exists (select 1 from proposal_members p
    where p.proposal_id = ${outer(proposals.id)} and p.user_id = ${userId})
  or exists (select 1 from proposal_notes n join field_notes f on f.id = n.note_id
    where n.proposal_id = ${outer(proposals.id)} and f.author_id = ${userId}))`;

export async function getDutyRecordIn(
  db: Database,
  userId: number,
  year: number,
  timeZone: string,
): Promise<DutyRecord | null> {
  const [member] = await db
    .select({ id: users.id, name: users.displayName, sectorName: sectors.name })
    .from(users)
    .leftJoin(sectors, eq(sectors.id, users.sectorId))
    .where(and(eq(users.id, userId), eq(users.role, "member")));
  if (!member) return null;
  const [attended, notes, topicRows, proposalRows] = await Promise.all([
    db
      .select({ id: events.id, title: events.title, startsAt: events.startsAt })
      .from(eventAttendees)
      .innerJoin(events, eq(events.id, eventAttendees.eventId))
      .where(
        and(
          eq(eventAttendees.userId, userId),
          sql`${localYear(events.startsAt, timeZone)} = ${year}`,
        ),
      )
      .orderBy(asc(events.startsAt)),
    db
      .select({
        id: fieldNotes.id,
        title: fieldNotes.title,
        status: fieldNotes.status,
        category: fieldNotes.category,
        submittedAt: sql<Date>`${fieldNotes.submittedAt}`.mapWith(fieldNotes.submittedAt),
      })
      .from(fieldNotes)
      .where(
        and(
          eq(fieldNotes.authorId, userId),
          ne(fieldNotes.status, "draft"),
          sql`${fieldNotes.submittedAt} is not null`,
          sql`${localYear(sql`${fieldNotes.submittedAt}`, timeZone)} = ${year}`,
        ),
      )
      .orderBy(asc(fieldNotes.submittedAt)),
    db
      .select({ id: researchTopics.id, title: researchTopics.title })
      .from(researchTopics)
      .where(and(eq(researchTopics.year, year), topicOfMember(userId)))
      .orderBy(asc(researchTopics.sortOrder), asc(researchTopics.id)),
    db
      .select({
        id: proposals.id,
        title: proposals.title,
        kind: proposals.kind,
        number: proposals.number,
      })
      .from(proposals)
      .where(and(eq(proposals.year, year), proposalOfMember(userId)))
      .orderBy(asc(proposals.kind), asc(proposals.id)),
  ]);
  return {
    member,
    year,
    events: attended,
    notes,
    adoptedCount: notes.filter((n) => isAdopted(n.status)).length,
    topics: topicRows,
    proposals: proposalRows,
  };
}

export interface DutySummary {
  id: number;
  name: string;
  sectorName: string | null;
  events: number;
  notesFiled: number;
  notesAdopted: number;
  topics: number;
  proposals: number;
}

/** Every member's figures for a year, for the staff list. */
export async function listDutySummariesIn(
  db: Database,
  year: number,
  timeZone: string,
): Promise<DutySummary[]> {
  const filedInYear = sql`f.author_id = ${outer(users.id)} and f.status <> 'draft'
    and f.submitted_at is not null
    and extract(year from (f.submitted_at at time zone ${timeZone}))::int = ${year}`;
  return db
    .select({
      id: users.id,
      name: users.displayName,
      sectorName: sectors.name,
      events: sql<number>`(select count(*) from event_attendees a join events e on e.id = a.event_id
        where a.user_id = ${outer(users.id)}
        and extract(year from (e.starts_at at time zone ${timeZone}))::int = ${year})`.mapWith(
        Number,
      ),
      notesFiled: sql<number>`(select count(*) from field_notes f where ${filedInYear})`.mapWith(
        Number,
      ),
      notesAdopted: sql<number>`(select count(*) from field_notes f where ${filedInYear}
        and f.status in (${ADOPTED_LIST}))`.mapWith(Number),
      topics: sql<number>`(select count(*) from research_topics rt where rt.year = ${year} and (
        exists (select 1 from research_topic_members p where p.research_topic_id = rt.id and p.user_id = ${outer(users.id)})
        or exists (select 1 from research_topic_notes n join field_notes f on f.id = n.note_id
          where n.research_topic_id = rt.id and f.author_id = ${outer(users.id)})))`.mapWith(
        Number,
      ),
      proposals: sql<number>`(select count(*) from proposals pr where pr.year = ${year} and (
        exists (select 1 from proposal_members p where p.proposal_id = pr.id and p.user_id = ${outer(users.id)})
        or exists (select 1 from proposal_notes n join field_notes f on f.id = n.note_id
          where n.proposal_id = pr.id and f.author_id = ${outer(users.id)})))`.mapWith(Number),
    })
    .from(users)
    .leftJoin(sectors, eq(sectors.id, users.sectorId))
    .where(eq(users.role, "member"))
    .orderBy(asc(sectors.sortOrder), asc(users.displayName), asc(users.id));
}

export const getDutyRecord = withDb(getDutyRecordIn);
export const listDutySummaries = withDb(listDutySummariesIn);
