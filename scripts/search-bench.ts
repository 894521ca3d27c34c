/**
 * Search benchmark (docs/search.md): a generated corpus of committee news, indexed the
 * way the app indexes it, queried the way the app queries it, next to the alternatives.
 *
 *   npx tsx scripts/search-bench.ts                  # 100k articles on PostgreSQL (ephemeral)
 *   npx tsx scripts/search-bench.ts --docs 20000     # a smaller corpus
 *   npx tsx scripts/search-bench.ts --pglite 100000  # also the chosen approach on PGlite
 *   npx tsx scripts/search-bench.ts --url postgres://…  # an existing server (a new database on it)
 *
 * Without --url it starts a throwaway PostgreSQL server with scripts/pg-ephemeral.sh and
 * stops it at the end. Output: markdown tables on stdout, progress on stderr.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { type SQL, sql } from "drizzle-orm";
import pg from "pg";

// db/queries/search.ts is a server module (`import "server-only"`): outside Next.js the
// marker resolves to its empty build, as under vitest.
const serverOnly = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
const hook = `export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(serverOnly)}, shortCircuit: true } : n(s, c); }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);

const { openDatabase, migrateDatabase } = await import("../db/client");
const { searchPublic } = await import("../db/queries/search");
const { articles, newsColumns } = await import("../db/schema");
const { rebuildSearchIndex } = await import("../db/search");
const { buildDocumentVector, containsPattern, markdownToPlainText, planSearch } = await import(
  "../lib/search/tokenize"
);
type Database = import("../db/client").Database;
type DatabaseHandle = import("../db/client").DatabaseHandle;

// ---------------------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const DOCS = Number(option("--docs") ?? 100_000);
const PGLITE_DOCS = option("--pglite") ? Number(option("--pglite")) : 0;
const GIVEN_URL = option("--url");
const SAMPLES = Number(option("--samples") ?? 20);
/** Per query and approach: stop sampling after this long (slow approaches get fewer samples). */
const BUDGET_MS = Number(option("--budget-ms") ?? 4000);
const SEED = 20260519;

const log = (...parts: unknown[]) => console.error("[search-bench]", ...parts);

