import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { EncodedImage } from "@/lib/images";
import { can, linksInScope } from "@/lib/permissions";
import { richTextFromInput } from "@/lib/rich-text/sanitize";
import { localDateKey } from "@/lib/time";
import { cacheTags } from "../../cache";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { articleSectors, articles, events, newsColumns, sectors } from "../../schema";
import { indexArticle } from "../../search";
import { selectEventScope } from "../events/scope";
import { storePublicImage } from "../shared/files";
import { assertReferencesExist } from "../shared/references";
import {
  auditStaffWrite,
  type Executor,
  isUniqueViolation,
  refreshPublicPages,
} from "../shared/write";
import { selectArticleScope, selectArticleScopeFor } from "./staff";

/**
 * The news editor's writes: save (create or update, with sectors, cover, search entry and
 * audit entry, in one transaction) and unpublish. The scope is checked before and after the
 * change, inside the transaction.
 */

export interface ArticleInput {
  title: string;
  /** null: make one up (new articles only). */
  slug: string | null;
  columnId: number;
  summary: string;
  body: string;
  reporter: string;
  correspondent: string;
  coverCredit: string;
  eventId: number | null;
  sectorIds: number[];
  status: "draft" | "published";
  /** null with "published": now. */
  publishedAt: Date | null;
  /** Replace the cover with this image, or drop it, or keep what is there. */
  cover: { upload: EncodedImage } | { remove: true } | { keep: true };
  /** The `updatedAt` the editor loaded: a save over someone else's newer save is refused. */
  expectedUpdatedAt?: Date | null;
}

/** A slug for an article saved without one: its local date and six random letters. */
export function makeArticleSlug(now: Date, timeZone: string): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const suffix = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join("");
  return `${localDateKey(now, timeZone).replace(/-/g, "")}-${suffix}`;
}

async function assertIdsExist(tx: Executor, input: ArticleInput): Promise<void> {
  const [column] = await tx
    .select({ id: newsColumns.id })
    .from(newsColumns)
    .where(eq(newsColumns.id, input.columnId));
  if (!column) throw new AppError("not_found", "columnId");
  if (input.eventId !== null) {
    const [event] = await tx
      .select({ id: events.id })
      .from(events)
      .where(eq(events.id, input.eventId));
    if (!event) throw new AppError("not_found", "eventId");
  }
  await assertReferencesExist(tx, sectors, input.sectorIds, "sectorIds");
}

/**
 * The sectors and event an article is linked to, checked against the editor's scope: every
 * link the save adds (those already there, set by an admin, may stay).
 */
async function assertLinksInScope(
  tx: Executor,
  actor: Actor,
  id: number | null,
  input: Pick<ArticleInput, "sectorIds" | "eventId">,
): Promise<void> {
  const [kept] =
    id === null
      ? [undefined]
      : await tx.select({ eventId: articles.eventId }).from(articles).where(eq(articles.id, id));
  const keptSectors =
    id === null
      ? []
      : (
          await tx
            .select({ sectorId: articleSectors.sectorId })
            .from(articleSectors)
            .where(eq(articleSectors.articleId, id))
        ).map((row) => row.sectorId);
  const addedSectors = input.sectorIds.filter((sectorId) => !keptSectors.includes(sectorId));
  const addedEvent = input.eventId !== null && input.eventId !== kept?.eventId;
  const eventScope = addedEvent ? await selectEventScope(tx, input.eventId ?? 0) : null;
  if (!linksInScope(actor.user, { sectorIds: addedSectors, eventScopes: [] })) {
    throw new AppError("link_out_of_scope", "sectorIds");
  }
  if (
    addedEvent &&
    (!eventScope || !linksInScope(actor.user, { sectorIds: [], eventScopes: [eventScope] }))
  ) {
    throw new AppError("link_out_of_scope", "eventId");
  }
}

/**
 * Creates (id null) or updates an article, its sectors and cover, its search entry and
 * its audit entry, in one transaction. Refuses what the actor may not do: an editor only
 * inside their scope, before and after the change.
 */
