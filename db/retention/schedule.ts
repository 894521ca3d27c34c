import path from "node:path";
import type { Env } from "../../lib/env";
import type { Database } from "../client";
import { runRetention } from "./index";

const DAY_MS = 86_400_000;
/** First run shortly after start, off the start-up path. */
const FIRST_RUN_DELAY_MS = 60_000;

/** Where archived audit entries go: AUDIT_ARCHIVE_DIR, or `archive/audit` beside PGLITE_DIR. */
export function auditArchiveDir(env: Env): string {
  return path.resolve(
    env.AUDIT_ARCHIVE_DIR ??
      path.join(path.dirname(path.resolve(env.PGLITE_DIR)), "archive", "audit"),
  );
}

export function retentionOptions(env: Env) {
  return {
    retentionDays: env.RETENTION_DAYS,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    archiveDir: auditArchiveDir(env),
  };
}

const holder = globalThis as unknown as { __lvzhiRetention?: NodeJS.Timeout };

/**
 * The server runs the retention job itself: about a minute after start, then every day.
 * With several instances on one database, the job's advisory lock and its "ran in the last
 * 20 hours" check leave the work to one of them. A failed run is logged and tried the next day.
 */
export function startRetentionSchedule(getDb: () => Promise<Database>, env: Env): void {
  if (holder.__lvzhiRetention) return;
  const run = async () => {
    try {
      const report = await runRetention(await getDb(), {
        ...retentionOptions(env),
        scheduled: true,
      });
      if (report.ran) {
        console.log(
          `[lvzhi] retention: ${report.registrations} registrations and ${report.opinions} opinions anonymised, ${report.auditArchived} audit entries archived`,
        );
      }
    } catch (error) {
      console.error(
        "[lvzhi] retention job failed:",
        error instanceof Error ? error.message : error,
      );
    }
  };
  holder.__lvzhiRetention = setTimeout(() => {
    void run();
    holder.__lvzhiRetention = setInterval(() => void run(), DAY_MS);
    holder.__lvzhiRetention.unref();
  }, FIRST_RUN_DELAY_MS);
  holder.__lvzhiRetention.unref();
}
