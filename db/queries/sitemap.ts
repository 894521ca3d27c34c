import "server-only";
import { and, asc, desc, eq, isNotNull, lte } from "drizzle-orm";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { articles, campaigns, events, organisations, publicCases, sectors } from "../schema";
import { epochOf } from "./news/cached";
import { isPublicArticle } from "./news/public";

/** Everything public the sitemap lists: articles, events, sectors, studios, campaigns, cases. */

export interface SitemapEntries {
  articles: { slug: string; lastModified: Date }[];
  events: { id: number; lastModified: Date }[];
  sectors: string[];
  studios: string[];
  campaigns: string[];
  cases: { id: number; lastModified: Date }[];
}

/** A sitemap holds at most 50,000 URLs; beyond this many articles, split it (generateSitemaps). */
const SITEMAP_ARTICLES = 40_000;
const SITEMAP_EVENTS = 8_000;
const SITEMAP_CASES = 1_000;

export async function selectSitemapEntries(db: Database, asOf: Date): Promise<SitemapEntries> {
  const [articleRows, eventRows, sectorRows, studioRows, campaignRows, caseRows] =
    await Promise.all([
      db
        .select({
          slug: articles.slug,
          publishedAt: articles.publishedAt,
          updatedAt: articles.updatedAt,
        })
        .from(articles)
        .where(isPublicArticle(asOf))
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(SITEMAP_ARTICLES),
      db
        .select({ id: events.id, updatedAt: events.updatedAt })
        .from(events)
        .orderBy(desc(events.startsAt), desc(events.id))
        .limit(SITEMAP_EVENTS),
      db.select({ slug: sectors.slug }).from(sectors).orderBy(asc(sectors.sortOrder)),
      db
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(and(eq(organisations.kind, "studio"), eq(organisations.active, true)))
        .orderBy(asc(organisations.sortOrder)),
      db.select({ slug: campaigns.slug }).from(campaigns).orderBy(desc(campaigns.startsOn)),
      db
        .select({ id: publicCases.id, updatedAt: publicCases.updatedAt })
        .from(publicCases)
        .where(and(isNotNull(publicCases.publishedAt), lte(publicCases.publishedAt, asOf)))
        .orderBy(desc(publicCases.publishedAt), desc(publicCases.id))
        .limit(SITEMAP_CASES),
    ]);
  return {
    articles: articleRows.map((r) => ({
      slug: r.slug,
      // A scheduled article "changes" when it appears, even if it was written long before.
      lastModified: new Date(
        Math.max(r.updatedAt.getTime(), r.publishedAt?.getTime() ?? r.updatedAt.getTime()),
      ),
    })),
    events: eventRows.map((r) => ({ id: r.id, lastModified: r.updatedAt })),
    sectors: sectorRows.map((r) => r.slug),
    studios: studioRows.map((r) => r.slug),
    campaigns: campaignRows.map((r) => r.slug),
    cases: caseRows.map((r) => ({ id: r.id, lastModified: r.updatedAt })),
  };
}

const cachedSitemap = cachedQuery(
  async (asOf: string) => selectSitemapEntries(await getDb(), new Date(asOf)),
  ["news:sitemap"],
  {
    tags: [
      cacheTags.news,
      cacheTags.events,
      cacheTags.directory,
      cacheTags.campaigns,
      cacheTags.cases,
    ],
  },
);

/** Everything public the sitemap lists. */
export async function listSitemapEntries(now = new Date()): Promise<SitemapEntries> {
  return cachedSitemap((await epochOf(now)).toISOString());
}
