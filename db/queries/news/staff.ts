import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gt, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/types";
import { can, type Scope } from "@/lib/permissions";
import { localDateKey } from "@/lib/time";
import { cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  articleSectors,
  articles,
  eventOrganisers,
  events,
  files,
  newsColumns,
  sectors,
  users,
} from "../schema";
import { indexArticle } from "../search";
import {
  type Actor,
  auditStaffWrite,
  CmsError,
  type EncodedImage,
  type Executor,
  isUniqueViolation,
  refreshPublicPages,
  storePublicImage,
} from "./admin-content";

/**
 * The news editor's reads and writes. An article's scope (lib/permissions.ts) is its
 * sectors, the organisers of the event it reports on, and its author's sector and
 * liaison office: an editor sees and edits the articles of their own office and sector.
 */

export const ADMIN_PAGE_SIZE = 20;

export type ArticleListStatus = "all" | "draft" | "scheduled" | "published";

export interface AdminArticleRow {
  id: number;
  slug: string;
  title: string;
  columnName: string;
  status: "draft" | "published";
  publishedAt: Date | null;
  updatedAt: Date;
  authorName: string | null;
}

export interface ArticleForEdit {
  id: number;
  slug: string;
  title: string;
  columnId: number;
  summary: string;
  body: string;
  reporter: string;
  correspondent: string;
  coverFileId: string | null;
  coverCredit: string;
  eventId: number | null;
  sectorIds: number[];
  status: "draft" | "published";
  publishedAt: Date | null;
  updatedAt: Date;
}

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

/** The WHERE that keeps an editor to the articles of their scope (admins: no limit). */
export function articleScopeWhere(user: SessionUser): SQL | undefined {
  if (user.role === "admin") return undefined;
  if (user.role !== "editor") return sql`false`;
  const { sectorId, organisationId } = user;
  const parts: SQL[] = [];
  if (sectorId !== null) {
    parts.push(
      sql`exists (select 1 from ${articleSectors} where ${articleSectors.articleId} = ${articles.id} and ${articleSectors.sectorId} = ${sectorId})`,
    );
  }
  const organiser = or(
    sectorId === null ? undefined : eq(eventOrganisers.sectorId, sectorId),
    organisationId === null ? undefined : eq(eventOrganisers.organisationId, organisationId),
  );
  if (organiser) {
    parts.push(
      sql`exists (select 1 from ${eventOrganisers} where ${eventOrganisers.eventId} = ${articles.eventId} and ${organiser})`,
    );
  }
  const author = or(
    sectorId === null ? undefined : eq(users.sectorId, sectorId),
    organisationId === null ? undefined : eq(users.organisationId, organisationId),
  );
  if (author) {
    parts.push(
      sql`exists (select 1 from ${users} where ${users.id} = ${articles.authorId} and ${author})`,
    );
  }
  return parts.length === 0 ? sql`false` : or(...parts);
}

/** The scope an article with these sectors, event and author has. */
export async function selectArticleScopeFor(
  db: Executor,
  source: { sectorIds: readonly number[]; eventId: number | null; authorId: number | null },
): Promise<Scope> {
  const [organisers, author] = await Promise.all([
    source.eventId === null
      ? []
      : db
          .select({
            sectorId: eventOrganisers.sectorId,
            organisationId: eventOrganisers.organisationId,
          })
          .from(eventOrganisers)
          .where(eq(eventOrganisers.eventId, source.eventId)),
    source.authorId === null
      ? []
      : db
          .select({ sectorId: users.sectorId, organisationId: users.organisationId })
          .from(users)
          .where(eq(users.id, source.authorId)),
  ]);
  const sectorIds = new Set(source.sectorIds);
  const organisationIds = new Set<number>();
  for (const row of [...organisers, ...author]) {
    if (row.sectorId !== null) sectorIds.add(row.sectorId);
    if (row.organisationId !== null) organisationIds.add(row.organisationId);
  }
  return { sectorIds: [...sectorIds], organisationIds: [...organisationIds] };
}

export async function selectArticleScope(db: Executor, id: number): Promise<Scope | null> {
  const [row] = await db
    .select({ eventId: articles.eventId, authorId: articles.authorId })
    .from(articles)
    .where(eq(articles.id, id));
  if (!row) return null;
  const tagged = await db
    .select({ sectorId: articleSectors.sectorId })
    .from(articleSectors)
    .where(eq(articleSectors.articleId, id));
  return selectArticleScopeFor(db, { ...row, sectorIds: tagged.map((t) => t.sectorId) });
}

