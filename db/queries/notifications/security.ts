import "server-only";
import { authMessages } from "@/lib/messages/auth";
import { deliveryMessages } from "@/lib/messages/notification-delivery";
import { type SecurityEventAction, securityEventActions } from "@/lib/vocabulary";
import type { Database } from "../../client";
import type { NewAuditEntry } from "../../schema";
import { notify } from "./outbox";

type Executor = Pick<Database, "insert" | "select">;
type AuditEntry = Pick<NewAuditEntry, "action"> & Partial<Omit<NewAuditEntry, "id" | "at">>;

/**
 * Is this audit entry one of the account's security events, as the profile lists them
 * (db/queries/users/profile.ts): an action of `securityEventActions` aimed at a user, a
 * failed login only when it locked the account.
 */
export function securityEventOf(
  entry: AuditEntry,
): { action: SecurityEventAction; userId: number } | null {
  if (!(securityEventActions as readonly string[]).includes(entry.action)) return null;
  if (entry.targetType !== "user" || !entry.targetId) return null;
  const userId = Number(entry.targetId);
  if (!Number.isSafeInteger(userId) || userId <= 0) return null;
  if (entry.action === "auth.login.failure") {
    const details = entry.details as Record<string, unknown> | undefined;
    if (!details || !("lockedUntil" in details)) return null;
  }
  return { action: entry.action as SecurityEventAction, userId };
}

/**
 * Tells the account holder of a security event on their channels (kind "account.security"),
 * in the transaction of its audit entry: called by writeAudit, so every place that audits
 * such an event notifies too, and a new one cannot forget to. Keyed by the audit entry.
 */
export async function notifySecurityEvent(
  executor: Executor,
  auditId: number,
  event: { action: SecurityEventAction; userId: number },
  actorId: number | null | undefined,
): Promise<void> {
  const what = authMessages.profile.events[event.action];
  const s = deliveryMessages.security;
  await notify(executor, {
    to: { userId: event.userId },
    kind: "account.security",
    key: `${event.action}:${auditId}`,
    title: `${s.title}：${what}`,
    body: s.body(what, actorId !== event.userId),
    link: s.link,
  });
}
