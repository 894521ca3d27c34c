// The bench's edge figures, on PostgreSQL (scripts/bench.ts calls these while its own app
// server is up):
// - nginx in front: the public pages through nginx's proxy_cache (the app's page cache on
//   too), against the static page;
// - scale-out: the uncached pages through nginx load-balancing one app instance, then two
//   on the same PostgreSQL (page cache off), and the second's req/s ÷ the first's, with
//   where the machine's cores went during each (the app instances, this process, which
//   is the load generator, everything else, idle): a second instance can only use what
//   the first left idle.
import { readFileSync } from "node:fs";
import type { AppServer } from "../soak/server";
import type { LoadShape, Measure } from "./measure";
import { measure, warmUp } from "./measure";
import { Nginx } from "./nginx";
import { type Cell, cellOf } from "./report";

export interface EdgePage {
  name: string;
  path: string;
  /** Through nginx's cache. */
  nginxCached?: Cell;
  /** Uncached, nginx in front of one instance, then of two. */
  oneInstance?: Cell;
  twoInstances?: Cell;
  /** Two instances ÷ one: the mean of their ratios to the static page (noise on the machine cancels). */
  speedup?: number;
  /** Cores in use during the runs of oneInstance and twoInstances (null without /proc). */
  oneInstanceCores?: CoreUse | null;
  twoInstancesCores?: CoreUse | null;
}

/** Where the machine's CPU went over a stretch of time, in cores (each 0…cores). */
export interface CoreUse {
  /** The app instances (every thread). */
  app: number;
  /** The bench's own process: the load generator. */
  bench: number;
  /** The rest of the machine: nginx, PostgreSQL, anything else. */
  other: number;
  idle: number;
}

/** The machine's busy and idle CPU seconds so far, from /proc/stat; null without it. */
function machineCpu(): { busy: number; idle: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const [, ...fields] = line.trim().split(/\s+/);
    const t = fields.map(Number);
    // user nice system idle iowait irq softirq steal (guest time is inside user).
    const idle = (t[3] ?? 0) + (t[4] ?? 0);
    const busy = t.slice(0, 8).reduce((a, b) => a + b, 0) - idle;
    return { busy: busy / 100, idle: idle / 100 };
  } catch {
    return null;
  }
}

/** Starts counting; the returned function gives the cores used since. */
function countCores(apps: AppServer[]): () => CoreUse | null {
  const appCpu = () =>
    apps.reduce<number | null>((sum, a) => {
      const s = a.cpuSeconds();
      return sum === null || s === null ? null : sum + s;
    }, 0);
  const started = {
    at: performance.now(),
    machine: machineCpu(),
    app: appCpu(),
    self: process.cpuUsage(),
  };
  return () => {
    const seconds = (performance.now() - started.at) / 1000;
    const machine = machineCpu();
    const app = appCpu();
    if (!started.machine || !machine || started.app === null || app === null) return null;
    const self = process.cpuUsage(started.self);
    const cores = (n: number) => Math.max(0, n / seconds);
    const busy = cores(machine.busy - started.machine.busy);
    const appCores = cores(app - started.app);
    const bench = cores((self.user + self.system) / 1e6);
    return {
      app: appCores,
      bench,
      other: Math.max(0, busy - appCores - bench),
      idle: cores(machine.idle - started.machine.idle),
    };
  };
}

export interface EdgeContext {
  nginx: string;
  shape: LoadShape;
  runs: number;
  freePort: () => Promise<number>;
  /** The static page's figure measured last, and a new measure of it. */
  lastBaseline: () => Promise<Measure>;
  measureBaseline: () => Promise<Measure>;
  log: (message: string) => void;
}

async function measureCell(
  url: string,
  ctx: EdgeContext,
  count?: { apps: AppServer[]; into: (use: CoreUse | null) => void },
): Promise<Cell> {
  await warmUp(url, ctx.shape);
  const before = await ctx.lastBaseline();
  const runs: Measure[] = [];
  const counted = count ? countCores(count.apps) : null;
  for (let i = 0; i < ctx.runs; i++) runs.push(await measure(url, ctx.shape));
  if (count && counted) count.into(counted());
  return cellOf(runs, before, await ctx.measureBaseline());
}

async function withNginx<T>(
  ctx: EdgeContext,
  upstreams: number[],
  cache: boolean,
  work: (base: URL) => Promise<T>,
): Promise<T> {
  const nginx = new Nginx({ binary: ctx.nginx, port: await ctx.freePort(), upstreams, cache });
  nginx.start();
  try {
    await waitUp(nginx.base);
    return await work(nginx.base);
  } finally {
    await nginx.stop();
  }
}

async function waitUp(base: URL) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(new URL("/api/health", base))).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx on ${base} did not come up`);
}

/** The pages through nginx's cache, in front of `app` (its page cache on). */
export async function nginxCached(ctx: EdgeContext, app: AppServer, pages: EdgePage[]) {
  await withNginx(ctx, [Number(app.base.port)], true, async (base) => {
    for (const page of pages) {
      ctx.log(`nginx cache: ${page.name}`);
      const url = new URL(page.path, base).toString();
      const first = await fetch(url);
      await first.arrayBuffer();
      const again = await fetch(url);
      await again.arrayBuffer();
      if (again.headers.get("x-cache") !== "HIT") {
        throw new Error(
          `${page.path}: nginx did not keep it (X-Cache ${again.headers.get("x-cache")}, Cache-Control ${again.headers.get("cache-control")})`,
        );
      }
      page.nginxCached = await measureCell(url, ctx);
    }
  });
}

/**
 * The pages through nginx in front of `app`, then of `app` and a second instance that
 * `startSecond` starts (page cache off on both).
 */
export async function scaleOut(
  ctx: EdgeContext,
  app: AppServer,
  startSecond: () => Promise<AppServer>,
  pages: EdgePage[],
) {
  const measureAll =
    (which: "oneInstance" | "twoInstances", apps: AppServer[]) => async (base: URL) => {
      for (const page of pages) {
        ctx.log(
          `nginx, ${which === "oneInstance" ? "one instance" : "two instances"}: ${page.name}`,
        );
        page[which] = await measureCell(new URL(page.path, base).toString(), ctx, {
          apps,
          into: (use) => {
            page[`${which}Cores`] = use;
          },
        });
      }
    };
  await withNginx(ctx, [Number(app.base.port)], false, measureAll("oneInstance", [app]));
  const second = await startSecond();
  try {
    const ports = [Number(app.base.port), Number(second.base.port)];
    await withNginx(ctx, ports, false, measureAll("twoInstances", [app, second]));
  } finally {
    await second.stop();
  }
  const mean = (cell?: Cell) =>
    cell ? cell.ratios.reduce((n, r) => n + r, 0) / cell.ratios.length : Number.NaN;
  for (const page of pages) page.speedup = mean(page.twoInstances) / mean(page.oneInstance);
}
