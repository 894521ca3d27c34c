import "server-only";
import type { Database } from "@/db/client";
import { onOutboxWrite } from "@/db/queries/notifications/wake";
import { type Env, env as serverEnv } from "@/lib/env";
import { deliveryErrorText } from "@/lib/notifications/backoff";
import { type DeliveryReport, deliverDueNow } from "./deliver";
import { closeSenders, sendersFromEnv } from "./senders";

/**
 * The delivery worker inside the server process (started by instrumentation.ts, never by
 * tests unless they start it): every DELIVERY_POLL_SECONDS, and within a second or two of
 * a new notification (db/queries/notifications/wake.ts), it runs one pass of
 * deliverDueNow. One pass at a time per process; several processes share the work through
 * the claim's row locks.
 */

const START_DELAY_MS = 3_000;
/** After a wake-up: once soon, once more when the notifying transaction has surely committed. */
const WAKE_DELAYS_MS = [200, 1_500] as const;

const holder = globalThis as unknown as { __lvzhiDeliveryWorker?: { stop: () => void } };

type WorkerSettings = Parameters<typeof sendersFromEnv>[0] &
  Pick<Env, "DELIVERY_MAX_ATTEMPTS" | "DELIVERY_POLL_SECONDS">;

export function startDeliveryWorker(getDb: () => Promise<Database>, env: WorkerSettings): void {
  if (holder.__lvzhiDeliveryWorker) return;
  const senders = sendersFromEnv(env);
  let running = false;
  let again = false;
  const pass = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const report = await deliverDueNow(await getDb(), senders, {
          maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
        });
        const { sent, retried, failed, skipped } = report;
        if (retried + failed > 0) {
          console.warn(
            `[lvzhi] notifications: ${sent} sent, ${retried} to retry, ${failed} failed, ${skipped} skipped`,
          );
        }
      } while (again);
    } catch (error) {
      console.error("[lvzhi] notification delivery:", deliveryErrorText(error));
    } finally {
      running = false;
    }
  };
  const later = (ms: number) => setTimeout(() => void pass(), ms).unref();
  const interval = setInterval(() => void pass(), env.DELIVERY_POLL_SECONDS * 1000);
  interval.unref();
  const unsubscribe = onOutboxWrite(() => {
    for (const ms of WAKE_DELAYS_MS) later(ms);
  });
  later(START_DELAY_MS);
  const channels = Object.entries(senders)
    .filter(([, sender]) => sender)
    .map(([channel]) => channel);
  console.log(
    `[lvzhi] notification delivery: ${channels.length ? channels.join(", ") : "in-app only (no e-mail or SMS configured)"}`,
  );
  holder.__lvzhiDeliveryWorker = {
    stop: () => {
      clearInterval(interval);
      unsubscribe();
      closeSenders(senders);
      holder.__lvzhiDeliveryWorker = undefined;
    },
  };
}

/** Stops this process's worker (tests; a pass under way finishes on its own). */
export function stopDeliveryWorker(): void {
  holder.__lvzhiDeliveryWorker?.stop();
}

/**
 * One pass now, with this server's channels (or the given settings): what the soak and
 * scripts call to send what is due without waiting for the worker.
 */
export async function sendDueNotificationsNow(
  db: Database,
  settings: WorkerSettings = serverEnv,
): Promise<DeliveryReport> {
  const senders = sendersFromEnv(settings);
  try {
    return await deliverDueNow(db, senders, { maxAttempts: settings.DELIVERY_MAX_ATTEMPTS });
  } finally {
    closeSenders(senders);
  }
}
