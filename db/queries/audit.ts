import "server-only";
import type { Database } from "../client";
import { auditLog, type NewAuditEntry } from "../schema";

type Executor = Pick<Database, "insert">;

/**
 * Appends one entry to the audit log. Pass the transaction of the write it records,
 * so the entry exists exactly when the write does. The table refuses UPDATE and DELETE.
 */
export async function writeAudit(
  executor: Executor,
  entry: Pick<NewAuditEntry, "action"> & Partial<Omit<NewAuditEntry, "id" | "at">>,
): Promise<void> {
  await executor.insert(auditLog).values({ details: {}, ...entry });
}