// ---------------------------------------------------------------------------------------
// A deterministic corpus of committee news

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTORS = [
  "科技界",
  "医卫界",
  "经济界",
  "文体界",
  "农业界",
  "工商联界",
  "妇联界",
  "共青团界",
  "工会界",
  "侨联台联界",
  "特邀界",
  "教育界",
  "社会福利和社会保障界",
  "新闻出版界",
  "民族宗教界",
];
const TOWNS = [
  "王江泾镇",
  "油车港镇",
  "新塍镇",
  "王店镇",
  "洪合镇",
  "新城街道",
  "嘉北街道",
  "塘汇街道",
  "高照街道",
];
const VENUES = [
  "委员工作室",
  "委员之家",
  "委员会客厅",
  "社区卫生服务中心",
  "文化礼堂",
  "新时代文明实践站",
  "智能家居产业园",
  "中心小学",
  "养老服务中心",
  "便民服务中心",
  "家庭农场",
  "村委会",
  "毛衫产业服务中心",
  "妇幼保健院",
];
/** Zipf-weighted: the first are the most frequent. */
const TOPICS = [
  "基层共富",
  "产业升级",
  "科技创新",
  "外贸出海",
  "人口均衡",
  "乡村振兴",
  "营商环境",
  "养老服务",
  "生育友好型社会建设",
  "托育服务扩容",
  "数字化改造",
  "文旅融合",
  "老旧小区加装电梯",
  "共富集市长效运营",
  "家庭教育指导",
  "青年人才安居",
  "中小企业减负",
  "跨境电商",
  "医疗资源下沉",
  "非遗保护",
  "垃圾分类",
  "河湖治理",
  "食品安全",
  "矛盾纠纷化解",
  "社区网格治理",
  "公共文化服务",
  "未成年人保护",
  "侨资企业服务",
];
const ACTIVITIES = [
  "专题协商",
  "开门协商",
  "调研走访",
  "视察",
  "座谈会",
  "义诊",
  "送教服务",
  "专题讲座",
  "民主监督",
  "提案办理协商",
  "界别活动周",
  "界别调研月",
];
const SERVICES = ["送文化", "送体育", "送卫生", "送教育", "送法律", "送科技"];
/** What happens at each kind of activity (the activity's own words come with it). */
const SCENES: Record<string, string[]> = {
  专题协商: [
    "协商会上，委员和部门负责人面对面交流，现场梳理出几条可以马上推进的办法",
    "部门负责人逐条回应了委员们的关切",
  ],
  开门协商: [
    "报名列席的群众代表也拿到了话筒，说出了自己的难处和期待",
    "开门协商让群众的意见直接进入协商议程",
  ],
  调研走访: [
    "委员们一个车间一个车间地看，一个问题一个问题地问",
    "走访中，企业负责人谈到了用工、融资和物流方面的困难",
  ],
  视察: ["视察组实地察看了项目建设现场，听取了进展情况汇报"],
  座谈会: ["座谈会开得紧凑务实，不讲套话，直奔问题"],
  义诊: [
    "专家委员分科坐诊，义诊现场排起了长队",
    "医卫界委员为群众免费测量血压和血糖，讲解慢性病用药知识",
  ],
  送教服务: [
    "委员们把一批篮球、跳绳和两百多册课外读物交到学校手中",
    "一堂生动的科普课让孩子们举手抢着提问",
  ],
  专题讲座: ["讲座结合本地企业案例，现场答疑持续了半个多小时"],
  民主监督: ["监督组对照问题清单逐项核查整改情况"],
  提案办理协商: ["承办单位介绍了提案办理进展，提案者对办理情况表示满意"],
  界别活动周: ["活动周期间，各界别委员分头走进企业、学校、社区和乡村"],
  界别调研月: ["调研月期间，课题组将形成调研报告，经专家阅评后报送区委、区政府"],
};
/** Sentences tied to a topic. */
const TOPIC_SCENES: Record<string, string> = {
  生育友好型社会建设: "委员们建议生育补贴要和住房、就业等政策配套",
  托育服务扩容: "妇联界委员走进普惠托育点，了解托育机构的收费和师资情况，托育名额仍然紧张",
  共富集市长效运营: "委员们和摊主、居民面对面，了解共富集市的经营情况",
  老旧小区加装电梯: "居民们最关心加装电梯的费用怎样分摊、日后谁来维保",
  非遗保护: "文体界委员送上越剧演出，并展示了多项非遗手工艺",
  侨资企业服务: "律师委员围绕保护归侨侨眷合法权益的法律作了专题讲解",
  外贸出海: "企业负责人说，最缺的是懂外语、懂规则的外贸人才",
  数字化改造: "工程师委员走进车间，针对设备联网和能耗管理给出改造建议",
};
const QUOTES = [
  "办好群众家门口的小事，就是履职的大事",
  "意见建议要提到点子上，更要跟踪到底",
  "新技术用得好不好，最后要看老百姓是不是更方便",
  "集市办得红火，居民的日子才更有滋味",
];
const GENERIC = [
  "区政协主席出席活动并讲话。",
  "参加活动的委员纷纷表示收获很大。",
  "现场气氛热烈，大家各抒己见。",
  "相关意见将分类整理后移交有关部门办理，办理情况会向委员反馈。",
  "活动得到了当地党委政府的大力支持。",
  "委员们认真听取意见建议，逐条记录在履职手册上。",
  "与会人员还就下一步工作进行了深入交流。",
  "大家一致认为，这样的活动接地气、有实效，应当常态化开展。",
];
/** Rare words: each in roughly one article in a thousand. */
const RARE = ["蓝印花布", "船模", "评弹", "桑蚕丝", "灶画"];

