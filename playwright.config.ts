import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

/**
 * End-to-end tests against the production build (`next build`, then `node server.mjs`) in
 * Debian's Chromium (never `playwright install`), on these servers:
 * - project "pglite": every spec but those below, on a fresh, empty embedded database
 *   (the server migrates it and loads the demo data itself);
 * - project "postgres": auth.spec.ts and bad-input.spec.ts, on a fresh database of a real
 *   PostgreSQL server, so that a spec can run the account CLI (scripts/user-invite.ts)
 *   beside the running server (an embedded database is one process: the CLI could not
 *   open it);
 * - project "cluster": cluster.spec.ts, on TWO servers (E2E_PORT+2 and +3) sharing one
 *   fresh PostgreSQL database and one Redis (REDIS_URL), page cache on: what one instance
 *   changes, the other serves at once; lockouts and rate limits hold on both.
 * A run that selects only some spec files starts only the server(s) they need.
 *
 * Environment:
 * - E2E_PORT          port of the PGlite server (default 3107)
 * - E2E_PG_PORT       port of the PostgreSQL server (default E2E_PORT+1)
 * - E2E_SKIP_BUILD=1  serve the existing build (scripts/test.sh builds first)
 * - E2E_PGLITE_DIR    PGlite data directory for the server (default: a new temporary one)
 * - TEST_DATABASE_URL a PostgreSQL server to create the e2e databases on (scripts/test.sh
 *                     exports its ephemeral one); unset: scripts/pg-ephemeral.sh starts one
 * - TEST_REDIS_URL    a Redis server for the "cluster" project (scripts/test.sh exports its
 *                     ephemeral one; database 1 is used); unset: scripts/redis-ephemeral.sh
 *                     starts one
 * - DEMO_PASSWORD     the demo accounts' password (default: a fixed test-only one)
 * - CHROMIUM_PATH     browser executable (default /usr/bin/chromium)
 * - E2E_SINK_SMTP_PORT, E2E_SINK_HTTP_PORT  the notification sinks of the "pglite" server
 *                     (default E2E_PORT+50, +51): a real SMTP server, and a stand-in for
 *                     Aliyun's SMS API that checks signatures; what they received is read
 *                     back over HTTP (e2e/mail-sink.ts, e2e/notification-sinks.mjs)
 */
const port = Number(process.env.E2E_PORT || 3107);
const pgPort = Number(process.env.E2E_PG_PORT || port + 1);
const baseURL = `http://127.0.0.1:${port}`;
const pgBaseURL = `http://127.0.0.1:${pgPort}`;
const clusterPorts = [port + 2, port + 3] as const;
const clusterURLs = clusterPorts.map((p) => `http://127.0.0.1:${p}`);
const POSTGRES_SPECS = /(auth|bad-input)\.spec\.ts$/;
const CLUSTER_SPEC = /cluster\.spec\.ts$/;
const NOT_PGLITE_SPECS = /(auth|bad-input|cluster)\.spec\.ts$/;

// Workers inherit the runner's environment: the runner decides and sets these once.
process.env.DEMO_PASSWORD ||= "Lvzhi-e2e-demo-2026";
const authSecret = process.env.AUTH_SECRET || "e2e-only-secret-not-for-production-0123456789";
// Personal data at rest: every server and the account command line (auth-helpers.ts) share
// these (the postgres and cluster servers run in production mode, where they are required).
process.env.DATA_ENCRYPTION_KEYS ||= "e2e:ZTJlLW9ubHktZGF0YS1rZXktbm90LWZvci1wcm9kLTE=";
process.env.DATA_INDEX_KEY ||= "ZTJlLW9ubHktaW5kZXgta2V5LW5vdC1mb3ItcHJvZC0=";

/**
 * Which servers this run needs, from the spec files named on the command line (none
 * named: all). Decided in the runner and handed to the workers through the environment,
 * so that both see the same projects.
 */
function serversWanted(): { pglite: boolean; postgres: boolean; cluster: boolean } {
  if (!process.env.E2E_SERVERS) {
    const args = process.argv.slice(process.argv.indexOf("test") + 1);
    const files = args.filter((a) => !a.startsWith("-") && /spec|e2e|\.ts$/.test(a));
    const projects: string[] = [];
    args.forEach((arg, i) => {
      if (arg === "--project") projects.push(args[i + 1] ?? "");
      else if (arg.startsWith("--project=")) projects.push(arg.slice("--project=".length));
    });
    const needs = (project: string, spec: (file: string) => boolean) =>
      (projects.length === 0 || projects.some((p) => p.includes(project))) &&
      (files.length === 0 || files.some(spec));
    const wantedNow = [
      needs("pglite", (f) => !NOT_PGLITE_SPECS.test(f)) ? "pglite" : "",
      needs("postgres", (f) => POSTGRES_SPECS.test(f)) ? "postgres" : "",
      needs("cluster", (f) => CLUSTER_SPEC.test(f)) ? "cluster" : "",
    ];
    process.env.E2E_SERVERS = wantedNow.join(",");
  }
  const servers = process.env.E2E_SERVERS.split(",");
  return {
    pglite: servers.includes("pglite"),
    postgres: servers.includes("postgres"),
    cluster: servers.includes("cluster"),
  };
}
const wanted = serversWanted();

