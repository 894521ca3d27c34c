import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { ChainEntryText } from "../../lib/audit/chain";
import { ANONYMISED_NAME } from "../../lib/vocabulary";
import type { Database } from "../client";
import { auditLog } from "../schema";
import { pruneStaleCoverVariants } from "./covers";

/**
 * The retention job (issue 11, gap 14), run by the server once at start and then daily
 * (db/retention/schedule.ts) and by `npm run retention`:
 * - registrations of events that ended more than `retentionDays` ago lose name and phone;
 * - opinions on topics closed more than `retentionDays` ago lose name, contact and IP;
 *   both keep the row (counts stay right) and record `anonymised_at`;
 * - audit entries older than `auditRetentionDays` (at least 180) are written to a JSON
 *   Lines file in `archiveDir` (0600), hashes included so the file verifies on its own,
 *   then removed through audit_log_prune(), the only path the database lets delete them;
 * - designed covers no article shows any more (retitled, re-columned, deleted) are
 *   removed from image_variants (./covers.ts);
 * - the run writes one audit entry with its counts.
 * One run at a time across instances sharing a database: a transaction advisory lock.
 */

export const RETENTION_LOCK_KEY = 727_003;
export { ANONYMISED_NAME };

/** A scheduled run is skipped if another instance ran within this long. */
const SCHEDULED_GAP_HOURS = 20;

export interface RetentionOptions {
  retentionDays: number;
  auditRetentionDays: number;
  archiveDir: string;
  /** Scheduled runs skip when one ran recently (another instance); `npm run retention` does not. */
  scheduled?: boolean;
  now?: Date;
  batchSize?: number;
}

export type RetentionReport =
  | { ran: false; reason: "busy" | "recent" }
  | {
      ran: true;
      registrations: number;
      opinions: number;
      auditArchived: number;
      archiveFile: string | null;
      coverVariantsPruned: number;
    };

const DAY_MS = 86_400_000;

export async function runRetention(
  db: Database,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const auditDays = Math.max(180, options.auditRetentionDays);
  const personalCutoff = new Date(now.getTime() - options.retentionDays * DAY_MS);
  const auditCutoff = new Date(now.getTime() - auditDays * DAY_MS);
  return db.transaction(async (tx) => {
    const { rows: locked } = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as "ok"`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!locked[0]?.ok) return { ran: false, reason: "busy" } as const;
    if (options.scheduled) {
      const { rows } = (await tx.execute(sql`
        select 1 from audit_log where action = 'retention.run'
           and at > ${new Date(now.getTime() - SCHEDULED_GAP_HOURS * 3_600_000)} limit 1`)) as unknown as {
        rows: unknown[];
      };
      if (rows.length > 0) return { ran: false, reason: "recent" } as const;
    }

    // The phone's blind index goes with it (db/encryption), so nothing can be matched later.
    const registrations = await tx.execute(sql`
      update registrations r
         set name = ${ANONYMISED_NAME}, phone = '', phone_hash = null, anonymised_at = ${now}
        from events e
       where e.id = r.event_id and e.ends_at < ${personalCutoff} and r.anonymised_at is null`);

    const opinions = await tx.execute(sql`
      update opinions o
         set name = ${ANONYMISED_NAME}, contact = '', ip = null, anonymised_at = ${now}
        from topics t
       where t.id = o.topic_id and not t.open_for_opinions
         and t.opinions_closed_at < ${personalCutoff} and o.anonymised_at is null`);

    const archived = await archiveOldAuditEntries(tx as unknown as Database, {
      cutoff: auditCutoff,
      archiveDir: options.archiveDir,
      batchSize: options.batchSize ?? 2_000,
      now,
    });

    const coverVariantsPruned = await pruneStaleCoverVariants(tx as unknown as Database, now);

    const report = {
      ran: true as const,
      registrations: rowCount(registrations),
      opinions: rowCount(opinions),
      auditArchived: archived.count,
      archiveFile: archived.file,
      coverVariantsPruned,
    };
    await tx.insert(auditLog).values({
      action: "retention.run",
      actorLabel: "system",
      details: {
        retentionDays: options.retentionDays,
        auditRetentionDays: auditDays,
        registrationsAnonymised: report.registrations,
        opinionsAnonymised: report.opinions,
        auditArchived: report.auditArchived,
        archiveFile: archived.file ? path.basename(archived.file) : null,
        coverVariantsPruned,
      },
    });
    return report;
  });
}

function rowCount(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

const ENTRY_COLUMNS = sql`
  id::text as "id", seq::text as "seq", prev_hash as "prevHash", hash,
  (extract(epoch from at) * 1000000)::bigint::text as "atMicros",
  actor_id::text as "actorId", actor_label as "actorLabel", ip, action,
  target_type as "targetType", target_id as "targetId", details::text as "details"`;

/**
 * Writes the oldest entries (a prefix of the chain, all older than the cutoff) to a new
 * JSON Lines file, flushed to disk, then removes them through audit_log_prune().
 */
async function archiveOldAuditEntries(
  tx: Database,
  options: { cutoff: Date; archiveDir: string; batchSize: number; now: Date },
): Promise<{ count: number; file: string | null }> {
  // The chain's prefix that is old enough: everything before the first younger entry.
  const { rows: bounds } = (await tx.execute(sql`
    select (select min(seq) from audit_log)::text as "first",
           coalesce((select min(seq) - 1 from audit_log where at >= ${options.cutoff}),
                    (select max(seq) from audit_log))::text as "through"`)) as unknown as {
    rows: { first: string | null; through: string | null }[];
  };
  const first = Number(bounds[0]?.first ?? Number.NaN);
  const through = Number(bounds[0]?.through ?? Number.NaN);
  if (!Number.isFinite(first) || !Number.isFinite(through) || through < first) {
    return { count: 0, file: null };
  }
  mkdirSync(options.archiveDir, { recursive: true, mode: 0o700 });
  chmodSync(options.archiveDir, 0o700);
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const file = path.join(options.archiveDir, `audit-${first}-${through}-${stamp}.jsonl`);
  const fd = openSync(file, "wx", 0o600);
  let count = 0;
  try {
    let after = first - 1;
    while (after < through) {
      const { rows } = (await tx.execute(sql`
        select ${ENTRY_COLUMNS}, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at"
          from audit_log
         where audit_log.seq > ${after} and audit_log.seq <= ${through}
         order by audit_log.seq
         limit ${options.batchSize}`)) as unknown as { rows: (ChainEntryText & { at: string })[] };
      if (rows.length === 0) break;
      writeSync(fd, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
      count += rows.length;
      after = Number(rows[rows.length - 1]?.seq);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
  const { rows } = (await tx.execute(
    sql`select audit_log_prune(${through}, ${path.basename(file)}) as "removed"`,
  )) as unknown as { rows: { removed: number }[] };
  const removed = Number(rows[0]?.removed ?? 0);
  if (removed !== count) throw new Error(`归档 ${count} 条，但删除了 ${removed} 条`);
  return { count, file };
}
