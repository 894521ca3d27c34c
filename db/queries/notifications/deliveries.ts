import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DeliveryChannel, NotificationKind } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { openOptional } from "../../encryption/fields";
import { notificationDeliveries, notifications, registrations, users } from "../../schema";

/**
 * The delivery worker's queries (server/notifications/worker.ts). A delivery is claimed in
 * a short transaction: the due rows are locked with `for update skip locked` (another
 * instance skips them instead of waiting, and never takes the same row), their attempt is
 * counted and their next attempt moved a lease ahead; the transaction commits before
 * anything is sent, so no lock is held over the network (and PGlite's one connection stays
 * free). An instance that dies while sending leaves the row to come due again when the
 * lease ends: at least once. The result is written only while the row is still this
 * attempt's (status pending, same attempt count), and a row once sent is never claimed.
 */

const nd = notificationDeliveries;

/** How long a claimed delivery stays with its worker before another may take it. */
export const CLAIM_LEASE_MS = 120_000;

export interface ClaimedDelivery {
  id: number;
  /** This attempt's number (1 for the first). */
  attempt: number;
}

export async function claimDueDeliveries(
  db: Database,
  options: { now: Date; limit: number; leaseMs?: number },
): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(options.now.getTime() + (options.leaseMs ?? CLAIM_LEASE_MS));
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: nd.id, attempts: nd.attempts })
      .from(nd)
      .where(and(eq(nd.status, "pending"), lte(nd.nextAttemptAt, options.now)))
      .orderBy(asc(nd.nextAttemptAt), asc(nd.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(nd)
      .set({ attempts: sql`${nd.attempts} + 1`, nextAttemptAt: leaseUntil })
      .where(
        inArray(
          nd.id,
          due.map((d) => d.id),
        ),
      );
    return due.map((d) => ({ id: d.id, attempt: d.attempts + 1 }));
  });
}

/**
 * Moves a claimed delivery's lease a full lease ahead, right before it is sent, if it is
 * still this attempt's. A batch is sent one delivery after another: without this, the last
 * of a batch sent to a slow server could outlive its lease and be taken and sent by another
 * instance as well. Returns false when the row is no longer ours (then it is not sent).
 */
export async function renewDeliveryLease(
  db: Database,
  claimed: ClaimedDelivery,
  options: { now: Date; leaseMs?: number },
): Promise<boolean> {
  const rows = await db
    .update(nd)
    .set({ nextAttemptAt: new Date(options.now.getTime() + (options.leaseMs ?? CLAIM_LEASE_MS)) })
    .where(and(eq(nd.id, claimed.id), eq(nd.status, "pending"), eq(nd.attempts, claimed.attempt)))
    .returning({ id: nd.id });
  return rows.length > 0;
}

export interface DeliveryToSend {
  id: number;
  channel: DeliveryChannel;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
  /** The e-mail address or phone now (decrypted), or null: none any more, or turned off. */
  address: string | null;
  /** For a registrant: the registration's check-in code (an SMS template may show it). */
  code: string | null;
}

/** What a claimed delivery sends, with the recipient's address as it is now. */
export async function loadDelivery(db: Database, id: number): Promise<DeliveryToSend | null> {
  const [row] = await db
    .select({
      id: nd.id,
      channel: nd.channel,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      dedupeKey: notifications.dedupeKey,
      pinned: nd.address,
      userId: notifications.userId,
      userEmail: users.email,
      userPhone: users.phone,
      byEmail: users.notifyByEmail,
      bySms: users.notifyBySms,
      registrationPhone: registrations.phone,
      code: registrations.code,
      anonymisedAt: registrations.anonymisedAt,
    })
    .from(nd)
    .innerJoin(notifications, eq(notifications.id, nd.notificationId))
    .leftJoin(users, eq(users.id, notifications.userId))
    .leftJoin(registrations, eq(registrations.id, notifications.registrationId))
    .where(eq(nd.id, id));
  if (!row) return null;
  const {
    pinned,
    userId,
    userEmail,
    userPhone,
    byEmail,
    bySms,
    registrationPhone,
    anonymisedAt,
    ...rest
  } = row;
  let address: string | null = null;
  if (pinned !== null) {
    // The notice of a change of the account's channels: to the address before the change.
    address = openOptional("notification_deliveries.address", pinned);
  } else if (row.channel === "email") {
    address = byEmail ? openOptional("users.email", userEmail) : null;
  } else if (userId !== null) {
    address = bySms ? openOptional("users.phone", userPhone) : null;
  } else if (!anonymisedAt) {
    address = openOptional("registrations.phone", registrationPhone);
  }
  return { ...rest, address: address || null };
}

type Outcome =
  | { status: "sent"; at: Date }
  | { status: "skipped"; reason: string }
  | { status: "retry"; error: string; nextAttemptAt: Date }
  | { status: "failed"; error: string };

/**
 * Writes an attempt's outcome, if the row is still this attempt's. Returns false when it
 * was not (an administrator's retry, or another worker after the lease ran out).
 */
export async function recordDeliveryOutcome(
  db: Database,
  claimed: ClaimedDelivery,
  outcome: Outcome,
): Promise<boolean> {
  const values =
    outcome.status === "sent"
      ? { status: "sent" as const, sentAt: outcome.at, lastError: null }
      : outcome.status === "skipped"
        ? { status: "skipped" as const, lastError: outcome.reason }
        : outcome.status === "retry"
          ? { lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt }
          : { status: "failed" as const, lastError: outcome.error };
  const rows = await db
    .update(nd)
    .set(values)
    .where(and(eq(nd.id, claimed.id), eq(nd.status, "pending"), eq(nd.attempts, claimed.attempt)))
    .returning({ id: nd.id });
  return rows.length > 0;
}