/**
 * This file is evaluated in the runner and again in each worker; workers inherit the
 * runner's environment, so only the runner makes (and on exit removes) the directory.
 */
function serverDataDir(): string {
  const given = process.env.E2E_PGLITE_DIR;
  if (given) return given;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-e2e-"));
  process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
  const dir = path.join(scratch, "pglite");
  process.env.E2E_PGLITE_DIR = dir;
  return dir;
}

/** Runs a small piece of node-postgres code synchronously (the config cannot await). */
function pgAdmin(url: string, sqlText: string): void {
  const code = `
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.env.ADMIN_URL, connectionTimeoutMillis: 10000 });
    client.connect().then(() => client.query(process.env.SQL)).then(() => client.end())
      .catch((e) => { console.error(e.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ["-e", code], {
    env: { ...process.env, ADMIN_URL: url, SQL: sqlText },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`PostgreSQL: ${result.stderr.trim()}`);
}

/**
 * The PostgreSQL server to make e2e databases on: TEST_DATABASE_URL's, or an ephemeral
 * cluster started here (once per runner; stopped when the runner exits).
 */
let adminUrlMemo: string | null = null;
function postgresAdminUrl(): string {
  if (adminUrlMemo) return adminUrlMemo;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const ephemeralDir = path.join(
      os.tmpdir(),
      `lvzhi-e2e-pg.${process.pid}-${randomBytes(3).toString("hex")}`,
    );
    process.on("exit", () => {
      spawnSync("bash", ["scripts/pg-ephemeral.sh", "stop", ephemeralDir]);
    });
    const started = spawnSync("bash", ["scripts/pg-ephemeral.sh", "start", ephemeralDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const match = /TEST_DATABASE_URL='([^']+)'/.exec(started.stdout ?? "");
    if (started.status !== 0 || !match?.[1]) throw new Error("could not start PostgreSQL for e2e");
    adminUrl = match[1];
  }
  adminUrlMemo = adminUrl;
  return adminUrl;
}

/**
 * A fresh database (its URL also put in process.env[envName], for the workers) on the
 * PostgreSQL server, dropped when the runner exits.
 */
function freshPostgresDatabase(envName: string): string {
  const given = process.env[envName];
  if (given) return given;
  const admin = postgresAdminUrl();
  const name = `lvzhi_e2e_${randomBytes(4).toString("hex")}`;
  pgAdmin(
    admin,
    `create database "${name}" template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env[envName] = url.toString();
  // Registered after the cluster's stop (if any): listeners run in order, so drop first.
  process.prependListener("exit", () => {
    try {
      pgAdmin(admin, `drop database if exists "${name}" with (force)`);
    } catch {
      // the cluster may already be gone
    }
  });
  return url.toString();
}

/**
 * The Redis of the "cluster" project (E2E_REDIS_URL): database 1 of TEST_REDIS_URL's
 * server, or of an ephemeral one started here and stopped when the runner exits.
 */
function clusterRedisUrl(): string {
  const given = process.env.E2E_REDIS_URL;
  if (given) return given;
  let serverUrl = process.env.TEST_REDIS_URL;
  if (!serverUrl) {
    const ephemeralDir = path.join(
      os.tmpdir(),
      `lvzhi-e2e-redis.${process.pid}-${randomBytes(3).toString("hex")}`,
    );
    process.on("exit", () => {
      spawnSync("bash", ["scripts/redis-ephemeral.sh", "stop", ephemeralDir]);
    });
    const started = spawnSync("bash", ["scripts/redis-ephemeral.sh", "start", ephemeralDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const match = /TEST_REDIS_URL='([^']+)'/.exec(started.stdout ?? "");
    if (started.status !== 0 || !match?.[1]) throw new Error("could not start Redis for e2e");
    serverUrl = match[1];
  }
  const url = `${serverUrl.replace(/\/+\d*$/, "")}/1`;
  process.env.E2E_REDIS_URL = url;
  return url;
}

function inheritedEnv(): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

const next = path.join("node_modules", ".bin", "next");
// The production server users run (`npm start`): Next.js behind the page cache.
const serve = "node server.mjs";
const build = process.env.E2E_SKIP_BUILD === "1" ? "" : `${next} build && `;

const commonServerEnv = {
  HOSTNAME: "127.0.0.1",
  // The browser stands in for a reverse proxy: tests speak from several client
  // addresses through X-Forwarded-For, believed only from this trusted peer.
  TRUSTED_PROXIES: "127.0.0.1",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: authSecret,
  DATA_ENCRYPTION_KEYS: process.env.DATA_ENCRYPTION_KEYS,
  DATA_INDEX_KEY: process.env.DATA_INDEX_KEY,
  DEMO_PASSWORD: process.env.DEMO_PASSWORD,
};

