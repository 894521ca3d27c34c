// `npm run soak`: load and faults. On a throwaway PostgreSQL server (scripts/pg-ephemeral.sh),
// a fresh database with the demo data, 50 members and one open event with 30 seats; the
// production server (`node server.mjs`) serves it while
//   - 50 members log in and file field notes with one or two photos through the no-JS
//     form, sending a failed submission again (same client id) until it is acknowledged;
//   - 200 readers read pages, search, pull feeds and now and then register for the event;
// and, relative to the run's length, the server is SIGKILLed at 1/3 and 2/3 (and started
// again) and PostgreSQL is restarted (pg_ctl restart -m fast) at 1/2. Then the database
// is checked: every acknowledged note stored exactly once with its photos, every
// acknowledged registration kept, no event over capacity, and every notification those
// changes called for (staff of each note, each registrant) written once and received once by
// a real SMTP server and an SMS API stand-in. Prints throughput and latency
// per kind of request, what each fault cost, and "N lost, N duplicated, N over capacity";
// exits non-zero unless all three are 0.
//
// Environment: SOAK_SECONDS (180), SOAK_MEMBERS (50), SOAK_READERS (200), SOAK_CAPACITY (30),
// NEXT_DIST_DIR (.next; built first when older than the sources, like `npm start`;
// SOAK_BUILD=skip serves it as it is), SOAK_PORT (first free of 3240–3249),
// SOAK_FAULTS=off (load only, for comparison), SOAK_SERVER (another entry point than
// server.mjs, to soak a candidate), SOAK_REGISTER_CHANCE (0.015).
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDataKeys } from "../db/encryption/keys";
import {
  type Acknowledged,
  type LoadContext,
  MemberBrowser,
  type Submission,
} from "./soak/members";
import { drainDeliveries, startSinks, verifyNotifications } from "./soak/notifications";
import { Reader, type RegistrationAck } from "./soak/readers";
import { AppServer, buildIfStale, freePort, restartPostgres } from "./soak/server";
import { createDatabase, fillDatabase, makePhotos } from "./soak/setup";
import { type Fault, Stats } from "./soak/stats";
import { verify } from "./soak/verify";

const serverUrl = process.env.TEST_DATABASE_URL;
const ephemeralDir = process.env.PG_EPHEMERAL_DIR;
if (!serverUrl || !ephemeralDir) {
  throw new Error("run through `npm run soak` (it starts a throwaway PostgreSQL server)");
}
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const MEMBERS = Number(process.env.SOAK_MEMBERS ?? 50);
const READERS = Number(process.env.SOAK_READERS ?? 200);
const CAPACITY = Number(process.env.SOAK_CAPACITY ?? 30);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
/** How long in-flight submissions may keep retrying once the time is up. */
const DRAIN_MS = 60_000;

function log(message: string) {
  const t = started ? `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s ` : "";
  console.log(`[soak] ${t}${message}`);
}

let started = 0;
let server: AppServer | null = null;

// Every process this run started goes with it, also on Ctrl-C or an error.
// (PostgreSQL is stopped by scripts/pg-ephemeral.sh when this process exits.)
process.on("exit", () => server?.killNow());
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.log(`\n[soak] ${signal}: stopping the server and leaving`);
    server?.killNow();
    process.exit(130);
  });
}