export async function listAdminArticlesIn(
  db: Database,
  user: SessionUser,
  options: {
    status: ArticleListStatus;
    columnId: number | null;
    q: string;
    page: number;
    now?: Date;
  },
): Promise<{ rows: AdminArticleRow[]; total: number }> {
  const now = options.now ?? new Date();
  const statusWhere: Record<ArticleListStatus, SQL | undefined> = {
    all: undefined,
    draft: eq(articles.status, "draft"),
    scheduled: and(eq(articles.status, "published"), gt(articles.publishedAt, now)),
    published: and(eq(articles.status, "published"), lte(articles.publishedAt, now)),
  };
  const q = options.q.trim();
  const where = and(
    articleScopeWhere(user),
    statusWhere[options.status],
    options.columnId === null ? undefined : eq(articles.columnId, options.columnId),
    q ? ilike(articles.title, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        columnName: newsColumns.name,
        status: articles.status,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        authorName: users.displayName,
      })
      .from(articles)
      .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(ADMIN_PAGE_SIZE)
      .offset((options.page - 1) * ADMIN_PAGE_SIZE),
    db.select({ n: count() }).from(articles).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function selectArticleForEdit(
  db: Executor,
  id: number,
): Promise<ArticleForEdit | null> {
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      columnId: articles.columnId,
      summary: articles.summary,
      body: articles.body,
      reporter: articles.reporter,
      correspondent: articles.correspondent,
      coverFileId: articles.coverFileId,
      coverCredit: articles.coverCredit,
      eventId: articles.eventId,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!row) return null;
  const tagged = await db
    .select({ sectorId: articleSectors.sectorId })
    .from(articleSectors)
    .where(eq(articleSectors.articleId, id));
  return {
    ...row,
    reporter: row.reporter ?? "",
    correspondent: row.correspondent ?? "",
    coverCredit: row.coverCredit ?? "",
    sectorIds: tagged.map((t) => t.sectorId),
  };
}

export interface ArticleFormOptions {
  columns: { id: number; name: string }[];
  sectors: { id: number; name: string }[];
  events: { id: number; title: string; startsAt: Date }[];
}

/** Choices of the editor's selects; the events an article may report on (newest 200). */
export async function selectArticleFormOptions(db: Database): Promise<ArticleFormOptions> {
  const [columnRows, sectorRows, eventRows] = await Promise.all([
    db
      .select({ id: newsColumns.id, name: newsColumns.name })
      .from(newsColumns)
      .orderBy(asc(newsColumns.sortOrder), asc(newsColumns.id)),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ id: events.id, title: events.title, startsAt: events.startsAt })
      .from(events)
      .orderBy(desc(events.startsAt))
      .limit(200),
  ]);
  return { columns: columnRows, sectors: sectorRows, events: eventRows };
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
  if (!column) throw new CmsError("not_found", "columnId");
  if (input.eventId !== null) {
    const [event] = await tx
      .select({ id: events.id })
      .from(events)
      .where(eq(events.id, input.eventId));
    if (!event) throw new CmsError("not_found", "eventId");
  }
  if (input.sectorIds.length > 0) {
    const found = await tx
      .select({ id: sectors.id })
      .from(sectors)
      .where(inArray(sectors.id, input.sectorIds));
    if (found.length !== new Set(input.sectorIds).size)
      throw new CmsError("not_found", "sectorIds");
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
    throw new CmsError("forbidden");
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
        if (!row) throw new CmsError("not_found");
        const scope = await selectArticleScope(tx, id);
        if (!scope || !can(user, "article.edit", { kind: "article", scope })) {
          throw new CmsError("not_found");
        }
        if (
          input.expectedUpdatedAt &&
          row.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()
        ) {
          throw new CmsError("stale");
        }
        before = row;
      } else if (!can(user, "article.create")) {
        throw new CmsError("forbidden");
      }

      const afterScope = await selectArticleScopeFor(tx, {
        sectorIds: input.sectorIds,
        eventId: input.eventId,
        authorId: before ? before.authorId : user.id,
      });
      const action = input.status === "published" ? "article.publish" : "article.edit";
      if (!can(user, action, { kind: "article", scope: afterScope })) {
        throw new CmsError("out_of_scope", "sectorIds");
      }

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
        body: input.body,
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
    if (isUniqueViolation(error, "articles_slug_unique")) throw new CmsError("slug_taken", "slug");
    throw error;
  }
}

/** Takes a published article off the site (back to draft). */
export async function unpublishArticleIn(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = await selectArticleScope(tx, id);
    if (!scope || !can(actor.user, "article.publish", { kind: "article", scope })) {
      throw new CmsError("not_found");
    }
    const [row] = await tx
      .update(articles)
      .set({ status: "draft", updatedAt: new Date() })
      .where(and(eq(articles.id, id), eq(articles.status, "published")))
      .returning({ title: articles.title });
    if (!row) throw new CmsError("invalid_state");
    await indexArticle(tx, id);
    await auditStaffWrite(tx, actor, {
      action: "article.unpublish",
      targetType: "article",
      targetId: String(id),
      details: { title: row.title },
    });
  });
}

/** A cover as the editor shows it (a public file). */
export async function selectCover(
  db: Executor,
  fileId: string,
): Promise<{ id: string; width: number | null; height: number | null } | null> {
  const [row] = await db
    .select({ id: files.id, width: files.width, height: files.height })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.visibility, "public")));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function listAdminArticles(
  user: SessionUser,
  options: Parameters<typeof listAdminArticlesIn>[2],
) {
  return listAdminArticlesIn(await getDb(), user, options);
}

/** The article, only when this user may edit it (else null: the page is a 404). */
export async function getArticleForEdit(user: SessionUser, id: number) {
  const db = await getDb();
  const scope = await selectArticleScope(db, id);
  if (!scope || !can(user, "article.edit", { kind: "article", scope })) return null;
  const article = await selectArticleForEdit(db, id);
  if (!article) return null;
  const cover = article.coverFileId ? await selectCover(db, article.coverFileId) : null;
  return { article, cover };
}

export async function getArticleFormOptions() {
  return selectArticleFormOptions(await getDb());
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