const webServers: NonNullable<PlaywrightTestConfig["webServer"]> = [];
const projects: NonNullable<PlaywrightTestConfig["projects"]> = [];

/**
 * Where the "pglite" server sends e-mail and SMS: sinks started for the run (a real SMTP
 * server, and Aliyun's SMS API stood in for by a server that verifies each signature).
 * The specs read what arrived at E2E_SINK_URL (e2e/mail-sink.ts).
 */
const sinkSmtpPort = Number(process.env.E2E_SINK_SMTP_PORT || port + 50);
const sinkHttpPort = Number(process.env.E2E_SINK_HTTP_PORT || port + 51);
process.env.E2E_SINK_URL = `http://127.0.0.1:${sinkHttpPort}`;
const smsKeys = { SMS_ACCESS_KEY_ID: "e2e-key-id", SMS_ACCESS_KEY_SECRET: "e2e-key-secret" };
const deliveryEnv = {
  SMTP_URL: `smtp://127.0.0.1:${sinkSmtpPort}`,
  MAIL_FROM: "履职通 <noreply@lvzhi.example.org>",
  SMS_PROVIDER: "aliyun",
  ...smsKeys,
  SMS_SIGN_NAME: "履职通",
  SMS_TEMPLATE: "SMS_000000001",
  SMS_ENDPOINT: `${process.env.E2E_SINK_URL}/`,
  DELIVERY_POLL_SECONDS: "2",
};

if (wanted.pglite) {
  webServers.push({
    command: "node e2e/notification-sinks.mjs",
    url: `${process.env.E2E_SINK_URL}/_sink/mail`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 2_000 },
    env: {
      ...inheritedEnv(),
      SINK_SMTP_PORT: String(sinkSmtpPort),
      SINK_HTTP_PORT: String(sinkHttpPort),
      ...smsKeys,
    },
  });
  webServers.push({
    command: `${build}${serve}`,
    // 200 once the database is migrated and the demo data loaded (503 until then).
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      ...inheritedEnv(),
      // Always the embedded database, empty at first start: the app migrates it and loads
      // the demo data itself.
      DATABASE_URL: "",
      TEST_DATABASE_URL: "",
      REDIS_URL: "",
      PGLITE_DIR: serverDataDir(),
      DEMO_DATA: "auto",
      SITE_URL: baseURL,
      PORT: String(port),
      ...commonServerEnv,
      ...deliveryEnv,
    },
  });
  projects.push({ name: "pglite", testIgnore: NOT_PGLITE_SPECS, use: { baseURL } });
}

if (wanted.postgres) {
  const databaseUrl = freshPostgresDatabase("E2E_PG_DATABASE_URL");
  webServers.push({
    // Built once by the first server (when there is one); the demo data comes from the
    // seed script, since the server only seeds an embedded database.
    command: `${wanted.pglite ? "" : build}npm run --silent db:seed && ${serve}`,
    url: `${pgBaseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      ...inheritedEnv(),
      DATABASE_URL: databaseUrl,
      TEST_DATABASE_URL: "",
      REDIS_URL: "",
      SITE_URL: pgBaseURL,
      PORT: String(pgPort),
      ...commonServerEnv,
    },
  });
  projects.push({ name: "postgres", testMatch: POSTGRES_SPECS, use: { baseURL: pgBaseURL } });
}

if (wanted.cluster) {
  const databaseUrl = freshPostgresDatabase("E2E_CLUSTER_DATABASE_URL");
  const redisUrl = clusterRedisUrl();
  // The spec reaches each instance by its own address.
  process.env.E2E_CLUSTER_A_URL = clusterURLs[0];
  process.env.E2E_CLUSTER_B_URL = clusterURLs[1];
  clusterPorts.forEach((clusterPort, i) => {
    const first = i === 0;
    // Started one after the other: the first builds (when no other server did) and seeds.
    const prepare = first
      ? `${wanted.pglite || wanted.postgres ? "" : build}npm run --silent db:seed && `
      : "";
    webServers.push({
      command: `${prepare}${serve}`,
      url: `http://127.0.0.1:${clusterPort}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        ...inheritedEnv(),
        DATABASE_URL: databaseUrl,
        TEST_DATABASE_URL: "",
        REDIS_URL: redisUrl,
        // The spec speaks to each instance at its own address.
        SITE_URL: clusterURLs[i] ?? "",
        PORT: String(clusterPort),
        PAGE_CACHE_TTL_SECONDS: "60",
        ...commonServerEnv,
      },
    });
  });
  projects.push({ name: "cluster", testMatch: CLUSTER_SPEC, use: { baseURL: clusterURLs[1] } });
}

export default defineConfig({
  testDir: "e2e",
  // One folder per server port, so runs side by side keep their own traces.
  outputDir: process.env.E2E_PORT ? `test-results-${port}` : "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects,
  webServer: webServers,
});