export async function saveArticleIn(
  db: Database,
  actor: Actor,
  id: number | null,
  input: ArticleInput,
  options: { now?: Date; timeZone?: string } = {},
): Promise<{ id: number; slug: string; published: boolean }> {
  const now = options.now ?? new Date();
  const { user } = actor;
  if (input.status === "published" && !can(user, "article.publish"))
    throw new AppError("forbidden");
  try {
    return await db.transaction(async (tx) => {
      await assertIdsExist(tx, input);
      let before: { status: "draft" | "published"; slug: string; authorId: number | null } | null =
        null;
      if (id !== null) {
        const [row] = await tx
          .select({
            status: articles.status,
            slug: articles.slug,
            authorId: articles.authorId,
            updatedAt: articles.updatedAt,
          })
          .from(articles)
          .where(eq(articles.id, id))
          .for("update");
        if (!row) throw new AppError("not_found");
        const scope = await selectArticleScope(tx, id);
        if (!scope || !can(user, "article.edit", { kind: "article", scope })) {
          throw new AppError("not_found");
        }
        if (
          input.expectedUpdatedAt &&
          row.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()
        ) {
          throw new AppError("stale");
        }
        before = row;
      } else if (!can(user, "article.create")) {
        throw new AppError("forbidden");
      }

      const afterScope = await selectArticleScopeFor(tx, {
        sectorIds: input.sectorIds,
        eventId: input.eventId,
        authorId: before ? before.authorId : user.id,
      });
      const action = input.status === "published" ? "article.publish" : "article.edit";
      if (!can(user, action, { kind: "article", scope: afterScope })) {
        throw new AppError("out_of_scope", "sectorIds");
      }
      await assertLinksInScope(tx, actor, id, input);

      let coverFileId: string | null | undefined;
      if ("upload" in input.cover)
        coverFileId = await storePublicImage(tx, input.cover.upload, user.id);
      else if ("remove" in input.cover) coverFileId = null;

      const publishedAt =
        input.status === "published" ? (input.publishedAt ?? now) : input.publishedAt;
      // Links people have bookmarked stay: the address of a published article is fixed.
      const slug =
        before && before.status === "published"
          ? before.slug
          : (input.slug ??
            before?.slug ??
            makeArticleSlug(now, options.timeZone ?? "Asia/Shanghai"));
      const values = {
        title: input.title,
        slug,
        columnId: input.columnId,
        summary: input.summary,
        // Cleaned here, whoever calls: only the allowlist's tags and attributes are stored.
        body: richTextFromInput(input.body),
        bodyFormat: "html" as const,
        reporter: input.reporter || null,
        correspondent: input.correspondent || null,
        coverCredit: input.coverCredit || null,
        eventId: input.eventId,
        status: input.status,
        publishedAt,
        updatedAt: now,
        ...(coverFileId === undefined ? {} : { coverFileId }),
      };

      let articleId: number;
      if (id === null) {
        const [row] = await tx
          .insert(articles)
          .values({ ...values, authorId: user.id, createdAt: now })
          .returning({ id: articles.id });
        if (!row) throw new Error("article insert returned no row");
        articleId = row.id;
      } else {
        await tx.update(articles).set(values).where(eq(articles.id, id));
        await tx.delete(articleSectors).where(eq(articleSectors.articleId, id));
        articleId = id;
      }
      const sectorIds = [...new Set(input.sectorIds)];
      if (sectorIds.length > 0) {
        await tx
          .insert(articleSectors)
          .values(sectorIds.map((sectorId) => ({ articleId, sectorId })));
      }
      await indexArticle(tx, articleId);

      const auditAction =
        id === null
          ? "article.create"
          : before?.status !== input.status
            ? input.status === "published"
              ? "article.publish"
              : "article.unpublish"
            : "article.update";
      await auditStaffWrite(tx, actor, {
        action: auditAction,
        targetType: "article",
        targetId: String(articleId),
        details: {
          title: input.title,
          status: input.status,
          publishedAt: publishedAt?.toISOString() ?? null,
          ...(coverFileId === undefined ? {} : { coverFileId }),
        },
      });
      return { id: articleId, slug, published: input.status === "published" };
    });
  } catch (error) {
    if (isUniqueViolation(error, "articles_slug_unique")) throw new AppError("slug_taken", "slug");
    throw error;
  }
}

/** Takes a published article off the site (back to draft). */
export async function unpublishArticleIn(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = await selectArticleScope(tx, id);
    if (!scope || !can(actor.user, "article.publish", { kind: "article", scope })) {
      throw new AppError("not_found");
    }
    const [row] = await tx
      .update(articles)
      .set({ status: "draft", updatedAt: new Date() })
      .where(and(eq(articles.id, id), eq(articles.status, "published")))
      .returning({ title: articles.title });
    if (!row) throw new AppError("invalid_state");
    await indexArticle(tx, id);
    await auditStaffWrite(tx, actor, {
      action: "article.unpublish",
      targetType: "article",
      targetId: String(id),
      details: { title: row.title },
    });
  });
}

export async function saveArticle(
  actor: Actor,
  id: number | null,
  input: ArticleInput,
  timeZone: string,
) {
  const saved = await saveArticleIn(await getDb(), actor, id, input, { timeZone });
  refreshPublicPages(cacheTags.news);
  return saved;
}

export async function unpublishArticle(actor: Actor, id: number) {
  await unpublishArticleIn(await getDb(), actor, id);
  refreshPublicPages(cacheTags.news);
}
