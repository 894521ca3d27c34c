// The soak's processes: building the app when its sources changed, the production server
// (`node server.mjs`) that can be killed and started again, and PostgreSQL's restart.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** Linux's USER_HZ (`getconf CLK_TCK`), the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;

/** What scripts/start.mjs watches: a build older than any of these is rebuilt. */
const SOURCES = [
  "app",
  "components",
  "server",
  "db",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Builds into `distDir` unless its build is newer than every source (like `npm start`). */
export function buildIfStale(distDir: string, log: (message: string) => void) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const stale =
    !existsSync(buildId) ||
    SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);
  if (!stale) {
    log(`the build in ${distDir} is up to date`);
    return;
  }
  log(`building the site into ${distDir} (next build)…`);
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** The first port of [from, to] nobody listens on. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

export interface ServerOptions {
  port: number;
  distDir: string;
  databaseUrl: string;
  authSecret: string;
  /** DATA_ENCRYPTION_KEYS and DATA_INDEX_KEY. */
  dataKeys: Record<string, string>;
  logFile: string;
  /** More of the server's environment (the notification channels). */
  extraEnv?: Record<string, string>;
}

/** `node server.mjs`, started again after each kill; its output goes to one log file. */
export class AppServer {
  private child: ChildProcess | null = null;
  starts = 0;

  constructor(private readonly options: ServerOptions) {}

  get base() {
    return new URL(`http://127.0.0.1:${this.options.port}`);
  }

  /**
   * CPU seconds the running server has used so far, all its threads (libvips, argon2)
   * included: utime + stime from /proc, which a loaded machine does not inflate the
   * way it does wall-clock latency. Null where /proc is missing.
   */
  cpuSeconds(): number | null {
    const pid = this.child?.pid;
    if (!pid) return null;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start at ") ".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  get pid() {
    return this.child?.pid ?? null;
  }

  start() {
    const out = openSync(this.options.logFile, "a");
    this.starts += 1;
    // SOAK_SERVER: another entry point to soak instead (a candidate server.mjs).
    const entry = process.env.SOAK_SERVER || path.join(root, "server.mjs");
    this.child = spawn(process.execPath, [entry], {
      cwd: root,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: this.options.distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: this.options.databaseUrl,
        AUTH_SECRET: this.options.authSecret,
        ...this.options.dataKeys,
        SITE_URL: `http://127.0.0.1:${this.options.port}`,
        PORT: String(this.options.port),
        HOSTNAME: "127.0.0.1",
        // The soak speaks for many clients from 127.0.0.1, each with its X-Forwarded-For.
        TRUSTED_PROXIES: "127.0.0.1",
        ...this.options.extraEnv,
      },
    });
  }

  /** Resolves once /api/health answers 200 (app and database up). */
  async waitHealthy(timeoutMs = 120_000): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(
          `the server exited (code ${this.child.exitCode}); see ${this.options.logFile}`,
        );
      }
      try {
        const response = await fetch(new URL("/api/health", this.base), {
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not become healthy in ${timeoutMs} ms`);
  }

  /** SIGKILL: no shutdown hooks, open requests and transactions simply vanish. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  }

  /** Orderly stop for the end of the run (SIGTERM, then SIGKILL after 5 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Synchronous last resort (process exit handlers cannot wait). */
  killNow() {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

/**
 * `pg_ctl restart -m fast` on scripts/pg-ephemeral.sh's cluster: every connection is cut,
 * the server is down for a moment, then accepts connections again on the same port. As
 * root the cluster belongs to `postgres` (like pg-ephemeral.sh, through runuser).
 */
export async function restartPostgres(ephemeralDir: string): Promise<void> {
  const dataDir = path.join(ephemeralDir, "data");
  // postmaster.opts holds the server binary's full path and the options it was started with
  // (pg_ctl restart reuses them).
  const opts = readFileSync(path.join(dataDir, "postmaster.opts"), "utf8");
  const postgres = /^(\S+)/.exec(opts.trim())?.[1]?.replace(/^"|"$/g, "");
  if (!postgres) throw new Error("cannot read postmaster.opts");
  const pgCtl = path.join(path.dirname(postgres), "pg_ctl");
  const args = [
    "-D",
    dataDir,
    "-m",
    "fast",
    "-w",
    "-t",
    "60",
    "-l",
    path.join(ephemeralDir, "server.log"),
    "restart",
  ];
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? "runuser" : pgCtl;
  const commandArgs = asRoot ? ["-u", "postgres", "--", pgCtl, ...args] : args;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: "/",
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` },
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_ctl restart failed (${code}): ${stderr}`)),
    );
  });
}
