// Search benchmark, approaches (docs/search.md); the entry point is scripts/search-bench.ts.
import { performance } from "node:perf_hooks";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { searchPublic } from "../../db/queries/search/public";
import { containsPattern, planSearch } from "../../lib/search/tokenize";
import { measure, ms, NOW, QUERIES, rows, type Stats } from "./measure";
import { log } from "./options";
import { tableSizes } from "./phases";

/** `column` contains `term` (lower-cased), as db/queries/search.ts tests it, or with ILIKE. */
export function contains(column: string, term: string, like = false): SQL {
  const col = sql.raw(column);
  if (like) return sql`${col} ilike ${containsPattern(term)}`;
  return term.toUpperCase() === term
    ? sql`strpos(${col}, ${term}) > 0`
    : sql`strpos(lower(${col}), ${term}) > 0`;
}

export interface Variant {
  table: "search_documents" | "bench_jieba";
  /** The index condition, if any. */
  match?: SQL;
  /** Terms to check as substrings. */
  substring: string[];
  titleTerms: string[];
  /** Leave the planner alone (no enable_seqscan/indexscan = off). */
  defaultPlanner?: boolean;
  /** Also order by ts_rank (reads each candidate's tsvector). */
  rank?: SQL;
  /** Substring tests with ILIKE (what pg_trgm can serve) instead of strpos. */
  like?: boolean;
}

/**
 * A result page (10 rows) and the total, shaped like the app's query: a count capped at
 * 1001 (uncapped when `exact`, to measure recall), then the page, with the substring test
 * applied lazily to candidates in result order when there is an index condition.
 */
