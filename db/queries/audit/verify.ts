import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import {
  type ChainAnchor,
  ChainChecker,
  type ChainEntryText,
  type ChainResult,
} from "@/lib/audit/chain";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { auditLogAnchors } from "../../schema";

export type { ChainResult } from "@/lib/audit/chain";

/**
 * Proves the audit log's hash chain intact, or names the first broken entry. Every hash is
 * recomputed here in JS from the stored values (read as text), so a changed row is caught
 * even if whoever changed it also replaced the database's hash function. Reads in seq
 * order, `batchSize` rows at a time: memory stays flat however long the log.
 */
export async function verifyAuditChain(
  db: Database,
  options: { batchSize?: number; anchor?: ChainAnchor | null } = {},
): Promise<ChainResult> {
  const batchSize = options.batchSize ?? 2_000;
  const anchor = options.anchor === undefined ? await latestAnchor(db) : options.anchor;
  const checker = new ChainChecker(anchor);
  let after = -1;
  for (;;) {
    const { rows } = (await db.execute(sql`
      select id::text as "id", seq::text as "seq", prev_hash as "prevHash", hash,
             (extract(epoch from at) * 1000000)::bigint::text as "atMicros",
             actor_id::text as "actorId", actor_label as "actorLabel", ip, action,
             target_type as "targetType", target_id as "targetId", details::text as "details"
        from audit_log
       where audit_log.seq > ${after}
       order by audit_log.seq -- the column, not the text alias above
       limit ${batchSize}`)) as unknown as { rows: ChainEntryText[] };
    for (const row of rows) {
      const broken = checker.check(row);
      if (broken) return broken;
    }
    if (rows.length < batchSize) break;
    after = Number(rows[rows.length - 1]?.seq);
  }
  return { ok: true, count: checker.count, head: checker.head(), anchor };
}

/** Where the chain continues after the retention job archived its start, if it did. */
export async function latestAnchor(db: Database): Promise<ChainAnchor | null> {
  const [row] = await db
    .select({ seq: auditLogAnchors.seq, hash: auditLogAnchors.hash })
    .from(auditLogAnchors)
    .orderBy(desc(auditLogAnchors.seq))
    .limit(1);
  return row ?? null;
}

/** The anchor the retention job recorded when it archived entries up to `seq`, if any. */
export async function anchorAt(db: Database, seq: number): Promise<ChainAnchor | null> {
  const [row] = await db
    .select({ seq: auditLogAnchors.seq, hash: auditLogAnchors.hash })
    .from(auditLogAnchors)
    .where(eq(auditLogAnchors.seq, seq));
  return row ?? null;
}

/**
 * The audit page's status line. A retention run between reading the anchor and the first
 * rows would look like a gap at the start of the chain: a broken answer is checked once
 * more before it is shown.
 */
export async function getAuditChainStatus(): Promise<ChainResult> {
  const db = await getDb();
  const first = await verifyAuditChain(db);
  return first.ok ? first : verifyAuditChain(db);
}
