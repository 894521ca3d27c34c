import "server-only";
import { createHash } from "node:crypto";
import { listNewsColumns } from "@/db/queries/news/cached";
import { listFeedArticles } from "@/db/queries/news/feed";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import { renderNewsFeed } from "@/lib/news/rules";
import { etagMatches, notFoundText } from "../http/responses";

/** Feeds may be cached by readers and proxies this long; tags refresh the data behind them. */
export const FEED_CACHE_CONTROL = "public, max-age=300, s-maxage=300, stale-while-revalidate=600";

/**
 * A feed response with a content ETag: a reader polling with If-None-Match gets
 * 304 and no body when nothing changed. The tag is the one server.mjs's page cache
 * computes for the same body (SHA-1, base64url), so it holds across cache hits.
 */
export function feedResponse(request: Request, xml: string, contentType: string): Response {
  const etag = `"${createHash("sha1").update(xml).digest("base64url")}"`;
  const headers = {
    "Content-Type": contentType,
    "Cache-Control": FEED_CACHE_CONTROL,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(xml, { status: 200, headers });
}

const contentTypes = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
} as const;

/**
 * /feed.xml and /atom.xml: the newest articles of the whole site, or of one column with
 * ?column=slug (an unknown column is a plain-text 404).
 */
export async function newsFeedResponse(
  request: Request,
  format: "rss" | "atom",
): Promise<Response> {
  const slug = new URL(request.url).searchParams.get("column");
  const columns = await listNewsColumns();
  const column = slug ? columns.find((c) => c.slug === slug) : null;
  if (column === undefined) return notFoundText(messages.newsPages.feed.unknownColumn);
  const [{ articles, asOf }, committee] = await Promise.all([
    listFeedArticles(column?.id ?? null),
    getCommitteeInfo(),
  ]);
  const xml = renderNewsFeed({
    format,
    siteUrl: env.SITE_URL,
    siteName: committee.shortName,
    committeeName: committee.name,
    column,
    articles,
    asOf,
  });
  return feedResponse(request, xml, contentTypes[format]);
}