async function main() {
  if (process.env.SOAK_BUILD !== "skip") buildIfStale(DIST_DIR, log);

  log("creating the database (migrations, demo data, members, an event with few seats)…");
  const url = await createDatabase(serverUrl as string);
  const runTag = randomBytes(4).toString("hex");
  // Throwaway keys for personal data at rest: the server, the set-up and the check share them.
  const dataKeys = {
    DATA_ENCRYPTION_KEYS: `soak:${randomBytes(32).toString("base64")}`,
    DATA_INDEX_KEY: randomBytes(32).toString("base64"),
  };
  const keyring = resolveDataKeys({
    encryptionKeys: dataKeys.DATA_ENCRYPTION_KEYS,
    indexKey: dataKeys.DATA_INDEX_KEY,
    pgliteDir: "",
  });
  const { members, targets } = await fillDatabase(url, keyring, {
    members: MEMBERS,
    capacity: CAPACITY,
    runTag,
  });
  const photos = await makePhotos(64);

  const port = process.env.SOAK_PORT ? Number(process.env.SOAK_PORT) : await freePort(3240, 3249);
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), "lvzhi-soak-")), "server.log");
  const channels = await startSinks();
  server = new AppServer({
    port,
    distDir: DIST_DIR,
    databaseUrl: url,
    authSecret: randomBytes(32).toString("base64url"),
    dataKeys,
    logFile,
    extraEnv: channels.env,
  });
  const app = server;
  log(`starting node server.mjs on port ${port} (log: ${logFile})…`);
  app.start();
  await app.waitHealthy();

  const stats = new Stats();
  const acknowledged: Acknowledged[] = [];
  const submissions: Submission[] = [];
  const registrations: RegistrationAck[] = [];
  const attemptedPhones: string[] = [];
  let stopping = false;
  let drainDeadline = Number.POSITIVE_INFINITY;
  const ctx: LoadContext = {
    base: app.base,
    stats,
    stopping: () => stopping,
    drainDeadline: () => drainDeadline,
    log,
  };

  log(`load: ${MEMBERS} members filing notes, ${READERS} readers, for ${SECONDS}s`);
  started = Date.now();
  const workers: Promise<void>[] = [];
  members.forEach((member, i) => {
    const browser = new MemberBrowser({
      ctx,
      member,
      ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      photos,
      thinkMs: [1_000, 3_000],
      acknowledged,
      submissions,
    });
    workers.push(browser.run());
  });
  for (let i = 0; i < READERS; i++) {
    const reader = new Reader({
      ctx,
      index: i,
      targets,
      thinkMs: [500, 2_500],
      // ~1 registration per reader per minute or so: the 30 seats go early, then the waiting list.
      registerChance: Number(process.env.SOAK_REGISTER_CHANCE ?? 0.015),
      registrations,
      attempted: attemptedPhones,
    });
    workers.push(reader.run());
  }

  // The faults, at fixed fractions of the run.
  const faultPlan: [number, string, () => Promise<void>][] =
    process.env.SOAK_FAULTS === "off"
      ? []
      : [
          [1 / 3, "server SIGKILL #1", () => killAndRestart(app)],
          [1 / 2, "PostgreSQL restart", () => restartDatabase()],
          [2 / 3, "server SIGKILL #2", () => killAndRestart(app)],
        ];
  // Each fault on time, whatever the state of the previous one; its recovery is watched
  // meanwhile (the health check, the first request served, the first note acknowledged).
  const faultsDone = (async () => {
    const recoveries: Promise<void>[] = [];
    for (const [at, name, act] of faultPlan) {
      const wait = started + at * SECONDS * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopping) break;
      const fault: Fault = {
        name,
        startedAt: Date.now(),
        actedAt: null,
        firstSuccessAt: null,
        recoveredAt: null,
        firstNoteAfter: null,
      };
      stats.faults.push(fault);
      log(`fault: ${name}`);
      await act();
      fault.actedAt = Date.now();
      recoveries.push(
        app.waitHealthy(SECONDS * 1000 + DRAIN_MS).then(
          () => {
            fault.recoveredAt = Date.now();
            log(
              `  ${name}: /api/health answered after ${secondsSince(fault.startedAt, fault.recoveredAt)}`,
            );
          },
          (error: Error) => log(`  ${name}: ${error.message}`),
        ),
      );
    }
    await Promise.all(recoveries);
  })();

  const progress = setInterval(() => {
    log(
      `${acknowledged.length} notes acknowledged, ${registrations.length} registrations, ` +
        `${stats.totalFailures} failed requests, ${stats.totalRetries} retries`,
    );
  }, 15_000);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  stopping = true;
  drainDeadline = Date.now() + DRAIN_MS;
  await faultsDone;
  log("time is up: letting in-flight submissions finish…");
  await Promise.all(workers);
  clearInterval(progress);
  const elapsed = (Date.now() - started) / 1000;

  log("waiting for the server to deliver the notifications still pending…");
  const pending = await drainDeliveries(url, 180_000);
  if (pending > 0) log(`  ${pending} deliveries still pending after 180 s`);
  await app.stop();
  log("checking the database…");
  const verdict = await verify(url, keyring, {
    memberIds: members.map((m) => m.id),
    acknowledged,
    submissions,
    registrations,
    attemptedPhones,
    soakEventId: targets.soakEventId,
  });

  console.log("");
  console.log(
    `Lüzhi soak: ${MEMBERS} members, ${READERS} readers, ${SECONDS}s (+${(elapsed - SECONDS).toFixed(0)}s drain), ` +
      `${os.cpus().length} cores, PostgreSQL ${process.env.PG_EPHEMERAL_VERSION ?? ""}, server started ${app.starts} times`,
  );
  console.log("");
  for (const line of stats.table(elapsed)) console.log(line);
  console.log(
    `reader pages served from the page cache: ${stats.cacheHits} of ${stats.cacheLookups} ` +
      `(${((stats.cacheHits / Math.max(1, stats.cacheLookups)) * 100).toFixed(0)}%)`,
  );
  console.log("");
  console.log(
    "faults (failed requests and retries from the fault until 10 s after the health check answered):",
  );
  for (const fault of stats.faults) {
    const { failed, retries } = stats.duringFault(fault);
    console.log(
      `  ${fault.name.padEnd(20)} at ${secondsSince(started, fault.startedAt).padStart(5)}: ` +
        `first request served after ${secondsSince(fault.startedAt, fault.firstSuccessAt)}, ` +
        `health check after ${secondsSince(fault.startedAt, fault.recoveredAt)}, ` +
        `first note after ${secondsSince(fault.startedAt, fault.firstNoteAfter)}; ` +
        `${failed} requests failed, ${retries} retries`,
    );
  }
  console.log(`  total: ${stats.totalFailures} requests failed, ${stats.totalRetries} retries`);
  if (stats.causes.size > 0) {
    console.log("failed requests by cause:");
    for (const [cause, n] of [...stats.causes].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${String(n).padStart(6)} × ${cause}`);
    }
  }
  if (stats.surprises.size > 0) {
    console.log(
      "refusals seen by members and readers (then retried, or given up when unexpected):",
    );
    for (const [what, n] of stats.surprises) console.log(`  ${String(n).padStart(6)} × ${what}`);
    let i = 0;
    for (const [what, body] of stats.samples) {
      const file = path.join(path.dirname(logFile), `sample-${++i}.html`);
      writeFileSync(file, body);
      console.log(`  (first "${what}" page saved as ${file})`);
    }
  }
  const told = await verifyNotifications(url, channels, {
    memberIds: members.map((m) => m.id),
    soakEventId: targets.soakEventId,
    siteUrl: app.base.origin,
  });
  await channels.close();

  console.log("");
  for (const line of verdict.lines) console.log(line);
  for (const line of told.lines) console.log(line);
  console.log(`server log: ${logFile}`);
  console.log("");
  console.log(
    `${verdict.lost} lost, ${verdict.duplicated} duplicated, ${verdict.overCapacity} over capacity; ` +
      `notifications: ${told.lost} lost, ${told.twice} sent twice` +
      (told.resent > 0 ? ` (${told.resent} resent with the same key after a kill)` : ""),
  );
  if (verdict.lost + verdict.duplicated + verdict.overCapacity + told.lost + told.twice > 0) {
    process.exitCode = 1;
  }
}

function secondsSince(from: number, to: number | null): string {
  return to === null ? "never" : `${((to - from) / 1000).toFixed(1)}s`;
}

async function restartDatabase() {
  const t0 = Date.now();
  await restartPostgres(ephemeralDir as string);
  log(`  pg_ctl restart -m fast done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

async function killAndRestart(app: AppServer) {
  const pid = app.pid;
  await app.kill("SIGKILL");
  log(`  killed the server (pid ${pid}); starting it again`);
  app.start();
}

main().catch((error) => {
  console.error(error);
  server?.killNow();
  process.exit(1);
});
