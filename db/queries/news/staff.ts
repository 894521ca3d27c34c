import "server-only";
import { and, asc, count, desc, eq, gt, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/types";
import { ADMIN_PAGE_SIZE } from "@/lib/list-params";
import { can, linksInScope, type Scope } from "@/lib/permissions";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import {
  articleSectors,
  articles,
  eventOrganisers,
  events,
  files,
  newsColumns,
  sectors,
  users,
} from "../../schema";
import { eventScopeWhere } from "../events/scope";
import type { Executor } from "../shared/write";

/**
 * The news editor's reads (writes: write.ts). An article's scope (lib/permissions.ts) is its
 * sectors, the organisers of the event it reports on, and its author's sector and
 * liaison office: an editor sees and edits the articles of their own office and sector.
 */

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

/** What an article already links to: an editor's form keeps offering it (they may keep it). */
export interface ArticleLinks {
  sectorIds: readonly number[];
  eventId: number | null;
}

/**
 * Choices of the editor's selects; the events an article may report on (newest 200). An
 * editor is offered only what they may link (lib/permissions.ts `linksInScope`: their own
 * sector, the events of their scope) and what the article already links to; the save checks
 * the same rule. Admins are offered everything.
 */
export async function selectArticleFormOptions(
  db: Database,
  user: SessionUser,
  kept: ArticleLinks = { sectorIds: [], eventId: null },
): Promise<ArticleFormOptions> {
  const inScope = eventScopeWhere(user);
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
      .where(inScope && kept.eventId !== null ? or(inScope, eq(events.id, kept.eventId)) : inScope)
      .orderBy(desc(events.startsAt))
      .limit(200),
  ]);
  return {
    columns: columnRows,
    sectors: sectorRows.filter(
      (s) => kept.sectorIds.includes(s.id) || linksInScope(user, { sectorIds: [s.id] }),
    ),
    events: eventRows,
  };
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

export async function getArticleFormOptions(user: SessionUser, kept?: ArticleLinks) {
  return selectArticleFormOptions(await getDb(), user, kept);
}
