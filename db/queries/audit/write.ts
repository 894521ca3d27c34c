import "server-only";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { auditLog, type NewAuditEntry } from "../../schema";
import { notifySecurityEvent, securityEventOf } from "../notifications/security";

type Executor = Pick<Database, "insert" | "select">;

/**
 * Appends one entry to the audit log. Pass the transaction of the write it records,
 * so the entry exists exactly when the write does. The table refuses UPDATE and DELETE.
 * An account's security event (lib/vocabulary.ts securityEventActions) also notifies the
 * account holder, in the same transaction (db/queries/notifications/security.ts).
 */
export async function writeAudit(
  executor: Executor,
  entry: Pick<NewAuditEntry, "action"> & Partial<Omit<NewAuditEntry, "id" | "at">>,
): Promise<void> {
  const event = securityEventOf(entry);
  if (!event) {
    await executor.insert(auditLog).values({ details: {}, ...entry });
    return;
  }
  const [row] = await executor
    .insert(auditLog)
    .values({ details: {}, ...entry })
    .returning({ id: auditLog.id });
  if (row) await notifySecurityEvent(executor, row.id, event, entry.actorId);
}

/** An entry on its own (a read worth recording, such as an export): no write to join. */
export async function recordAudit(entry: Parameters<typeof writeAudit>[1]): Promise<void> {
  await writeAudit(await getDb(), entry);
}
