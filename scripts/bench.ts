// `npm run bench`: how fast the public pages are, against a static Next.js page measured
// in the same run on the same machine.
//
// Runs under scripts/pg-ephemeral.sh (a throwaway PostgreSQL server): fills a database with
// the demo data plus 100k articles and 20k events, builds the app, serves it with the page
// cache on and then off, builds and serves a one-page static Next.js app as the baseline,
// drives each with autocannon, and prints requests/s and p95 with their ratios to the
// baseline, and the gzipped JavaScript each page ships.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { migrateDatabase, openDatabase } from "../db/client";
import { seedDemoData } from "../db/seed";

const root = path.resolve(import.meta.dirname, "..");
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("run through `npm run bench` (it starts a PostgreSQL server)");
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

function log(message: string) {
  console.log(`[bench] ${message}`);
}

async function createDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("drop database if exists lvzhi_bench with (force)");
  await admin.query(
    "create database lvzhi_bench template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'",
  );
  await admin.end();
  const url = new URL(serverUrl as string);
  url.pathname = "/lvzhi_bench";
  return url.toString();
}

/** Demo data, then bulk rows made by the server itself (generate_series): seconds, not minutes. */
async function fillDatabase(url: string) {
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await seedDemoData(handle.db, { withAccounts: false });
  const { db } = handle;
  const words = [
    "政协",
    "委员",
    "界别",
    "协商",
    "调研",
    "走访",
    "民生",
    "托育",
    "义诊",
    "乡村",
    "共富",
    "集市",
    "外贸",
    "产业",
    "科技",
    "创新",
    "教育",
    "文化",
    "体育",
    "法律",
    "卫生",
    "企业",
    "社区",
    "街道",
    "建议",
    "提案",
    "服务",
    "群众",
    "平台",
    "人才",
    "养老",
    "医疗",
    "交通",
  ];
  const wordArray = sql.raw(`array[${words.map((w) => `'${w}'`).join(",")}]`);
  log(`inserting ${ARTICLES} articles and ${EVENTS} events…`);
  await db.execute(sql`
    insert into articles (slug, column_id, title, summary, body, status, published_at)
    select 'bench-' || g,
           (select id from news_columns order by id limit 1 offset (g % 4)),
           (${wordArray})[1 + g % 33] || (${wordArray})[1 + (g / 33) % 33] || '专题报道第' || g || '期',
           '委员围绕' || (${wordArray})[1 + (g / 7) % 33] || '开展调研，形成意见建议。',
           repeat('委员们深入一线察民情、听民声，围绕' || (${wordArray})[1 + (g / 11) % 33] || '问题提出建议。', 12),
           'published',
           now() - (g || ' hours')::interval
    from generate_series(1, ${ARTICLES}) g`);
  await db.execute(sql`
    insert into events (title, kind, summary, starts_at, ends_at, town_id, venue, status)
    select (${wordArray})[1 + g % 33] || '主题活动（第' || g || '场）',
           (array['consultation','visit','service','lecture','clinic','market','meeting'])[1 + g % 7],
           '界别委员走进基层开展活动。',
           date_trunc('hour', now()) - interval '19 years' + (g * interval '526 minutes'),
           date_trunc('hour', now()) - interval '19 years' + (g * interval '526 minutes') + interval '2 hours',
           (select id from towns order by id limit 1 offset (g % 9)),
           '委员之家',
           'scheduled'
    from generate_series(1, ${EVENTS}) g`);
  await db.execute(sql`
    insert into event_organisers (event_id, sector_id)
    select e.id, (select id from sectors order by id limit 1 offset (e.id % 19))
    from events e where e.venue = '委员之家' and e.title like '%主题活动（第%'`);
  await db.execute(sql`
    insert into search_documents (kind, ref_id, title, body, url, visible_from, happened_at, tokens)
    select 'article', a.id, a.title, a.summary, '/news/' || a.slug, a.published_at, a.published_at,
           setweight(to_tsvector('simple', regexp_replace(a.title, '(.{2})', '\\1 ', 'g')), 'A') ||
           setweight(to_tsvector('simple', regexp_replace(a.summary, '(.{2})', '\\1 ', 'g')), 'B')
    from articles a where a.slug like 'bench-%'`);
  await db.execute(sql`analyze`);
  const [newest] = (
    await db.execute<{ slug: string }>(
      sql`select slug from articles where status = 'published' and published_at <= now() order by published_at desc limit 1`,
    )
  ).rows;
  await handle.close();
  return newest?.slug ?? "";
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root) {
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

function serve(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): ChildProcess {
  return spawn(command, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

interface Measure {
  rps: number;
  p95: number;
  errors: number;
}

async function measure(url: string): Promise<Measure> {
  // Warm up: the first requests build caches and JIT.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: DURATION },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? Number.NaN;
  return { rps: result.requests.average, p95, errors: result.errors + result.non2xx };
}

/** Gzipped bytes of the JavaScript a page loads. */
async function javascriptBytes(pageUrl: string): Promise<number> {
  const html = await (await fetch(pageUrl)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map(
    (m) => m[1] as string,
  );
  let total = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total;
}

function makeBaselineApp(): string {
  // Inside the project, so Turbopack resolves next and react from its node_modules.
  const dir = path.join(root, ".bench-static");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "static-baseline", private: true }),
  );
  writeFileSync(
    path.join(dir, "app", "layout.tsx"),
    `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}\n`,
  );
  writeFileSync(
    path.join(dir, "app", "page.tsx"),
    `export default function Page() { return <main><h1>静态页面</h1><p>${"政协委员履职服务。".repeat(40)}</p></main>; }\n`,
  );
  return dir;
}

async function main() {
  const url = await createDatabase();
  const articleSlug = await fillDatabase(url);
  const pages: [string, string][] = [
    ["home", "/"],
    ["news list", "/news"],
    ["article", `/news/${encodeURIComponent(articleSlug)}`],
    ["calendar month", "/events?view=month"],
    ["search", `/search?q=${encodeURIComponent("政协")}`],
  ];

  log("building the app…");
  // Production with a DATABASE_URL requires AUTH_SECRET (lib/env.ts): a throwaway one.
  const env = {
    ...process.env,
    NEXT_DIST_DIR: ".next-bench",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    // And the keys of personal data at rest (required there too).
    DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    DATA_INDEX_KEY: randomBytes(32).toString("base64"),
  };
  // `next build` adds its dist directory's types to tsconfig.json: put the file back after.
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  try {
    run(process.execPath, [next, "build"], { ...env, DATABASE_URL: "" });
  } finally {
    writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  }

  log("building the static baseline…");
  const baselineDir = makeBaselineApp();
  run(
    process.execPath,
    [next, "build"],
    { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    baselineDir,
  );

  const results: Record<string, { cached?: Measure; uncached?: Measure; js?: number }> = {};
  let baseline: Measure;
  let baselineJs: number;
  const baselineServer = serve(
    process.execPath,
    [next, "start", "-p", "3693", "-H", "127.0.0.1"],
    { ...process.env, NODE_ENV: "production" },
    baselineDir,
  );
  try {
    await waitFor("http://127.0.0.1:3693/");
    baseline = await measure("http://127.0.0.1:3693/");
    baselineJs = await javascriptBytes("http://127.0.0.1:3693/");
  } finally {
    await stop(baselineServer);
    rmSync(baselineDir, { recursive: true, force: true });
  }

  for (const [mode, ttl, port] of [
    ["cached", "3600", 3691],
    ["uncached", "0", 3692],
  ] as const) {
    const server = serve(process.execPath, [path.join(root, "server.mjs")], {
      ...env,
      DATABASE_URL: url,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PAGE_CACHE_TTL_SECONDS: ttl,
      NODE_ENV: "production",
    });
    try {
      await waitFor(`http://127.0.0.1:${port}/api/health`);
      for (const [name, pagePath] of pages) {
        log(`${mode}: ${name}`);
        const entry = results[name] ?? {};
        results[name] = entry;
        entry[mode] = await measure(`http://127.0.0.1:${port}${pagePath}`);
        if (mode === "cached")
          entry.js = await javascriptBytes(`http://127.0.0.1:${port}${pagePath}`);
      }
    } finally {
      await stop(server);
    }
  }

  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log("");
  console.log(
    `Lüzhi bench: ${ARTICLES} articles, ${EVENTS} events, PostgreSQL, ${CONNECTIONS} connections, ${DURATION}s per run, ${os.cpus().length} cores`,
  );
  console.log(
    `static Next.js page: ${baseline.rps.toFixed(0)} req/s, p95 ${baseline.p95} ms, JS ${kb(baselineJs)} gzipped`,
  );
  console.log("");
  console.log(
    "page            cached req/s  ratio  p95    uncached req/s  ratio  p95     JS (gzip)  vs static",
  );
  for (const [name] of pages) {
    const r = results[name];
    if (!r?.cached || !r.uncached || r.js === undefined) continue;
    console.log(
      [
        name.padEnd(15),
        r.cached.rps.toFixed(0).padStart(12),
        pct(r.cached.rps, baseline.rps).padStart(6),
        `${r.cached.p95}ms`.padStart(6),
        r.uncached.rps.toFixed(0).padStart(15),
        pct(r.uncached.rps, baseline.rps).padStart(6),
        `${r.uncached.p95}ms`.padStart(7),
        kb(r.js).padStart(10),
        `${r.js >= baselineJs ? "+" : ""}${kb(r.js - baselineJs)}`.padStart(10),
      ].join(" "),
    );
    if (r.cached.errors || r.uncached.errors) {
      console.log(
        `  (${name}: ${r.cached.errors} cached and ${r.uncached.errors} uncached errors)`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
