import "server-only";
import type { Actor } from "@/lib/auth/types";
import { refreshCachedPages } from "../../cache";
import type { Database } from "../../client";
import type { NewAuditEntry } from "../../schema";
import { writeAudit } from "../audit/write";

/**
 * What every staff write shares (news, events, registrations, directory, users, cases,
 * opinions): the transaction types, the audit entry of a write, the database's refusal of a
 * duplicate, and refreshing the public pages afterwards.
 *
 * Every write function takes the database (integration tests pass their own) and an
 * `Actor` (lib/auth/types.ts), runs in one transaction, and writes its audit entry in that
 * transaction.
 */

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

/** The audit entry of a staff write, in that write's transaction. */
export async function auditStaffWrite(
  tx: Executor,
  actor: Actor,
  entry: Pick<NewAuditEntry, "action" | "targetType" | "targetId"> & {
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(tx, {
    action: entry.action,
    actorId: actor.user.id,
    actorLabel: actor.user.username,
    ip: actor.ip,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
  });
}

/** Did the database refuse a duplicate (optionally: on this constraint or index)? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // Drizzle wraps the driver's error (node-postgres or PGlite) in `cause`.
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && (constraint === undefined || name === constraint)) return true;
  }
  return false;
}

/**
 * After a write on the server: refetch the tagged data and drop the rendered public pages.
 * Outside a request (a script, an integration test) there is no cache to refresh.
 */
export function refreshPublicPages(...tags: string[]): void {
  try {
    refreshCachedPages(...tags);
  } catch (error) {
    if (error instanceof Error && /static generation store missing/i.test(error.message)) return;
    throw error;
  }
}
