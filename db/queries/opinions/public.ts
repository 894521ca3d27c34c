import "server-only";
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { searchMessages } from "@/lib/messages/search";
import { can } from "@/lib/permissions";
import { normalizeDocumentText } from "@/lib/search/tokenize";
import { cachedQuery } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { campaigns, opinions, searchDocuments, topics, users } from "../schema";
import { type SearchDb, upsertRows } from "../search";
import { type Actor, auditStaffWrite, CmsError, refreshPublicPages } from "./admin-content";
import { writeAudit } from "./audit";

/**
 * 意见征集: the public send opinions on open topics; staff approve or reject each before
 * it shows. What leaves this module for a public page is the topic, the opinion's text,
 * its date and the sender's name masked (张**): never the contact, the IP or the full name.
 */

/** Cache tag of the public opinions page. */
export const OPINIONS_TAG = "opinions";
export const OPINIONS_PER_TOPIC = 30;
export const MODERATION_PAGE_SIZE = 30;

/** "张三" → "张*", "欧阳娜娜" → "欧***", "Anna" → "A***": the first character and one star per other. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "*";
  return `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
}

export interface OpenTopic {
  id: number;
  slug: string;
  name: string;
  description: string;
  campaignName: string | null;
}

export interface PublicOpinion {
  id: number;
  topicId: number;
  nameMasked: string;
  body: string;
  createdAt: Date;
}

export interface OpinionForModeration {
  id: number;
  topicId: number;
  topicName: string;
  name: string;
  contact: string;
  body: string;
  status: "pending" | "approved" | "rejected";
  createdAt: Date;
  moderatedAt: Date | null;
  moderatorName: string | null;
}

export interface OpinionSubmission {
  topicId: number;
  name: string;
  contact: string;
  body: string;
  ip: string;
}

export async function selectOpenTopics(db: Database): Promise<OpenTopic[]> {
  return db
    .select({
      id: topics.id,
      slug: topics.slug,
      name: topics.name,
      description: topics.description,
      campaignName: campaigns.name,
    })
    .from(topics)
    .leftJoin(campaigns, eq(campaigns.id, topics.campaignId))
    .where(eq(topics.openForOpinions, true))
    .orderBy(asc(topics.sortOrder), asc(topics.id));
}

/** Approved opinions of these topics, newest first, at most `perTopic` each, names masked. */
export async function selectApprovedOpinions(
  db: Database,
  topicIds: number[],
  perTopic = OPINIONS_PER_TOPIC,
): Promise<{ opinions: PublicOpinion[]; totals: Map<number, number> }> {
  if (topicIds.length === 0) return { opinions: [], totals: new Map() };
  const approved = and(inArray(opinions.topicId, topicIds), eq(opinions.status, "approved"));
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: opinions.id,
        topicId: opinions.topicId,
        name: opinions.name,
        body: opinions.body,
        createdAt: opinions.createdAt,
      })
      .from(opinions)
      .where(approved)
      .orderBy(desc(opinions.createdAt), desc(opinions.id))
      .limit(perTopic * topicIds.length),
    db
      .select({ topicId: opinions.topicId, n: count() })
      .from(opinions)
      .where(approved)
      .groupBy(opinions.topicId),
  ]);
  const shown = new Map<number, number>();
  const out: PublicOpinion[] = [];
  for (const { name, ...row } of rows) {
    const n = shown.get(row.topicId) ?? 0;
    if (n >= perTopic) continue;
    shown.set(row.topicId, n + 1);
    out.push({ ...row, nameMasked: maskPersonName(name) });
  }
  return { opinions: out, totals: new Map(totals.map((t) => [t.topicId, t.n])) };
}

/** Stores a pending opinion on an open topic (the action has checked the honeypot and the rate). */
export async function submitOpinionIn(
  db: Database,
  submission: OpinionSubmission,
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [topic] = await tx
      .select({ open: topics.openForOpinions })
      .from(topics)
      .where(eq(topics.id, submission.topicId));
    if (!topic?.open) throw new CmsError("not_found", "topicId");
    const [row] = await tx
      .insert(opinions)
      .values({
        topicId: submission.topicId,
        name: submission.name,
        contact: submission.contact,
        body: submission.body,
        status: "pending",
        ip: submission.ip,
      })
      .returning({ id: opinions.id });
    if (!row) throw new Error("opinion insert returned no row");
    await writeAudit(tx, {
      action: "opinion.submit",
      actorLabel: "public",
      ip: submission.ip,
      targetType: "opinion",
      targetId: String(row.id),
      details: { topicId: submission.topicId, length: [...submission.body].length },
    });
    return row;
  });
}

export type ModerationFilter = "pending" | "approved" | "rejected" | "all";

