import { Feed } from "feed";
import { messages } from "../messages";
import { renderRichText } from "../rich-text/sanitize";

/** Articles per page of /news. Small enough that the demo's nine articles make two pages. */
export const NEWS_PAGE_SIZE = 8;
/** Entries in a feed. */
export const FEED_SIZE = 30;
/** Related articles under an article. */
export const RELATED_SIZE = 4;

// ---------------------------------------------------------------------------
// Pagination

/**
 * The `page` search parameter: absent → 1; a plain positive integer → it;
 * anything else (0, -1, "2.5", "abc", repeated) → null, which the page turns into a 404.
 */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (Array.isArray(raw) || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/** How many pages `total` items make; an empty list still has its page 1. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export { pageWindow } from "../pagination";

/** "/news", "/news?column=x", "/news?column=x&page=2": page 1 and "all columns" stay implicit. */
export function newsListHref(column: string | null | undefined, page = 1): string {
  const params = new URLSearchParams();
  if (column) params.set("column", column);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/news?${query}` : "/news";
}

/** "/feed.xml", "/atom.xml?column=x". */
export function feedHref(format: "rss" | "atom", column?: string | null): string {
  const path = format === "rss" ? "/feed.xml" : "/atom.xml";
  return column ? `${path}?column=${encodeURIComponent(column)}` : path;
}

// ---------------------------------------------------------------------------
// Articles

/** The URL of a stored public file (an article's cover). */
export function fileHref(fileId: string): string {
  return `/files/${fileId}`;
}

/** An absolute URL on this site, for feeds, canonical links and the sitemap. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * The credit line under a cover: "图片由…提供", unless the credit already reads as
 * one ("秀洲区政协办公室 供图", "张三 摄", "图片来源：…").
 */
export function formatCoverCredit(
  credit: string | null | undefined,
  template: (who: string) => string = messages.newsPages.article.coverCredit,
): string | null {
  const who = credit?.trim();
  if (!who) return null;
  if (/供图|摄$|摄影|图片由|图片来源|来源[:：]/.test(who)) return who;
  return template(who);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this a UUID (a file id)? Anything else is a 404 without asking the database. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

// ---------------------------------------------------------------------------
// Scheduled publishing and the cache

export interface PublicationSchedule {
  /** When the schedule was read: everything published up to then was visible then. */
  computedAt: Date;
  /** Publishing times after computedAt, ascending. */
  upcoming: Date[];
  /** False when `upcoming` was cut short by a limit. */
  complete: boolean;
}

const MINUTE_MS = 60_000;

/**
 * The instant whose visible articles are exactly those visible at `now`: the
 * schedule's read time, or the latest scheduled time that has passed since.
 * Cached lists are keyed by it, so they stay cached until an article's time
 * comes (or an edit refreshes the tag), and never show an article early.
 */
export function visibilityEpoch(now: Date, schedule: PublicationSchedule): Date {
  const floorMinute = () => new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  // The schedule was read after `now` was taken (a refresh during this request, or a
  // clock ahead): it says nothing about earlier instants, so ask for exactly `now`.
  // Rounding down here would hide an article published earlier in this minute.
  if (now.getTime() < schedule.computedAt.getTime()) return now;
  let epoch = schedule.computedAt;
  for (const time of schedule.upcoming) {
    if (time.getTime() > now.getTime()) return epoch;
    epoch = time;
  }
  return schedule.complete ? epoch : floorMinute();
}

// ---------------------------------------------------------------------------
// Feeds

export interface FeedArticle {
  slug: string;
  title: string;
  summary: string;
  body: string;
  publishedAt: Date;
  updatedAt: Date;
  reporter: string | null;
  correspondent: string | null;
  columnName: string;
  cover: { fileId: string; contentType: string; byteSize: number; credit: string | null } | null;
}

export interface NewsFeedInput {
  format: "rss" | "atom";
  siteUrl: string;
  /** The committee's short name, the feed's title. */
  siteName: string;
  committeeName: string;
  column: { slug: string; name: string } | null;
  articles: FeedArticle[];
  /** The visibility epoch: the feed's date when it has no articles. */
  asOf: Date;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** RSS 2.0 or Atom XML of the newest articles, with absolute URLs throughout. */
export function renderNewsFeed(input: NewsFeedInput): string {
  const m = messages.newsPages.feed;
  const url = (path: string) => absoluteUrl(input.siteUrl, path);
  const columnName = input.column?.name;
  const listUrl = url(newsListHref(input.column?.slug));
  const dates = input.articles.map((a) => Math.max(a.publishedAt.getTime(), a.updatedAt.getTime()));
  const updated = dates.length > 0 ? new Date(Math.max(...dates)) : input.asOf;
  const atom = input.format === "atom";

  const feed = new Feed({
    id: listUrl,
    link: listUrl,
    title: m.title(input.siteName, columnName),
    description: m.description(input.committeeName, columnName),
    language: "zh-CN",
    updated,
    generator: false,
    copyright: m.copyright(input.committeeName, updated.getUTCFullYear()),
    author: { name: input.committeeName, link: url("/") },
    feedLinks: {
      rss: url(feedHref("rss", input.column?.slug)),
      atom: url(feedHref("atom", input.column?.slug)),
    },
  });

  for (const article of input.articles) {
    const link = url(`/news/${encodeURIComponent(article.slug)}`);
    const coverUrl = article.cover ? url(fileHref(article.cover.fileId)) : null;
    const coverHtml = coverUrl
      ? `<p><img src="${escapeHtml(coverUrl)}" alt=""></p>${
          article.cover?.credit
            ? `<p>${escapeHtml(formatCoverCredit(article.cover.credit) ?? "")}</p>`
            : ""
        }`
      : "";
    const body = renderRichText(article.body, { siteUrl: input.siteUrl, absoluteLinks: true });
    feed.addItem({
      // Atom marks titles as HTML; RSS readers take them as text.
      title: atom ? escapeHtml(article.title) : article.title,
      id: link,
      link,
      date: new Date(Math.max(article.publishedAt.getTime(), article.updatedAt.getTime())),
      published: article.publishedAt,
      description: escapeHtml(article.summary),
      content: coverHtml + body,
      category: [{ name: article.columnName }],
      ...(atom
        ? {
            author: article.reporter ? [{ name: article.reporter }] : undefined,
            contributor: article.correspondent ? [{ name: article.correspondent }] : undefined,
          }
        : {
            // RSS <author> must be an e-mail address; a name goes in dc:creator.
            extensions: article.reporter
              ? [{ name: "dc:creator", objects: { _text: article.reporter } }]
              : undefined,
            // The feed library guesses the MIME type from a file extension our URLs lack.
            enclosure:
              coverUrl && article.cover
                ? {
                    url: coverUrl,
                    type: article.cover.contentType,
                    length: article.cover.byteSize,
                  }
                : undefined,
          }),
    });
  }
  return atom ? feed.atom1() : feed.rss2();
}
