import "server-only";
import { writeAudit } from "../audit/write";
import type { AuditActor, Transaction } from "./types";

/** The audit entry of a change to one account, in that change's transaction. */
export async function auditAccountChange(
  tx: Transaction,
  action: string,
  input: { userId: number; actor: AuditActor },
  details?: Record<string, unknown>,
): Promise<void> {
  await writeAudit(tx, {
    action,
    ...input.actor,
    targetType: "user",
    targetId: String(input.userId),
    ...(details ? { details } : {}),
  });
}
