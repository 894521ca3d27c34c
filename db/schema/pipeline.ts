import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  articleBodyFormats,
  caseOutcomeFormats,
  noteCategories,
  opinionStatuses,
  proposalKinds,
  reviewStatuses,
  satisfactionLevels,
  transferStatuses,
} from "../../lib/vocabulary";
import { towns } from "./committee";
import { createdAt, tstz, updatedAt } from "./common";
import { campaigns, events, topics } from "./events";
import { fieldNotes } from "./notes";
import { users } from "./users";

/** 职能部门: government departments that notes are transferred to. */
export const departments = pgTable("departments", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  contact: text("contact").notNull().default(""),
  active: boolean("active").notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
});

/** A note handed to one department (移交), its due date, the answer (反馈) and the member's verdict. */
export const noteTransfers = pgTable(
  "note_transfers",
  {
    id: serial("id").primaryKey(),
    noteId: integer("note_id")
      .notNull()
      .references(() => fieldNotes.id, { onDelete: "cascade" }),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "restrict" }),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: transferStatuses }).notNull().default("pending"),
    answer: text("answer"),
    answeredAt: tstz("answered_at"),
    satisfaction: text("satisfaction", { enum: satisfactionLevels }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("note_transfers_note_idx").on(t.noteId),
    index("note_transfers_department_idx").on(t.departmentId, t.status),
    index("note_transfers_due_idx").on(t.status, t.dueOn),
    index("note_transfers_created_by_idx").on(t.createdById),
  ],
);

/** Staff-only remarks on a note; never shown to its author or the public. */
export const noteComments = pgTable(
  "note_comments",
  {
    id: serial("id").primaryKey(),
    noteId: integer("note_id")
      .notNull()
      .references(() => fieldNotes.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("note_comments_note_idx").on(t.noteId),
    index("note_comments_author_idx").on(t.authorId),
  ],
);

/** Reusable wording for answers and reasons. */
export const answerTemplates = pgTable("answer_templates", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
});

/** 重点课题 of the research month: gathers notes, carries the report and its expert review. */
export const researchTopics = pgTable(
  "research_topics",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    year: integer("year").notNull(),
    campaignId: integer("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    topicId: integer("topic_id").references(() => topics.id, { onDelete: "set null" }),
    summary: text("summary").notNull().default(""),
    /**
     * The research report: HTML from the rich-text editor, cleaned by
     * lib/rich-text/sanitize.ts. Reports from before the editor held Markdown: the data
     * step after the migrations (db/rich-text/convert-cases-topics.ts) converts them once.
     */
    report: text("report").notNull().default(""),
    reportFormat: text("report_format", { enum: articleBodyFormats }).notNull().default("html"),
    reviewStatus: text("review_status", { enum: reviewStatuses }).notNull().default("drafting"),
    reviewComment: text("review_comment").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("research_topics_year_idx").on(t.year),
    index("research_topics_campaign_idx").on(t.campaignId),
    index("research_topics_topic_idx").on(t.topicId),
  ],
);

export const researchTopicNotes = pgTable(
  "research_topic_notes",
  {
    researchTopicId: integer("research_topic_id")
      .notNull()
      .references(() => researchTopics.id, { onDelete: "cascade" }),
    noteId: integer("note_id")
      .notNull()
      .references(() => fieldNotes.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.researchTopicId, t.noteId] }),
    index("research_topic_notes_note_idx").on(t.noteId),
  ],
);

/** Research topics and members taking part in them (for duty records). */
export const researchTopicMembers = pgTable(
  "research_topic_members",
  {
    researchTopicId: integer("research_topic_id")
      .notNull()
      .references(() => researchTopics.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.researchTopicId, t.userId] }),
    index("research_topic_members_user_idx").on(t.userId),
  ],
);

/** 提案 / 大会发言 that mature topics and notes become. */
export const proposals = pgTable(
  "proposals",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: proposalKinds }).notNull().default("proposal"),
    title: text("title").notNull(),
    year: integer("year").notNull(),
    number: text("number").notNull().default(""),
    summary: text("summary").notNull().default(""),
    researchTopicId: integer("research_topic_id").references(() => researchTopics.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("proposals_year_idx").on(t.year),
    index("proposals_research_topic_idx").on(t.researchTopicId),
  ],
);

export const proposalNotes = pgTable(
  "proposal_notes",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    noteId: integer("note_id")
      .notNull()
      .references(() => fieldNotes.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.noteId] }),
    index("proposal_notes_note_idx").on(t.noteId),
  ],
);

export const proposalMembers = pgTable(
  "proposal_members",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.userId] }),
    index("proposal_members_user_idx").on(t.userId),
  ],
);

/** Members who attended an event (duty record). */
export const eventAttendees = pgTable(
  "event_attendees",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index("event_attendees_user_idx").on(t.userId),
  ],
);

/**
 * An anonymised case on the public results board, written by staff from a note.
 * It holds no author, no contact and no raw text of the note.
 */
export const publicCases = pgTable(
  "public_cases",
  {
    id: serial("id").primaryKey(),
    noteId: integer("note_id").references(() => fieldNotes.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    category: text("category", { enum: noteCategories }),
    townId: integer("town_id").references(() => towns.id, { onDelete: "set null" }),
    departmentName: text("department_name").notNull().default(""),
    /**
     * How the note was handled: HTML from the rich-text editor, cleaned before it is stored.
     * Cases from before the editor held plain paragraphs ("text"), converted once by the
     * data step after the migrations (db/rich-text/convert-cases-topics.ts).
     */
    outcome: text("outcome").notNull().default(""),
    outcomeFormat: text("outcome_format", { enum: caseOutcomeFormats }).notNull().default("html"),
    receivedOn: date("received_on"),
    resolvedOn: date("resolved_on"),
    publishedAt: tstz("published_at"),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("public_cases_note_idx").on(t.noteId),
    index("public_cases_published_idx").on(t.publishedAt),
    index("public_cases_town_idx").on(t.townId),
    index("public_cases_created_by_idx").on(t.createdById),
  ],
);

/** 意见征集: an opinion from the public on an open topic; pre-moderated, contact never published. */
export const opinions = pgTable(
  "opinions",
  {
    id: serial("id").primaryKey(),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Encrypted (`v1:…`, lib/security/field-crypto.ts); "" when none was given. */
    contact: text("contact").notNull().default(""),
    body: text("body").notNull(),
    status: text("status", { enum: opinionStatuses }).notNull().default("pending"),
    ip: text("ip"),
    moderatedById: integer("moderated_by_id").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: tstz("moderated_at"),
    createdAt: createdAt(),
    /** Name, contact and IP cleared by the retention job (db/retention) after the topic closed. */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    index("opinions_topic_status_idx").on(t.topicId, t.status),
    index("opinions_status_idx").on(t.status, t.createdAt),
    index("opinions_moderated_by_idx").on(t.moderatedById),
  ],
);

export type Department = typeof departments.$inferSelect;
export type NoteTransfer = typeof noteTransfers.$inferSelect;
export type ResearchTopic = typeof researchTopics.$inferSelect;
export type Proposal = typeof proposals.$inferSelect;
export type PublicCase = typeof publicCases.$inferSelect;
export type Opinion = typeof opinions.$inferSelect;
