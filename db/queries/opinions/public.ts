import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { sealField } from "@/db/encryption/fields";
import { AppError } from "@/lib/errors";
import { ANONYMISED_NAME } from "@/lib/vocabulary";
import { cachedQuery } from "../../cache";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { campaigns, opinions, topics } from "../../schema";
import { writeAudit } from "../audit/write";
import { notifyModeratorsOfOpinion } from "../notifications/opinions";

/**
 * 意见征集: the public send opinions on open topics; staff approve or reject each before
 * it shows. What leaves this module for a public page is the topic, the opinion's text,
 * its date and the sender's name masked (张**): never the contact, the IP or the full name.
 */

/** Cache tag of the public opinions page. */
export const OPINIONS_TAG = "opinions";
export const OPINIONS_PER_TOPIC = 30;

/**
 * "张三" → "张*", "欧阳娜娜" → "欧***", "Anna" → "A***": the first character and one star per
 * other. A name the retention job cleared is shown as cleared.
 */
export function maskPersonName(name: string): string {
  if (name === ANONYMISED_NAME) return name;
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
    if (!topic?.open) throw new AppError("not_found", "topicId");
    const [row] = await tx
      .insert(opinions)
      .values({
        topicId: submission.topicId,
        name: submission.name,
        contact: sealField("opinions.contact", submission.contact),
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
    await notifyModeratorsOfOpinion(tx, row.id);
    return row;
  });
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