function corpus(count: number) {
  const rand = mulberry32(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const zipf = <T>(list: readonly T[]) => {
    const w = list.map((_, i) => 1 / (i + 1));
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    const cdf = w.map((x) => (acc += x / total));
    return (): T => {
      const r = rand();
      return list[cdf.findIndex((c) => r <= c)] ?? (list[0] as T);
    };
  };
  const topic = zipf(TOPICS);
  const activityOf = zipf(ACTIVITIES);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;

  const docs: { title: string; summary: string; body: string; publishedAt: Date }[] = [];
  for (let i = 0; i < count; i++) {
    const main = topic();
    const sector = pick(SECTORS);
    const town = pick(TOWNS);
    const activity = activityOf();
    const venue = pick(VENUES);
    const scenes = [
      ...(SCENES[activity] ?? []),
      ...(TOPIC_SCENES[main] ? [TOPIC_SCENES[main]] : []),
    ];
    const titles = [
      `${sector}委员走进${town} 聚焦${main}`,
      `${town}${activity}：为${main}建言献策`,
      `为${main}出实招 ${sector}开展${activity}`,
      `“六送下乡”${pick(SERVICES)}走进${town}${venue}`,
      `${activity}话${main}`,
    ];
    const sentences = [
      `${int(1, 12)}月${int(1, 28)}日，${sector}委员来到${town}${venue}，围绕“${main}”开展${activity}。`,
    ];
    const n = int(12, 30);
    for (let s = 0; s < n; s++) {
      const r = rand();
      const other = topic();
      if (r < 0.12)
        sentences.push(
          `委员们先后走访了${int(2, 9)}家企业和${int(1, 5)}个社区，详细了解${main}的进展情况。`,
        );
      else if (r < 0.22)
        sentences.push(`座谈会上，大家围绕${pick([main, other])}提出了${int(3, 15)}条意见建议。`);
      else if (r < 0.36 && scenes.length > 0) sentences.push(`${pick(scenes)}。`);
      else if (r < 0.4) sentences.push(`“${pick(QUOTES)}。”一位委员在发言中说。`);
      else if (r < 0.48)
        sentences.push(
          `${pick(SECTORS)}表示，将把收集到的意见建议整理成文，作为${other}课题调研的重要参考。`,
        );
      else if (r < 0.54)
        sentences.push(`下一步，${town}联络室将持续跟踪${main}相关工作，推动意见建议落地见效。`);
      else sentences.push(pick(GENERIC));
    }
    if (rand() < 0.005) sentences.push(`活动还安排了${pick(RARE)}展示，吸引了不少居民驻足。`);
    const paragraphs: string[] = [];
    for (let p = 0; p < sentences.length; p += 4)
      paragraphs.push(sentences.slice(p, p + 4).join(""));
    if (rand() < 0.3)
      paragraphs.splice(1, 0, `## ${pick(["委员们关注的问题", "协商中提出的建议", "下一步工作"])}`);
    docs.push({
      title: pick(titles),
      summary: sentences[0] ?? "",
      body: paragraphs.join("\n\n"),
      publishedAt: new Date(start + rand() * span),
    });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------
// Measuring

interface Stats {
  p50: number;
  p95: number;
  n: number;
  count: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

/** Runs `fn` once to warm up, then until SAMPLES runs or the time budget is spent. */
async function measure(fn: (first: boolean) => Promise<number>): Promise<Stats> {
  const count = await fn(true);
  const times: number[] = [];
  const begun = performance.now();
  while (times.length < SAMPLES && (times.length < 3 || performance.now() - begun < BUDGET_MS)) {
    const t = performance.now();
    await fn(false);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length, count };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Rows of a raw query, on either driver. */
async function rows<T>(db: Database | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const QUERIES: { query: string; what: string }[] = [
  { query: "委员", what: "2 chars, in every article" },
  { query: "协商", what: "2 chars, in half" },
  { query: "集市", what: "2 chars, mostly inside 共富集市" },
  { query: "托育", what: "2 chars, 9%" },
  { query: "电梯", what: "2 chars, 7%" },
  { query: "义诊", what: "2 chars, 5%" },
  { query: "评弹", what: "2 chars, rare" },
  { query: "侨", what: "1 char" },
  { query: "区政协主席", what: "phrase, common" },
  { query: "生育友好型社会", what: "phrase, 10%" },
  { query: "托育服务扩容", what: "phrase, 9%" },
  { query: "蓝印花布", what: "phrase, rare" },
  { query: "托育 名额", what: "two terms" },
  { query: "量子计算", what: "no match" },
];

const NOW = new Date(Date.UTC(2026, 10, 15));

// ---------------------------------------------------------------------------------------
// Phases

async function loadCorpus(db: Database, count: number) {
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

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function indexChosen(db: Database, docs: ReturnType<typeof corpus>) {
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

async function tableSizes(db: Database, table: string, index: string) {
  const [r] = await rows<{ heap: string; total: string; idx: string }>(
    db,
    sql`select pg_relation_size(${table}::regclass) as heap,
      pg_total_relation_size(${table}::regclass) - pg_indexes_size(${table}::regclass) as total,
      pg_relation_size(${index}::regclass) as idx`,
  );
  return { heap: Number(r?.heap), total: Number(r?.total), index: Number(r?.idx) };
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** `column` contains `term` (lower-cased), as db/queries/search.ts tests it, or with ILIKE. */
function contains(column: string, term: string, like = false): SQL {
  const col = sql.raw(column);
  if (like) return sql`${col} ilike ${containsPattern(term)}`;
  return term.toUpperCase() === term
    ? sql`strpos(${col}, ${term}) > 0`
    : sql`strpos(lower(${col}), ${term}) > 0`;
}

interface Variant {
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
async function runVariant(db: Database, v: Variant, exact = false): Promise<number> {
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
async function indexJieba(db: Database) {
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

async function createTrigramIndexes(db: Database) {
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

async function dropTrigramIndexes(db: Database) {
  await db.execute(sql`drop index if exists bench_trgm_title`);
  await db.execute(sql`drop index if exists bench_trgm_body`);
}

type Approach = "chosen" | "planner" | "rank" | "jieba" | "ilike" | "trgm";

async function queryLatencies(
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
