import "server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { getDb } from "@/db/runtime";
import { events, searchDocuments } from "@/db/schema";
import type { SearchDb } from "@/db/search";
import {
  extractSnippet,
  type HighlightSegment,
  highlight,
  normalizeQuery,
  planSearch,
} from "@/lib/search/tokenize";
import type { SearchKind } from "@/lib/vocabulary";

export const SEARCH_PAGE_SIZE = 10;
/** Results counted and served at most (100 pages of 10); beyond, "more than 1000". */
export const SEARCH_MAX_RESULTS = 1000;

export interface SearchResult {
  kind: SearchKind;
  refId: number;
  title: string;
  url: string;
  /** Plain text around the first match in the body (or its beginning). */
  snippet: string;
  happenedAt: Date | null;
  /** An event that was called off (its page still exists). */
  cancelled: boolean;
  highlights: { title: HighlightSegment[]; snippet: HighlightSegment[] };
}

export interface SearchResponse {
  /** The normalised query that was searched. */
  query: string;
  /** Its terms (lower-cased), as highlighted. */
  terms: string[];
  results: SearchResult[];
  /** Matches, counted up to SEARCH_MAX_RESULTS. */
  total: number;
  /** There are more than `total` matches (only the first SEARCH_MAX_RESULTS are served). */
  more: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface SearchOptions {
  /** 1-based page number. */
  page?: number;
  /** Items visible at this instant only (scheduled articles appear at their time). */
  now?: Date;
  pageSize?: number;
}

/** `column` contains `term` (lower-cased): case-folded only when the term has letters with case. */
function contains(column: SQL | AnyColumn, term: string): SQL {
  return term.toUpperCase() === term
    ? sql`strpos(${column}, ${term}) > 0`
    : sql`strpos(lower(${column}), ${term}) > 0`;
}

interface PageRow {
  kind: SearchKind;
  ref_id: number;
  title: string;
  body: string;
  url: string;
  happened_at: Date | string | null;
  cancelled: boolean;
}

/**
 * Searches the public index: every term must occur in the title or the body (two
 * characters or more: anywhere, as written; single characters and Latin words: as a
 * word start). Items whose title holds every term come first, then the newest.
 * See docs/search.md for the design and the figures behind it.
 */
export async function searchPublic(
  db: SearchDb,
  rawQuery: string,
  options: SearchOptions = {},
): Promise<SearchResponse> {
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const now = options.now ?? new Date();
  const { text, problem } = normalizeQuery(rawQuery);
  const plan = planSearch(text);
  const empty: SearchResponse = {
    query: text,
    terms: plan.terms,
    results: [],
    total: 0,
    more: false,
    page,
    pageSize,
    pageCount: 0,
  };
  if (problem || plan.tsquery === null) return empty;

  const d = searchDocuments;
  const indexed = sql`${d.tokens} @@ ${plan.tsquery}::tsquery and ${d.visibleFrom} <= ${now.toISOString()}::timestamptz`;
  // The index finds the documents holding all bigrams of a longer term; these keep the
  // ones holding the term itself.
  const substring = (title: SQL | AnyColumn, body: SQL | AnyColumn) =>
    plan.substringTerms.map((t) => sql`(${contains(title, t)} or ${contains(body, t)})`);
  const allOf = (parts: SQL[]) => sql.join(parts, sql` and `);
  const titleHit = allOf(plan.terms.map((t) => contains(d.title, t)));
  const offset = (page - 1) * pageSize;

  return db.transaction(async (tx) => {
    // Only the GIN index answers `@@` without reading each row's tsvector back: a
    // sequential or btree scan detoasts every candidate's vector, up to 20x slower
    // (docs/search.md), and the planner does not count that cost. The settings end with
    // this transaction (or, called inside a caller's transaction, with that one).
    await tx.execute(
      sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('work_mem', '32MB', true)`,
    );
    const columns = sql`${d.id} as id, ${d.kind} as kind, ${d.refId} as ref_id, ${d.title} as title, ${d.body} as body, ${d.url} as url, ${d.happenedAt} as happened_at, (${titleHit}) as title_hit`;
    const order = sql`title_hit desc, happened_at desc nulls last, id desc`;
    // The page's few rows only: whether each event was called off (one join, not a query).
    const withCancelled = (page: SQL) =>
      sql`select p.*, coalesce(${events.status} = 'cancelled', false) as cancelled from (${page}) as p
        left join ${events} on p.kind = 'event' and ${events.id} = p.ref_id
        order by p.title_hit desc, p.happened_at desc nulls last, p.id desc`;
    const countUpTo = async () => {
      const [counted] = await rows<{ n: number | string }>(
        tx,
        sql`select count(*) as n from (select 1 from ${d} where ${allOf([indexed, ...substring(d.title, d.body)])} limit ${SEARCH_MAX_RESULTS + 1}) as m`,
      );
      return Number(counted?.n ?? 0);
    };

    let found: number;
    let pageRows: PageRow[];
    if (plan.substringTerms.length === 0) {
      // Every candidate is a match: one pass over them counts them and sorts out the page
      // (the count rides along as a window), instead of a count and then a sort.
      pageRows = await rows<PageRow & { total: number | string }>(
        tx,
        withCancelled(
          sql`select c.*, count(*) over () as total from (select ${columns} from ${d} where ${indexed}) as c
            order by ${order} limit ${pageSize} offset ${offset}`,
        ),
      );
      const first = pageRows[0] as (PageRow & { total: number | string }) | undefined;
      found = first ? Number(first.total) : offset === 0 ? 0 : await countUpTo();
    } else {
      found = await countUpTo();
      // Candidates sorted first (narrow rows, bodies still in TOAST), then each body read
      // in that order only until the page is full: OFFSET 0 keeps the substring test out
      // of the inner scan.
      pageRows =
        found <= offset
          ? []
          : await rows<PageRow>(
              tx,
              withCancelled(
                sql`select * from (select ${columns} from ${d} where ${indexed} order by ${order} offset 0) as c
                  where ${allOf(substring(sql`c.title`, sql`c.body`))}
                  order by ${order} limit ${pageSize} offset ${offset}`,
              ),
            );
    }
    const total = Math.min(found, SEARCH_MAX_RESULTS);
    const pageCount = Math.ceil(total / pageSize);
    const summary = { ...empty, total, more: found > total, pageCount };
    if (page > pageCount) return summary;

    const results = pageRows.map((r): SearchResult => {
      const snippet = extractSnippet(r.body, plan.terms);
      const refId = Number(r.ref_id);
      return {
        kind: r.kind,
        refId,
        title: r.title,
        url: r.url,
        snippet,
        happenedAt: r.happened_at === null ? null : new Date(r.happened_at),
        cancelled: r.kind === "event" && r.cancelled === true,
        highlights: {
          title: highlight(r.title, plan.terms),
          snippet: highlight(snippet, plan.terms),
        },
      };
    });
    return { ...summary, results };
  });
}

/** Rows of a raw query, on either driver. */
async function rows<T>(db: SearchDb, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The site's search box: `searchPublic` on the server's database. Not cached (free text). */
export async function searchSite(query: string, options: SearchOptions = {}) {
  const db: Database = await getDb();
  return searchPublic(db, query, options);
}
