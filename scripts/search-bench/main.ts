// Search benchmark, main (docs/search.md); the entry point is scripts/search-bench.ts.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "../../db/client";
import {
  type Approach,
  createTrigramIndexes,
  dropTrigramIndexes,
  indexJieba,
  queryLatencies,
} from "./approaches";
import { mb, ms, QUERIES, type Stats } from "./measure";
import { BUDGET_MS, DOCS, GIVEN_URL, PGLITE_DOCS, SAMPLES, SEED } from "./options";
import { indexChosen, loadCorpus, tableSizes } from "./phases";

// ---------------------------------------------------------------------------------------
// Servers

function startPostgres(): { url: string; stop: () => void } {
  const dir = path.join(os.tmpdir(), `lvzhi-search-bench-${process.pid}`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync("bash", ["scripts/pg-ephemeral.sh", "stop", dir], { stdio: "inherit" });
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
  const started = spawnSync("bash", ["scripts/pg-ephemeral.sh", "start", dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (started.status !== 0) throw new Error("could not start PostgreSQL (scripts/pg-ephemeral.sh)");
  const url = /TEST_DATABASE_URL='([^']+)'/.exec(started.stdout)?.[1];
  if (!url) throw new Error("pg-ephemeral.sh printed no URL");
  return { url, stop };
}

async function createBenchDatabase(
  serverUrl: string,
): Promise<DatabaseHandle & { version: string }> {
  const name = `search_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  const version =
    (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
      ?.v ?? "?";
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolMax: 2 });
  await migrateDatabase(handle);
  const close = async () => {
    await handle.close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return { ...handle, close, version: version.split(" ")[0] ?? version };
}

// ---------------------------------------------------------------------------------------
// Report

function report(title: string, lines: string[]) {
  console.log(`\n### ${title}\n`);
  for (const line of lines) console.log(line);
}

const LABELS: Record<Approach, string> = {
  chosen: "**chosen** (`searchPublic`)",
  planner: "same, default planner",
  rank: "same + ts_rank order",
  jieba: "jieba words",
  ilike: "ILIKE, seq scan",
  trgm: "ILIKE, pg_trgm GIN",
};

type Results = Record<string, Partial<Record<Approach, Stats>>>;

function latencyTable(results: Results, approaches: Approach[], trueCounts?: Results) {
  const truth = (q: string) => (trueCounts ?? results)[q]?.ilike?.count;
  const head = `| query | what | ${approaches.map((a) => LABELS[a]).join(" | ")} |`;
  const sep = `|---|---|${approaches.map(() => "---|").join("")}`;
  const body = QUERIES.map(({ query, what }) => {
    const r = results[query] ?? {};
    const cells = approaches.map((a) => {
      const s = r[a];
      if (!s) return "–";
      const t = truth(query);
      const missed = t !== undefined && s.count !== t ? ` **${s.count} found**` : "";
      return `${ms(s.p50)} / ${ms(s.p95)}${missed}`;
    });
    return `| ${query} | ${what}${truth(query) !== undefined ? ` (${truth(query)})` : ""} | ${cells.join(" | ")} |`;
  });
  return [
    `p50 / p95 in ms for one result page (10 rows) and the total; in brackets the true number of matches (ILIKE); **bold**: an approach that found a different number.`,
    "",
    head,
    sep,
    ...body,
  ];
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

async function main() {
  const cpu = os.cpus()[0]?.model ?? "?";
  console.log("## Search benchmark\n");
  console.log(
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}; load average at start ${load()}. Corpus: ${DOCS} generated articles (seed ${SEED}). ${SAMPLES} samples per cell at most, ${BUDGET_MS} ms budget, after one warm-up run.`,
  );

  let server: { url: string; stop: () => void } | null = null;
  let pgResults: Results | undefined;
  try {
    if (!GIVEN_URL) server = startPostgres();
    const serverUrl = GIVEN_URL ?? server?.url ?? "";
    const handle = await createBenchDatabase(serverUrl);
    try {
      const db = handle.db;
      const { docs, avgChars } = await loadCorpus(db, DOCS);
      const chosen = await indexChosen(db, docs);
      const sizes = await tableSizes(db, "search_documents", "search_documents_tokens_idx");
      const jieba = await indexJieba(db);
      const results = await queryLatencies(
        db,
        ["chosen", "planner", "rank", "jieba", "ilike"],
        jieba.words,
      );
      const trgm = await createTrigramIndexes(db);
      const withTrgm = await queryLatencies(db, ["trgm"], null);
      await dropTrigramIndexes(db);
      for (const [q, r] of Object.entries(withTrgm)) Object.assign(results[q] ?? {}, r);
      pgResults = results;

      report(
        `PostgreSQL ${handle.version}: indexing ${DOCS} articles (${avgChars.toFixed(0)} characters each)`,
        [
          "| approach | time | throughput | size |",
          "|---|---|---|---|",
          `| chosen: tokenizer alone (JS, Markdown stripping included) | ${chosen.tokenizeSeconds.toFixed(1)} s | ${(DOCS / chosen.tokenizeSeconds).toFixed(0)} docs/s | – |`,
          `| **chosen**: \`rebuildSearchIndex\` (read, tokenize, upsert, GIN) | ${chosen.rebuildSeconds.toFixed(1)} s | ${(DOCS / chosen.rebuildSeconds).toFixed(0)} docs/s | GIN ${mb(sizes.index)}; heap ${mb(sizes.heap)}, table with TOAST ${mb(sizes.total)} |`,
          `| jieba cutForSearch words, to_tsvector('simple') | ${jieba.seconds.toFixed(1)} s (cutting ${jieba.cutSeconds.toFixed(1)} s) | ${(DOCS / jieba.seconds).toFixed(0)} docs/s | GIN ${mb(jieba.sizes.index)}; table with TOAST ${mb(jieba.sizes.total)} |`,
          `| pg_trgm GIN on title and body (CREATE INDEX) | ${trgm.seconds.toFixed(1)} s | ${(DOCS / trgm.seconds).toFixed(0)} docs/s | GIN ${mb(trgm.index)} |`,
        ],
      );
      report(
        `PostgreSQL ${handle.version}: query latency, ${DOCS} articles`,
        latencyTable(results, ["chosen", "planner", "rank", "jieba", "ilike", "trgm"]),
      );
    } finally {
      await handle.close();
    }
    server?.stop();
    server = null;
    if (PGLITE_DOCS > 0)
      await benchPglite(PGLITE_DOCS, PGLITE_DOCS === DOCS ? pgResults : undefined);
    console.log(`\nLoad average at the end: ${load()}.`);
  } finally {
    server?.stop();
  }
}

/** PGlite: the chosen approach (a sequential ILIKE scan too, unless PostgreSQL gave the true counts). */
async function benchPglite(count: number, trueCounts?: Results) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-search-bench-pglite-"));
  const handle = await openDatabase({ dataDir: path.join(dir, "db") });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    const { avgChars, docs } = await loadCorpus(db, count);
    const chosen = await indexChosen(db, docs);
    const sizes = await tableSizes(db, "search_documents", "search_documents_tokens_idx");
    const approaches: Approach[] = trueCounts ? ["chosen"] : ["chosen", "ilike"];
    const results = await queryLatencies(db, approaches, null);
    report(`PGlite: indexing ${count} articles (${avgChars.toFixed(0)} characters each)`, [
      "| approach | time | throughput | size |",
      "|---|---|---|---|",
      `| **chosen**: \`rebuildSearchIndex\` | ${chosen.rebuildSeconds.toFixed(1)} s | ${(count / chosen.rebuildSeconds).toFixed(0)} docs/s | GIN ${mb(sizes.index)}; heap ${mb(sizes.heap)}, table with TOAST ${mb(sizes.total)} |`,
    ]);
    report(
      `PGlite: query latency, ${count} articles`,
      latencyTable(results, approaches, trueCounts),
    );
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
