// Search benchmark, phases (docs/search.md); the entry point is scripts/search-bench.ts.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { articles, newsColumns } from "../../db/schema";
import { rebuildSearchIndex } from "../../db/search";
import { buildDocumentVector, markdownToPlainText } from "../../lib/search/tokenize";
import { corpus } from "./corpus";
import { rows } from "./measure";
import { log } from "./options";

// ---------------------------------------------------------------------------------------
// Phases

export async function loadCorpus(db: Database, count: number) {
  const [column] = await db
    .insert(newsColumns)
    .values({ slug: "bench", name: "基准测试" })
    .returning({ id: newsColumns.id });
  const docs = corpus(count);
  const chars = docs.reduce((a, d) => a + d.title.length + d.summary.length + d.body.length, 0);
  const t = performance.now();
  for (let i = 0; i < docs.length; i += 1000) {
    await db.insert(articles).values(
      docs.slice(i, i + 1000).map((d, j) => ({
        slug: `bench-${i + j}`,
        columnId: column?.id ?? 1,
        title: d.title,
        summary: d.summary,
        body: d.body,
        status: "published" as const,
        publishedAt: d.publishedAt,
      })),
    );
  }
  log(`loaded ${count} articles (${(chars / count).toFixed(0)} chars each) in ${seconds(t)} s`);
  return { docs, avgChars: chars / count };
}

export const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export async function indexChosen(db: Database, docs: ReturnType<typeof corpus>) {
  // The tokenizer alone (JS), then the app's own rebuild (read, tokenize, upsert).
  let t = performance.now();
  for (const d of docs)
    buildDocumentVector(d.title, `${d.summary}\n${markdownToPlainText(d.body)}`);
  const tokenizeSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await rebuildSearchIndex(db);
  const rebuildSeconds = (performance.now() - t) / 1000;
  await db.execute(sql`vacuum analyze search_documents`);
  log(`chosen: tokenize ${tokenizeSeconds.toFixed(1)} s, rebuild ${rebuildSeconds.toFixed(1)} s`);
  return { tokenizeSeconds, rebuildSeconds };
}

export async function tableSizes(db: Database, table: string, index: string) {
  const [r] = await rows<{ heap: string; total: string; idx: string }>(
    db,
    sql`select pg_relation_size(${table}::regclass) as heap,
      pg_total_relation_size(${table}::regclass) - pg_indexes_size(${table}::regclass) as total,
      pg_relation_size(${index}::regclass) as idx`,
  );
  return { heap: Number(r?.heap), total: Number(r?.total), index: Number(r?.idx) };
}
