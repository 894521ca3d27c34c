import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { AuditFilters } from "@/lib/audit/filters";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { auditLog } from "../../schema";

export type { AuditFilters } from "@/lib/audit/filters";

// ---------------------------------------------------------------------------------------
// Reading the log (admins): filters, pages, export. Nothing here changes or removes an
// entry; the database refuses it (migration 0001), except for the retention job's archive
// of entries older than AUDIT_RETENTION_DAYS (at least 180; db/retention).
export const AUDIT_PAGE_SIZE = 50;
/** The most entries one CSV export holds (newest first). */
export const AUDIT_EXPORT_LIMIT = 100_000;

export interface AuditRow {
  id: number;
  at: Date;
  actorId: number | null;
  actorLabel: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function auditWhere(filters: AuditFilters): SQL | undefined {
  const actor = filters.actor.trim();
  const action = filters.action.trim();
  const targetType = filters.targetType.trim();
  const targetId = filters.targetId.trim();
  return and(
    actor
      ? /^\d{1,9}$/.test(actor)
        ? or(eq(auditLog.actorId, Number(actor)), eq(auditLog.actorLabel, actor))
        : ilike(auditLog.actorLabel, likeEscape(actor))
      : undefined,
    action
      ? action.endsWith(".")
        ? sql`${auditLog.action} like ${`${likeEscape(action)}%`}`
        : eq(auditLog.action, action)
      : undefined,
    targetType ? eq(auditLog.targetType, targetType) : undefined,
    targetId ? eq(auditLog.targetId, targetId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.to ? lt(auditLog.at, filters.to) : undefined,
  );
}

const rowColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorLabel: auditLog.actorLabel,
  ip: auditLog.ip,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  details: auditLog.details,
};

/** One page of entries, newest first, and how many match (counted up to 10,000). */
export async function listAuditEntries(
  db: Database,
  filters: AuditFilters,
  page: number,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; total: number; more: boolean }> {
  const where = auditWhere(filters);
  const cap = 10_000;
  const [rows, counted] = await Promise.all([
    db
      .select(rowColumns)
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(auditLog)
        .where(where)
        .limit(cap + 1)
        .as("m"),
    ),
  ]);
  const found = counted[0]?.n ?? 0;
  return { rows, total: Math.min(found, cap), more: found > cap };
}

/**
 * Every matching entry, newest first, in batches (keyset on id), for the CSV export:
 * memory stays flat however long the log.
 */
export async function* iterateAuditEntries(
  db: Database,
  filters: AuditFilters,
  options: { batchSize?: number; limit?: number } = {},
): AsyncGenerator<AuditRow[]> {
  const batchSize = options.batchSize ?? 1_000;
  let left = options.limit ?? AUDIT_EXPORT_LIMIT;
  let before: number | null = null;
  while (left > 0) {
    const batch: AuditRow[] = await db
      .select(rowColumns)
      .from(auditLog)
      .where(and(auditWhere(filters), before === null ? undefined : lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(Math.min(batchSize, left));
    if (batch.length === 0) return;
    yield batch;
    left -= batch.length;
    before = batch[batch.length - 1]?.id ?? null;
    if (batch.length < batchSize) return;
  }
}

/** The distinct actions written so far (the filter's suggestions). */
export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .limit(500);
  return rows.map((r) => r.action);
}

/** The oldest entry's time: the log reaches back to here. */
export async function oldestAuditEntry(db: Database): Promise<Date | null> {
  const [row] = await db.select({ at: auditLog.at }).from(auditLog).orderBy(auditLog.at).limit(1);
  return row?.at ?? null;
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function getAuditPage(filters: AuditFilters, page: number) {
  return listAuditEntries(await getDb(), filters, page);
}

export async function getAuditActions() {
  return listAuditActions(await getDb());
}

export async function getOldestAuditEntry() {
  return oldestAuditEntry(await getDb());
}

export async function* exportAuditEntries(filters: AuditFilters): AsyncGenerator<AuditRow[]> {
  yield* iterateAuditEntries(await getDb(), filters);
}
