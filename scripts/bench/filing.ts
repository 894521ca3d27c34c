// The filing bench (issue 14, item 5): members filing field notes with photos, nothing
// else on the server and no faults, on PostgreSQL. The same members as the soak
// (scripts/soak/members.ts: a phone without JavaScript, logging in through the form, one
// or two ~30 KB photos a note, 1–3 s between notes), so the two figures compare: the
// soak's is this load plus 200 readers and three faults.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { resolveDataKeys } from "../../db/encryption/keys";
import {
  type Acknowledged,
  type LoadContext,
  MemberBrowser,
  type Submission,
} from "../soak/members";
import { AppServer, freePort } from "../soak/server";
import { createDatabase, fillDatabase, makePhotos } from "../soak/setup";
import { type KindSummary, Stats } from "../soak/stats";

export interface FilingResult {
  members: number;
  seconds: number;
  /** Notes acknowledged (303 to the note's page) per second over the run. */
  notesPerSecond: number;
  submit: KindSummary;
  form: KindSummary;
  /** The note's page the member lands on after filing, and one of its photos. */
  notePage: KindSummary;
  photo: KindSummary;
  /**
   * The app server's CPU per acknowledged note over the run, milliseconds, a note's
   * whole round (form, submit, the note's page, a photo) and every thread of the
   * process. Not PostgreSQL's. Null where /proc is missing.
   */
  cpuMsPerNote: number | null;
  /** Submissions the site never acknowledged by the end of the drain. */
  unacknowledged: number;
  /**
   * Cores the app server used over the run (its CPU seconds ÷ the run's seconds): near 1
   * and more, its one JavaScript thread is busy all the time and requests queue.
   */
  serverCores: number | null;
  /**
   * Notes a second the members would file were every answer instant: each files again a
   * think time (THINK_MS, 2 s on average) after the last was acknowledged.
   */
  askedPerSecond: number;
}

/** Between a member's notes: reading the note just filed, walking to the next visit. */
const THINK_MS: [number, number] = [1_000, 3_000];

export interface FilingOptions {
  serverUrl: string;
  members: number;
  seconds: number;
  scratch: string;
  log: (message: string) => void;
}

export async function benchFiling(options: FilingOptions): Promise<FilingResult> {
  const { members: count, seconds, log } = options;
  log(`filing: ${count} members with photos, ${seconds}s, no readers, no faults`);
  const url = await createDatabase(options.serverUrl);
  const dataKeys = {
    DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    DATA_INDEX_KEY: randomBytes(32).toString("base64"),
  };
  const keyring = resolveDataKeys({
    encryptionKeys: dataKeys.DATA_ENCRYPTION_KEYS,
    indexKey: dataKeys.DATA_INDEX_KEY,
    pgliteDir: "",
  });
  const { members } = await fillDatabase(url, keyring, {
    members: count,
    capacity: 30,
    runTag: randomBytes(4).toString("hex"),
  });
  const photos = await makePhotos(32);
  const port = await freePort(3800, 3849);
  const server = new AppServer({
    port,
    distDir: ".next",
    databaseUrl: url,
    authSecret: randomBytes(32).toString("base64url"),
    dataKeys,
    logFile: path.join(options.scratch, "filing.log"),
  });
  server.start();
  try {
    await server.waitHealthy(180_000);
    const acknowledged: Acknowledged[] = [];
    const submissions: Submission[] = [];
    let stopping = false;
    let drainDeadline = Number.POSITIVE_INFINITY;
    const ctx: LoadContext = {
      base: server.base,
      stats: new Stats(),
      stopping: () => stopping,
      drainDeadline: () => drainDeadline,
      log,
    };
    const browsers = members.map(
      (member, i) =>
        new MemberBrowser({
          ctx,
          member,
          ip: `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`,
          photos,
          thinkMs: THINK_MS,
          // Even a few-second smoke has every member file at least once.
          startSpreadMs: Math.min(5_000, (seconds * 1000) / 2),
          acknowledged,
          submissions,
        }),
    );
    // Signing in (argon2id, ~50 hashes) is not filing: done before the clock starts, a
    // few at a time as phones would, then the figures start from zero.
    for (let i = 0; i < browsers.length; i += 8) {
      await Promise.all(browsers.slice(i, i + 8).map((b) => b.signIn()));
    }
    ctx.stats = new Stats();
    const cpuBefore = server.cpuSeconds();
    const started = Date.now();
    const workers = browsers.map((b) => b.run());
    await new Promise((r) => setTimeout(r, seconds * 1000));
    stopping = true;
    drainDeadline = Date.now() + 30_000;
    await Promise.all(workers);
    const elapsed = (Date.now() - started) / 1000;
    const cpuAfter = server.cpuSeconds();
    const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    const cpuMsPerNote =
      cpuSeconds === null || acknowledged.length === 0
        ? null
        : Math.round((cpuSeconds * 1000) / acknowledged.length);
    return {
      members: count,
      seconds: Math.round(elapsed),
      notesPerSecond: acknowledged.length / elapsed,
      submit: ctx.stats.summary("note submit"),
      form: ctx.stats.summary("note form"),
      notePage: ctx.stats.summary("note page"),
      photo: ctx.stats.summary("photo"),
      cpuMsPerNote,
      unacknowledged: submissions.filter((s) => !s.acknowledged).length,
      serverCores: cpuSeconds === null ? null : cpuSeconds / elapsed,
      askedPerSecond: count / ((THINK_MS[0] + THINK_MS[1]) / 2 / 1000),
    };
  } finally {
    await server.stop();
  }
}

export function printFiling(result: FilingResult) {
  const { submit, form, notePage, photo } = result;
  console.log("");
  console.log(
    `note filing, PostgreSQL: ${result.members} members with photos, ${result.seconds}s, no readers, no faults`,
  );
  console.log(
    `  ${result.notesPerSecond.toFixed(1)} notes/s acknowledged; submit p50 ${submit.p50} ms, p95 ${submit.p95} ms ` +
      `(${submit.count} requests, ${submit.errors} failed); ${result.unacknowledged} never acknowledged`,
  );
  console.log(
    `  around it: note form p50 ${form.p50} / p95 ${form.p95} ms, the note's page p50 ${notePage.p50} / ` +
      `p95 ${notePage.p95} ms, a photo p50 ${photo.p50} / p95 ${photo.p95} ms; ` +
      `the server's CPU ${result.cpuMsPerNote ?? "?"} ms a note (all four requests)`,
  );
  console.log(
    `  the members would file ${result.askedPerSecond.toFixed(1)} notes/s were every answer instant; ` +
      `the server used ${result.serverCores?.toFixed(2) ?? "?"} cores for ${result.notesPerSecond.toFixed(1)}`,
  );
}
