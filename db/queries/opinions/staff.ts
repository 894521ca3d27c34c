import "server-only";
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { openField } from "@/db/encryption/fields";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { searchMessages } from "@/lib/messages/search";
import { can } from "@/lib/permissions";
import { normalizeDocumentText } from "@/lib/search/tokenize";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { opinions, searchDocuments, topics, users } from "../../schema";
import { type SearchDb, upsertRows } from "../../search";
import { auditStaffWrite, refreshPublicPages } from "../shared/write";
import { OPINIONS_TAG } from "./public";

/** Staff moderation of opinions, and their entries in the public search. */

export const MODERATION_PAGE_SIZE = 30;

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
  return {
    rows: rows.map((r) => ({ ...r, contact: openField("opinions.contact", r.contact) })),
    total: total?.n ?? 0,
  };
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
  if (!can(actor.user, "opinion.moderate")) throw new AppError("forbidden");
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(opinions)
      .set({ status: decision, moderatedById: actor.user.id, moderatedAt: now })
      .where(and(inArray(opinions.id, unique)))
      .returning({ id: opinions.id, topicId: opinions.topicId });
    if (changed.length === 0) throw new AppError("not_found");
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
