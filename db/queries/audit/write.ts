import "server-only";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { auditLog, type NewAuditEntry } from "../../schema";

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

/** An entry on its own (a read worth recording, such as an export): no write to join. */
export async function recordAudit(entry: Parameters<typeof writeAudit>[1]): Promise<void> {
  await writeAudit(await getDb(), entry);
}
