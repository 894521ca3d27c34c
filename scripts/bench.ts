// `npm run bench`: how fast the public pages are, against a static Next.js page measured
// in the same run on the same machine.
//
// Runs under scripts/pg-ephemeral.sh (a throwaway PostgreSQL server) and needs nothing
// else: it builds the app like `npm start` does (into .next, only when the sources are
// newer; the checkout's tracked files are left as they were and checked), builds a
// one-page static Next.js app OUTSIDE the project as the baseline (./bench/baseline.ts),
// and serves Lüzhi with the page cache on and off:
// - on PostgreSQL with the demo data plus 100k articles and 20k events;
// - on PGlite with the demo data only (what a new user first sees).
// Each page is measured BENCH_RUNS times with the static page measured just before and
// after it, so every ratio compares like with like; the table shows the mean and the
// spread, and the JSON (commit, date, machine, every run) goes to bench-results/.
//
// On PostgreSQL it also measures the edge (./bench/edge.ts): the pages through nginx's
// proxy_cache (docs/nginx/lvzhi.conf; nginx is installed with apt-get when missing and
// run as this user from a temporary directory), and the uncached pages through nginx in
// front of one app instance, then two on the same database (BENCH_EDGE=0 skips it).
//
// Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (20), BENCH_RUNS (2), BENCH_ARTICLES
// (100000), BENCH_EVENTS (20000), BENCH_DATABASES ("postgres,pglite"), BENCH_RESULTS_DIR
// (bench-results), BENCH_FILING_MEMBERS (50) and BENCH_FILING_SECONDS (60) for the note
// filing bench on PostgreSQL (./bench/filing.ts; 0 seconds skips it), BENCH_SMOKE=1 (a few seconds in all, for `npm test`: small data, 2 s
// runs; checks that every page answers, its figures mean nothing), BENCH_ACCEPT_ENCODING
// (what every request sends as Accept-Encoding: "gzip, deflate, br" as a browser does;
// "" for none: identity bodies, as reports without `load.acceptEncoding` were measured).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildBaseline, FLOOR_PATH } from "./bench/baseline";
import { createDatabase, fillDatabase } from "./bench/data";
import { type EdgeContext, type EdgePage, nginxCached, scaleOut } from "./bench/edge";
import { benchFiling, type FilingResult, printFiling } from "./bench/filing";
import {
  BROWSER_ACCEPT_ENCODING,
  type LoadShape,
  type Measure,
  measure,
  pageWeight,
  warmUp,
} from "./bench/measure";
import { findNginx } from "./bench/nginx";
import {
  type BenchReport,
  type Cell,
  cellOf,
  gitCommit,
  type Mode,
  machine,
  type PageResult,
  printReport,
  type TargetResult,
  writeReport,
} from "./bench/report";
import { AppServer, buildIfStale, freePort } from "./soak/server";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("run through `npm run bench` (it starts a PostgreSQL server)");

const SMOKE = process.env.BENCH_SMOKE === "1";
const num = (name: string, normal: number, smoke: number) =>
  Number(process.env[name] ?? (SMOKE ? smoke : normal));
const ARTICLES = num("BENCH_ARTICLES", 100_000, 300);
const EVENTS = num("BENCH_EVENTS", 20_000, 100);
const RUNS = Math.max(1, num("BENCH_RUNS", 2, 2));
const SHAPE: LoadShape = {
  connections: num("BENCH_CONNECTIONS", 20, 4),
  seconds: num("BENCH_SECONDS", 5, 2),
  warmupSeconds: SMOKE ? 0 : 2,
  acceptEncoding: process.env.BENCH_ACCEPT_ENCODING ?? BROWSER_ACCEPT_ENCODING,
};
const DATABASES = (process.env.BENCH_DATABASES ?? "postgres,pglite")
  .split(",")
  .map((d) => d.trim())
  .filter((d): d is "postgres" | "pglite" => d === "postgres" || d === "pglite");
const RESULTS_DIR = path.resolve(root, process.env.BENCH_RESULTS_DIR ?? "bench-results");

