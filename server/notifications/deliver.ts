import "server-only";
import type { Database } from "@/db/client";
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  loadDelivery,
  recordDeliveryOutcome,
  renewDeliveryLease,
} from "@/db/queries/notifications/deliveries";
import { deliveryMessages } from "@/lib/messages/notification-delivery";
import { deliveryErrorText, retryDelayMs } from "@/lib/notifications/backoff";
import type { Senders } from "./senders";

/**
 * One pass of the delivery worker: claims what is due (db/queries/notifications/
 * deliveries.ts), sends each on its channel, and records the outcome: sent; skipped when
 * the channel is not configured here or the recipient has no address (or turned the
 * channel off); else tried again later with exponential backoff, and failed after
 * `maxAttempts` with the last error. Tests and the soak call it directly; the server runs
 * it on a schedule (./worker.ts).
 */

export interface DeliverOptions {
  maxAttempts: number;
  /** The clock (tests move it forward to reach a retry). */
  now?: () => Date;
  /** Rows claimed per transaction. */
  batch?: number;
  /** Deliveries of a claimed batch sent at the same time (each under its own lease). */
  concurrency?: number;
  leaseMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export const skipReasons = deliveryMessages.skipped;

export async function deliverDueNow(
  db: Database,
  senders: Senders,
  options: DeliverOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const now = options.now ?? (() => new Date());
  const batch = options.batch ?? 20;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  for (;;) {
    const claimed = await claimDueDeliveries(db, {
      now: now(),
      limit: batch,
      leaseMs: options.leaseMs,
    });
    // A few at a time: a send mostly waits on the mail server or the SMS API, so one at a
    // time leaves the pass idle (about 4 a second measured); each send renews its own lease.
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++];
        if (!delivery) break;
        const outcome = await deliverOne(db, senders, delivery, { ...options, now });
        if (outcome) report[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    if (claimed.length < batch) return report;
  }
}

const DEFAULT_CONCURRENCY = 4;

async function deliverOne(
  db: Database,
  senders: Senders,
  claimed: ClaimedDelivery,
  options: DeliverOptions & { now: () => Date },
): Promise<keyof DeliveryReport | null> {
  const { maxAttempts, now } = options;
  // Still ours, for a full lease from now: another instance cannot take it while it is sent.
  if (!(await renewDeliveryLease(db, claimed, { now: now(), leaseMs: options.leaseMs }))) {
    return null;
  }
  try {
    // Loading is inside the try: a value that cannot be decrypted (a key removed too early)
    // fails this delivery like a refused send, instead of stopping the worker's pass.
    const delivery = await loadDelivery(db, claimed.id);
    if (!delivery) return null;
    const sender = senders[delivery.channel];
    if (!sender || !delivery.address) {
      const reason = sender ? skipReasons.noAddress : skipReasons[delivery.channel];
      await recordDeliveryOutcome(db, claimed, { status: "skipped", reason });
      return "skipped";
    }
    await sender(delivery.address, delivery);
  } catch (error) {
    const text = deliveryErrorText(error);
    if (claimed.attempt >= maxAttempts) {
      await recordDeliveryOutcome(db, claimed, { status: "failed", error: text });
      return "failed";
    }
    const nextAttemptAt = new Date(now().getTime() + retryDelayMs(claimed.attempt));
    await recordDeliveryOutcome(db, claimed, { status: "retry", error: text, nextAttemptAt });
    return "retried";
  }
  await recordDeliveryOutcome(db, claimed, { status: "sent", at: now() });
  return "sent";
}
