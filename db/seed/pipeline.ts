import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { adminMessages } from "../../lib/messages/admin";
import { type NoteStatus, transition } from "../../lib/notes/workflow";
import { markdownToRichText } from "../../lib/rich-text/markdown";
import type { Database } from "../client";
import {
  answerTemplates,
  departments,
  eventAttendees,
  events,
  fieldNotes,
  noteTransfers,
  noteTransitions,
  proposalMembers,
  proposalNotes,
  proposals,
  researchTopicMembers,
  researchTopicNotes,
  researchTopics,
  sectors,
  topics,
  towns,
  users,
} from "../schema";
import {
  buildResearchDemo,
  departments as demoDepartments,
  answerTemplates as demoTemplates,
  pipelineNotes,
} from "./demo-data/departments";
import { buildActivityWeekEvents } from "./demo-data/events-may";
import { localDate } from "./demo-data/time";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const DAY_MS = 24 * 60 * 60 * 1000;
const m = adminMessages.timeline;

/**
 * The staff pipeline's demo rows: departments and answer templates always; with the
 * demo accounts, member2's notes at every stage with their timelines, transfers and
 * answers (each move checked by the state machine), a research topic and a proposal.
 * Runs inside the seeder's transaction, after the directory, events and accounts.
 */
export async function insertPipelineDemo(tx: Transaction, now: Date): Promise<void> {
  const deptRows = await tx
    .insert(departments)
    .values(demoDepartments.map((d, i) => ({ ...d, sortOrder: i })))
    .returning({ id: departments.id, slug: departments.slug, name: departments.name });
  await tx.insert(answerTemplates).values(demoTemplates);

  const people = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ["admin", "member2"]));
  const adminId = people.find((p) => p.username === "admin")?.id;
  const authorId = people.find((p) => p.username === "member2")?.id;
  if (adminId === undefined || authorId === undefined) return; // no demo accounts

  const [townRows, sectorRows, topicRows, eventRows] = await Promise.all([
    tx.select({ id: towns.id, slug: towns.slug }).from(towns),
    tx.select({ id: sectors.id, slug: sectors.slug }).from(sectors),
    tx.select({ id: topics.id, slug: topics.slug }).from(topics),
    tx.select({ id: events.id, title: events.title }).from(events),
  ]);
  const bySlug = (rows: { id: number; slug: string }[], slug: string | undefined, what: string) => {
    if (slug === undefined) return null;
    const row = rows.find((r) => r.slug === slug);
    if (!row) throw new Error(`demo data: unknown ${what} "${slug}"`);
    return row.id;
  };
  const eventTitles = new Map(buildActivityWeekEvents().map((e) => [e.key, e.title]));
  const eventId = (key: string | undefined) => {
    if (key === undefined) return null;
    const row = eventRows.find((e) => e.title === eventTitles.get(key));
    if (!row) throw new Error(`demo data: unknown event "${key}"`);
    return row.id;
  };
  const department = (slug: string) => {
    const row = deptRows.find((d) => d.slug === slug);
    if (!row) throw new Error(`demo data: unknown department "${slug}"`);
    return row;
  };
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  const noteIds = new Map<string, number>();
  for (const demo of pipelineNotes) {
    const submittedAt = daysAgo(demo.submittedDaysAgo);
    const [note] = await tx
      .insert(fieldNotes)
      .values({
        clientId: randomUUID(),
        authorId,
        status: "submitted",
        title: demo.title,
        observation: demo.observation,
        suggestion: demo.suggestion,
        visitDate: localDate(submittedAt, -1),
        townId: bySlug(townRows, demo.town, "town"),
        place: demo.place,
        sectorId: bySlug(sectorRows, demo.sector, "sector"),
        eventId: eventId(demo.event),
        topicId: bySlug(topicRows, demo.topic, "topic"),
        category: demo.category,
        peopleMet: demo.peopleMet,
        submittedAt,
        createdAt: daysAgo(demo.submittedDaysAgo + 1),
        updatedAt: submittedAt,
      })
      .returning({ id: fieldNotes.id });
    if (!note) throw new Error("demo note insert returned no row");
    noteIds.set(demo.key, note.id);
    await tx.insert(noteTransitions).values({
      noteId: note.id,
      fromStatus: "draft",
      toStatus: "submitted",
      action: "submit",
      actorId: authorId,
      createdAt: submittedAt,
    });

    let status: NoteStatus = "submitted";
    const pending = new Set<number>();
    for (const step of demo.steps) {
      const at = daysAgo(step.daysAgo);
      const actor = "by" in step ? step.by : "admin";
      const reason =
        step.action === "transfer"
          ? m.transfer(
              step.departments.map((d) => department(d).name).join(m.listSeparator),
              localDate(at, step.dueInDays),
            )
          : step.action === "answer"
            ? m.answer(department(step.department).name, step.answer)
            : (step.reason ?? null);
      const moved = transition(status, step.action, actor, reason);
      if (!moved.ok)
        throw new Error(`demo data: ${demo.key} cannot ${step.action} (${moved.code})`);
      let to = moved.to;
      if (step.action === "transfer") {
        const rows = await tx
          .insert(noteTransfers)
          .values(
            step.departments.map((d) => ({
              noteId: note.id,
              departmentId: department(d).id,
              dueOn: localDate(at, step.dueInDays),
              createdById: adminId,
              createdAt: at,
              updatedAt: at,
            })),
          )
          .returning({ id: noteTransfers.id });
        for (const row of rows) pending.add(row.id);
      }
      if (step.action === "answer") {
        const [answered] = await tx
          .update(noteTransfers)
          .set({
            status: "answered",
            answer: step.answer,
            answeredAt: at,
            satisfaction: step.satisfaction ?? null,
            updatedAt: at,
          })
          .where(
            and(
              eq(noteTransfers.noteId, note.id),
              eq(noteTransfers.departmentId, department(step.department).id),
            ),
          )
          .returning({ id: noteTransfers.id });
        if (answered) pending.delete(answered.id);
        // Answered once every department it went to has answered.
        if (pending.size > 0) to = status;
      }
      await tx.insert(noteTransitions).values({
        noteId: note.id,
        fromStatus: status,
        toStatus: to,
        action: step.action,
        actorId: adminId,
        reason,
        createdAt: at,
      });
      status = to;
    }
    await tx
      .update(fieldNotes)
      .set({ status, version: 1 + demo.steps.length })
      .where(eq(fieldNotes.id, note.id));
  }

  const research = buildResearchDemo(now);
  const noteId = (key: string) => {
    const id = noteIds.get(key);
    if (id === undefined) throw new Error(`demo data: unknown note "${key}"`);
    return id;
  };
  const [topic] = await tx
    .insert(researchTopics)
    .values({
      slug: `rt-${research.topic.year}-shengyu-youhao`,
      title: research.topic.title,
      year: research.topic.year,
      topicId: bySlug(topicRows, research.topic.topic, "topic"),
      summary: research.topic.summary,
      // Written in Markdown; stored as the editor's clean HTML (headings from h3).
      report: markdownToRichText(research.topic.report, 3),
      reviewStatus: research.topic.reviewStatus,
    })
    .returning({ id: researchTopics.id });
  if (!topic) throw new Error("demo research topic insert returned no row");
  await tx
    .insert(researchTopicNotes)
    .values(
      research.topic.notes.map((key) => ({ researchTopicId: topic.id, noteId: noteId(key) })),
    );
  await tx.insert(researchTopicMembers).values({ researchTopicId: topic.id, userId: authorId });

  const [proposal] = await tx
    .insert(proposals)
    .values({
      kind: research.proposal.kind,
      title: research.proposal.title,
      year: research.proposal.year,
      number: research.proposal.number,
      summary: research.proposal.summary,
      researchTopicId: topic.id,
    })
    .returning({ id: proposals.id });
  if (!proposal) throw new Error("demo proposal insert returned no row");
  await tx
    .insert(proposalNotes)
    .values(
      research.proposal.notes.map((key) => ({ proposalId: proposal.id, noteId: noteId(key) })),
    );
  await tx.insert(proposalMembers).values({ proposalId: proposal.id, userId: authorId });

  await tx
    .insert(eventAttendees)
    .values(
      research.attended.map((key) => ({ eventId: eventId(key) as number, userId: authorId })),
    );
}