export async function runVariant(db: Database, v: Variant, exact = false): Promise<number> {
  const visible = sql`visible_from <= ${NOW.toISOString()}::timestamptz`;
  const substring = (title: string, body: string) =>
    v.substring.map((t) => sql`(${contains(title, t, v.like)} or ${contains(body, t, v.like)})`);
  const and = (parts: SQL[]) => sql.join(parts, sql` and `);
  const indexed = and([...(v.match ? [v.match] : []), visible]);
  const where = and([indexed, ...substring("title", "body")]);
  const titleHit = and(v.titleTerms.map((t) => contains("title", t, v.like)));
  const order = sql.join(
    [
      sql`title_hit desc`,
      ...(v.rank ? [sql`rank desc`] : []),
      sql`happened_at desc nulls last, id desc`,
    ],
    sql`, `,
  );
  const columns = sql`id, title, body, happened_at, (${titleHit}) as title_hit${v.rank ? sql`, ${v.rank} as rank` : sql``}`;
  const table = sql.raw(v.table);
  return db.transaction(async (tx) => {
    if (!v.defaultPlanner) {
      await tx.execute(
        sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('work_mem', '32MB', true)`,
      );
    }
    const [counted] = await rows<{ n: string }>(
      tx,
      exact
        ? sql`select count(*) as n from ${table} where ${where}`
        : sql`select count(*) as n from (select 1 from ${table} where ${where} limit 1001) as m`,
    );
    if (v.match && v.substring.length > 0) {
      await rows(
        tx,
        sql`select * from (select ${columns} from ${table} where ${indexed} order by ${order} offset 0) as c
          where ${and(substring("c.title", "c.body"))} order by ${order} limit 10`,
      );
    } else {
      await rows(
        tx,
        sql`select ${columns} from ${table} where ${where} order by ${order} limit 10`,
      );
    }
    return Number(counted?.n ?? 0);
  });
}

/** The brief's first design: jieba cutForSearch words in a second table, same storage. */
export async function indexJieba(db: Database) {
  const jieba = Jieba.withDict(dict);
  const words = (text: string) =>
    jieba
      .cutForSearch(text, true)
      .filter((w) => /[\p{L}\p{N}]/u.test(w))
      .join(" ");
  await db.execute(sql`drop table if exists bench_jieba`);
  await db.execute(
    sql`create table bench_jieba (id integer primary key, title text not null, body text not null,
      happened_at timestamptz, visible_from timestamptz not null, tokens tsvector not null)
      with (toast_tuple_target = 128)`,
  );
  await db.execute(sql`alter table bench_jieba alter column title set storage main`);
  await db.execute(sql`create index bench_jieba_tokens_idx on bench_jieba using gin (tokens)`);
  const t = performance.now();
  let cutMs = 0;
  for (let after = 0; ; ) {
    const batch = await rows<{
      id: number;
      title: string;
      body: string;
      happened_at: string;
      visible_from: string;
    }>(
      db,
      sql`select id, title, body, happened_at::text, visible_from::text from search_documents
        where id > ${after} order by id limit 500`,
    );
    if (batch.length === 0) break;
    const c = performance.now();
    const cut = batch.map((r) => ({ ...r, tw: words(r.title), bw: words(r.body) }));
    cutMs += performance.now() - c;
    const values = sql.join(
      cut.map(
        (r) =>
          sql`(${r.id}, ${r.title}, ${r.body}, ${r.happened_at}::timestamptz, ${r.visible_from}::timestamptz,
            setweight(to_tsvector('simple', ${r.tw}), 'A') || setweight(to_tsvector('simple', ${r.bw}), 'B'))`,
      ),
      sql`, `,
    );
    await db.execute(sql`insert into bench_jieba values ${values}`);
    after = batch[batch.length - 1]?.id ?? after;
  }
  const took = (performance.now() - t) / 1000;
  await db.execute(sql`vacuum analyze bench_jieba`);
  log(`jieba: ${took.toFixed(1)} s (cutting ${(cutMs / 1000).toFixed(1)} s)`);
  return {
    seconds: took,
    cutSeconds: cutMs / 1000,
    sizes: await tableSizes(db, "bench_jieba", "bench_jieba_tokens_idx"),
    words,
  };
}

export async function createTrigramIndexes(db: Database) {
  await db.execute(sql`create extension if not exists pg_trgm`);
  const t = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('maintenance_work_mem', '256MB', true)`);
    await tx.execute(
      sql`create index bench_trgm_title on search_documents using gin (title gin_trgm_ops)`,
    );
    await tx.execute(
      sql`create index bench_trgm_body on search_documents using gin (body gin_trgm_ops)`,
    );
  });
  const took = (performance.now() - t) / 1000;
  await db.execute(sql`analyze search_documents`);
  const [size] = await rows<{ a: string; b: string }>(
    db,
    sql`select pg_relation_size('bench_trgm_title') as a, pg_relation_size('bench_trgm_body') as b`,
  );
  log(`pg_trgm: ${took.toFixed(1)} s`);
  return { seconds: took, index: Number(size?.a) + Number(size?.b) };
}

export async function dropTrigramIndexes(db: Database) {
  await db.execute(sql`drop index if exists bench_trgm_title`);
  await db.execute(sql`drop index if exists bench_trgm_body`);
}

export type Approach = "chosen" | "planner" | "rank" | "jieba" | "ilike" | "trgm";

export async function queryLatencies(
  db: Database,
  approaches: Approach[],
  jiebaWords: ((t: string) => string) | null,
): Promise<Record<string, Partial<Record<Approach, Stats>>>> {
  const out: Record<string, Partial<Record<Approach, Stats>>> = {};
  for (const { query } of QUERIES) {
    const plan = planSearch(query);
    const bigram = sql`tokens @@ ${plan.tsquery}::tsquery`;
    const base = {
      table: "search_documents" as const,
      substring: plan.substringTerms,
      titleTerms: plan.terms,
    };
    const likeAll = { ...base, substring: plan.terms, defaultPlanner: true, like: true };
    const chosenExact = { ...base, match: bigram };
    const r: Partial<Record<Approach, Stats>> = {};
    for (const approach of approaches) {
      if (approach === "chosen")
        r.chosen = await measure(async (first) =>
          // The app counts up to 1001; the first run counts all, for the recall column.
          first
            ? runVariant(db, chosenExact, true)
            : (await searchPublic(db, query, { now: NOW })).total,
        );
      if (approach === "planner")
        r.planner = await measure((first) =>
          runVariant(db, { ...base, match: bigram, defaultPlanner: true }, first),
        );
      if (approach === "rank")
        r.rank = await measure((first) =>
          runVariant(
            db,
            { ...base, match: bigram, rank: sql`ts_rank(tokens, ${plan.tsquery}::tsquery)` },
            first,
          ),
        );
      if (approach === "jieba" && jiebaWords) {
        // plainto_tsquery ANDs the words; terms longer than 2 are checked as substrings, as designed.
        const match = sql`tokens @@ plainto_tsquery('simple', ${plan.terms.map(jiebaWords).join(" ")})`;
        const substring = plan.terms.filter((t) => Array.from(t).length > 2);
        r.jieba = await measure((first) =>
          runVariant(db, { ...base, table: "bench_jieba", match, substring }, first),
        );
      }
      if (approach === "ilike" || approach === "trgm")
        r[approach] = await measure((first) => runVariant(db, likeAll, first));
    }
    out[query] = r;
    log(
      query,
      Object.entries(r)
        .map(([k, s]) => `${k} ${ms(s.p50)}/${ms(s.p95)} ms (${s.count})`)
        .join(", "),
    );
  }
  return out;
}