export async function listOpinionsForModerationIn(
  db: Database,
  options: { status: ModerationFilter; topicId: number | null; page: number },
): Promise<{ rows: OpinionForModeration[]; total: number }> {
  const where: SQL | undefined = and(
    options.status === "all" ? undefined : eq(opinions.status, options.status),
    options.topicId === null ? undefined : eq(opinions.topicId, options.topicId),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: opinions.id,
        topicId: opinions.topicId,
        topicName: topics.name,
        name: opinions.name,
        contact: opinions.contact,
        body: opinions.body,
        status: opinions.status,
        createdAt: opinions.createdAt,
        moderatedAt: opinions.moderatedAt,
        moderatorName: users.displayName,
      })
      .from(opinions)
      .innerJoin(topics, eq(topics.id, opinions.topicId))
      .leftJoin(users, eq(users.id, opinions.moderatedById))
      .where(where)
      // The queue is worked oldest first; decided opinions read newest first.
      .orderBy(
        ...(options.status === "pending"
          ? [asc(opinions.createdAt), asc(opinions.id)]
          : [desc(opinions.createdAt), desc(opinions.id)]),
      )
      .limit(MODERATION_PAGE_SIZE)
      .offset((options.page - 1) * MODERATION_PAGE_SIZE),
    db.select({ n: count() }).from(opinions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function selectTopicsWithOpinions(
  db: Database,
): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: topics.id, name: topics.name })
    .from(topics)
    .orderBy(asc(topics.sortOrder), asc(topics.id));
}

/**
 * Approves or rejects opinions (one or many), audited one entry per opinion. A decision
 * can be changed later (an approved opinion withdrawn), and is recorded again.
 */
export async function moderateOpinionsIn(
  db: Database,
  actor: Actor,
  ids: number[],
  decision: "approved" | "rejected",
  now = new Date(),
): Promise<{ changed: number[] }> {
  if (!can(actor.user, "opinion.moderate")) throw new CmsError("forbidden");
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) throw new CmsError("not_found");
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(opinions)
      .set({ status: decision, moderatedById: actor.user.id, moderatedAt: now })
      .where(and(inArray(opinions.id, unique)))
      .returning({ id: opinions.id, topicId: opinions.topicId });
    if (changed.length === 0) throw new CmsError("not_found");
    await indexOpinions(
      tx,
      changed.map((c) => c.id),
    );
    for (const row of changed) {
      await auditStaffWrite(tx, actor, {
        action: decision === "approved" ? "opinion.approve" : "opinion.reject",
        targetType: "opinion",
        targetId: String(row.id),
        details: { topicId: row.topicId },
      });
    }
    return { changed: changed.map((c) => c.id) };
  });
}

/**
 * Puts approved opinions of open topics into the public search (text and topic only: the
 * sender's name, contact and IP never reach the index) and takes the others out.
 */
export async function indexOpinions(db: SearchDb, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .select({
      id: opinions.id,
      topicId: opinions.topicId,
      topicName: topics.name,
      open: topics.openForOpinions,
      body: opinions.body,
      status: opinions.status,
      createdAt: opinions.createdAt,
      moderatedAt: opinions.moderatedAt,
    })
    .from(opinions)
    .innerJoin(topics, eq(topics.id, opinions.topicId))
    .where(inArray(opinions.id, ids));
  const shown = rows.filter((r) => r.status === "approved" && r.open);
  await upsertRows(
    db,
    shown.map((r) => ({
      kind: "opinion",
      refId: r.id,
      title: normalizeDocumentText(searchMessages.opinionTitle(r.topicName)),
      body: normalizeDocumentText(r.body),
      url: `/opinions#topic-${r.topicId}`,
      visibleFrom: r.moderatedAt ?? r.createdAt,
      happenedAt: r.createdAt,
    })),
  );
  const hidden = ids.filter((id) => !shown.some((r) => r.id === id));
  if (hidden.length > 0) {
    await db
      .delete(searchDocuments)
      .where(and(eq(searchDocuments.kind, "opinion"), inArray(searchDocuments.refId, hidden)));
  }
}

// ---------------------------------------------------------------------------------------
// On the server's database

const cachedOpinionsPage = cachedQuery(
  async () => {
    const db = await getDb();
    const open = await selectOpenTopics(db);
    const approved = await selectApprovedOpinions(
      db,
      open.map((t) => t.id),
    );
    return {
      topics: open,
      opinions: approved.opinions,
      totals: [...approved.totals.entries()],
    };
  },
  ["opinions:public"],
  { tags: [OPINIONS_TAG] },
);

/** The public page's data: open topics and their approved opinions (names masked). */
export async function getPublicOpinionsPage() {
  const data = await cachedOpinionsPage();
  return { ...data, totals: new Map(data.totals) };
}

export async function submitOpinion(submission: OpinionSubmission) {
  return submitOpinionIn(await getDb(), submission);
}

export async function listOpinionsForModeration(
  options: Parameters<typeof listOpinionsForModerationIn>[1],
) {
  return listOpinionsForModerationIn(await getDb(), options);
}

export async function listTopicsForModeration() {
  return selectTopicsWithOpinions(await getDb());
}

export async function moderateOpinions(
  actor: Actor,
  ids: number[],
  decision: "approved" | "rejected",
) {
  const result = await moderateOpinionsIn(await getDb(), actor, ids, decision);
  refreshPublicPages(OPINIONS_TAG);
  return result;
}