const log = (message: string) => console.log(`[bench] ${message}`);

function trackedState(): string | null {
  try {
    return execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: root,
    }).toString();
  } catch {
    return null;
  }
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** The newest article's address, as the news list links it (PGlite: no query from here). */
async function newestArticle(base: URL): Promise<string> {
  const html = await (await fetch(new URL("/news", base))).text();
  const href = /href="(\/news\/[^"?#]+)"/.exec(html)?.[1];
  if (!href) throw new Error("the news list links no article");
  return href;
}

async function main() {
  const before = trackedState();
  const started = new Date().toISOString();
  buildIfStale(".next", log);

  log("building the static baseline outside the project…");
  const baseline = buildBaseline(root, nextBin);
  const basePort = await freePort(3690, 3699);
  const baseUrl = `http://127.0.0.1:${basePort}/`;
  const baselineServer = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(basePort), "-H", "127.0.0.1"],
    { cwd: baseline.dir, env: { ...process.env, NODE_ENV: "production" }, stdio: "ignore" },
  );
  const scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-bench-"));
  const baselineRps: number[] = [];
  let lastBaseline: Measure | null = null;
  const measureBaseline = async () => {
    const m = await measure(baseUrl, SHAPE);
    baselineRps.push(m.rps);
    lastBaseline = m;
    return m;
  };

  const targets: TargetResult[] = [];
  const EDGE = process.env.BENCH_EDGE !== "0" && DATABASES.includes("postgres");
  const edgeContext: EdgeContext | null = EDGE
    ? {
        nginx: findNginx(log),
        // The smoke: one page, one run, to see that it all still answers.
        shape: SHAPE,
        runs: SMOKE ? 1 : RUNS,
        freePort: () => freePort(3800, 3899),
        lastBaseline: async () => lastBaseline ?? (await measureBaseline()),
        measureBaseline,
        log: (message) => log(`postgres ${message}`),
      }
    : null;
  let edgePages: EdgePage[] = [];
  try {
    await waitFor(baseUrl);
    await warmUp(baseUrl, SHAPE);
    const baselineWeight = await pageWeight(baseUrl);
    // The floor (an empty page rendered on every request, outside the project), measured
    // like a page at the start and again after the pages, before filing.
    const floor: Cell[] = [];
    const measureFloor = async () => {
      const url = new URL(FLOOR_PATH, baseUrl).toString();
      log("the floor: an empty dynamic Next.js page outside the project");
      await warmUp(url, SHAPE);
      const first = lastBaseline ?? (await measureBaseline());
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(url, SHAPE));
      floor.push(cellOf(runs, first, await measureBaseline()));
    };
    await measureFloor();
    const keys = {
      DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      DATA_INDEX_KEY: randomBytes(32).toString("base64"),
    };
    const authSecret = randomBytes(32).toString("base64");

    for (const database of DATABASES) {
      let databaseUrl = "";
      let data = "demo data";
      let articlePath = "";
      const pgliteDir = path.join(scratch, "pglite");
      if (database === "postgres") {
        log(`filling PostgreSQL: demo data, ${ARTICLES} articles, ${EVENTS} events…`);
        databaseUrl = await createDatabase(serverUrl as string);
        articlePath = `/news/${encodeURIComponent(
          await fillDatabase(databaseUrl, { articles: ARTICLES, events: EVENTS }),
        )}`;
        data = `demo data + ${ARTICLES} articles, ${EVENTS} events`;
      }
      const pages: PageResult[] = [];
      const appServer = (mode: Mode, port: number, log = `${database}-${mode}.log`) =>
        new AppServer({
          port,
          distDir: ".next",
          databaseUrl,
          authSecret,
          dataKeys: keys,
          logFile: path.join(scratch, log),
          extraEnv: {
            PAGE_CACHE_TTL_SECONDS: mode === "cached" ? "3600" : "0",
            PGLITE_DIR: pgliteDir,
          },
        });
      for (const mode of ["cached", "uncached"] as Mode[]) {
        const server = appServer(mode, await freePort(3700, 3799));
        server.start();
        try {
          // The first start on PGlite migrates and loads the demo data.
          await server.waitHealthy(180_000);
          if (!articlePath) articlePath = await newestArticle(server.base);
          const list: [string, string][] = [
            ["home", "/"],
            ["news list", "/news"],
            ["article", articlePath],
            ["calendar month", "/events?view=month"],
            ["search", `/search?q=${encodeURIComponent("政协")}`],
          ];
          for (const [name, pagePath] of list) {
            log(`${database} ${mode}: ${name}`);
            let page = pages.find((p) => p.name === name);
            if (!page) {
              page = { name, path: pagePath, cells: {} };
              pages.push(page);
            }
            const url = new URL(pagePath, server.base).toString();
            await warmUp(url, SHAPE);
            const first = lastBaseline ?? (await measureBaseline());
            const runs: Measure[] = [];
            for (let i = 0; i < RUNS; i++) runs.push(await measure(url, SHAPE));
            const after = await measureBaseline();
            page.cells[mode] = cellOf(runs, first, after);
            if (mode === "cached") Object.assign(page, await pageWeight(url));
          }
          if (edgeContext && database === "postgres") {
            if (mode === "cached") {
              const edgeList = SMOKE ? list.slice(2, 3) : list.slice(0, 3);
              edgePages = edgeList.map(([name, path]) => ({ name, path }));
              await nginxCached(edgeContext, server, edgePages);
            } else {
              await scaleOut(
                edgeContext,
                server,
                async () => {
                  const second = appServer(mode, await freePort(3700, 3799), "postgres-second.log");
                  second.start();
                  await second.waitHealthy(180_000);
                  return second;
                },
                edgePages,
              );
            }
          }
        } finally {
          await server.stop();
        }
      }
      targets.push({ database, data, pages });
    }

    await measureFloor();

    let filing: FilingResult | null = null;
    const filingSeconds = num("BENCH_FILING_SECONDS", 60, 4);
    if (DATABASES.includes("postgres") && filingSeconds > 0) {
      filing = await benchFiling({
        serverUrl: serverUrl as string,
        members: num("BENCH_FILING_MEMBERS", 50, 4),
        seconds: filingSeconds,
        scratch,
        log,
      });
    }

    const after = trackedState();
    const report: BenchReport = {
      commit: gitCommit(root),
      date: started,
      machine: machine(),
      load: {
        connections: SHAPE.connections,
        seconds: SHAPE.seconds,
        runs: RUNS,
        acceptEncoding: SHAPE.acceptEncoding,
      },
      baseline: { ...baselineWeight, rps: baselineRps },
      floor,
      targets,
      filing,
      edge: edgePages,
      smoke: SMOKE,
      checkoutUnchanged: before === null || after === null ? null : before === after,
    };
    printReport(report);
    if (filing) printFiling(filing);
    log(`figures written to ${writeReport(report, RESULTS_DIR)}`);
    // A page that stopped answering (no run got an answer, or errors in the smoke) is the
    // rot the smoke in `npm test` is there to catch; in a full run a few timeouts under
    // load are reported in the table instead.
    const cells = targets.flatMap((t) => t.pages.flatMap((p) => Object.values(p.cells)));
    cells.push(...floor);
    const dead = cells.filter((c) => c.runs.every((r) => r.rps === 0)).length;
    const failing = cells.filter((c) => c.runs.some((r) => r.errors > 0)).length;
    if (filing && (filing.notesPerSecond === 0 || filing.unacknowledged > 0)) {
      throw new Error(`note filing: ${filing.unacknowledged} notes never acknowledged`);
    }
    if (dead > 0 || (SMOKE && failing > 0)) {
      throw new Error(`${dead} pages did not answer, ${failing} had errors`);
    }
    if (report.checkoutUnchanged === false) throw new Error("the bench changed tracked files");
  } finally {
    baselineServer.kill("SIGTERM");
    baseline.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
