import {
  afterAnswer,
  OUTBOX_AUTHOR_HEADER,
  OUTBOX_HEADER,
  OUTBOX_SYNC_TAG,
  OUTBOX_URL,
  type OutboxEntry,
  outboxAnswerOf,
  sendableEntries,
} from "@/lib/notes/offline";
import { dropOutboxEntry, markUsed, outboxEntries, putOutboxEntry } from "./store";

/**
 * Sends the notes queued on this device, oldest first, from a page or from the service
 * worker (Background Sync). One sender at a time (a Web Lock, where there is one); each
 * note is posted with its client id, so a note the server already has is answered with
 * that note and never filed twice.
 */

export const OUTBOX_CHANNEL = "lvzhi-outbox";

export interface FlushResult {
  sent: number;
  /** The network failed: try again later (Background Sync retries when this is true). */
  offline: boolean;
}

/** The multipart body a queued note is posted with: the form's fields and its photos. */
export function outboxBody(entry: OutboxEntry): FormData {
  const body = new FormData();
  for (const [name, value] of entry.fields) body.append(name, value);
  for (const photo of entry.photos) {
    body.append("photos", new File([photo.blob], photo.name, { type: photo.type }));
  }
  return body;
}

async function sendOne(entry: OutboxEntry): Promise<"sent" | "kept" | "offline"> {
  let response: Response;
  try {
    response = await fetch(OUTBOX_URL, {
      method: "POST",
      body: outboxBody(entry),
      credentials: "same-origin",
      headers: { [OUTBOX_HEADER]: "1", [OUTBOX_AUTHOR_HEADER]: String(entry.userId) },
    });
  } catch {
    return "offline";
  }
  const body = await response.json().catch(() => null);
  const next = afterAnswer(entry, outboxAnswerOf(response.status, body));
  if (next === null) {
    await markUsed(entry.clientId);
    await dropOutboxEntry(entry.clientId);
    return "sent";
  }
  await putOutboxEntry(next);
  return "kept";
}

async function sendAll(userId: number | undefined): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, offline: false };
  for (const entry of sendableEntries(await outboxEntries(userId), userId)) {
    const outcome = await sendOne(entry);
    if (outcome === "offline") {
      result.offline = true;
      break;
    }
    if (outcome === "sent") result.sent += 1;
  }
  return result;
}

/** Sends what is waiting (only `userId`'s from a page; everything from the worker). */
export async function flushOutbox(userId?: number): Promise<FlushResult> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const result = locks
    ? await locks.request(OUTBOX_CHANNEL, () => sendAll(userId))
    : await sendAll(userId);
  announceOutboxChange(result.sent);
  return result;
}

/**
 * Tells the open pages that the queue changed: their waiting lists read it again, and when
 * notes were `sent`, they show the server's list again (components/pwa/member-app.tsx).
 */
export function announceOutboxChange(sent = 0): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage({ type: "changed", sent });
  channel.close();
}

/** Asks the service worker to send the queue when the network is back (where supported). */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    if (!("serviceWorker" in navigator)) return false;
    const registration = (await Promise.race([
      navigator.serviceWorker.ready,
      new Promise((resolve) => setTimeout(resolve, 2_000, null)),
    ])) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | null;
    if (!registration?.sync) return false;
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

/** What the server says of a client id: null when it could not be asked (no network). */
export async function lookupStoredNote(
  clientId: string,
): Promise<{ stored: boolean; noteId: number; submitted: boolean } | null> {
  try {
    const response = await fetch(`${OUTBOX_URL}?clientId=${encodeURIComponent(clientId)}`, {
      headers: { [OUTBOX_HEADER]: "1" },
      cache: "no-store",
      credentials: "same-origin",
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
