import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { NoteFormValues } from "@/lib/notes/form-state";
import type { LocalPhoto, OutboxEntry } from "@/lib/notes/offline";

/**
 * What the member's device keeps (IndexedDB, read by the pages and the service worker):
 * - drafts: the form as typed, photos picked without network included, by client id;
 * - outbox: notes submitted without network, until the server has them;
 * - used: client ids already queued, so that a page served from the cache (the same
 *   client id each time) never files a second note under the first one's id.
 * Everything carries the member's user id; nothing is shown or sent for another member.
 */
export interface LocalDraft {
  clientId: string;
  userId: number;
  /** Begun on the new-note page (reopening that page offers it again). */
  isNew: boolean;
  values: NoteFormValues;
  photos: LocalPhoto[];
  updatedAt: number;
}

interface OfflineSchema extends DBSchema {
  drafts: { key: string; value: LocalDraft; indexes: { byUser: number } };
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: number } };
  used: { key: string; value: { clientId: string; at: number } };
}

const DB_NAME = "lvzhi-offline";
let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("drafts", { keyPath: "clientId" }).createIndex("byUser", "userId");
      db.createObjectStore("outbox", { keyPath: "clientId" }).createIndex("byUser", "userId");
      db.createObjectStore("used", { keyPath: "clientId" });
    },
  });
  return opened;
}

export async function saveLocalDraft(draft: LocalDraft): Promise<void> {
  await (await offlineDb()).put("drafts", draft);
}

export async function readLocalDraft(clientId: string): Promise<LocalDraft | undefined> {
  return (await offlineDb()).get("drafts", clientId);
}

/** The member's newest draft begun on the new-note page and not yet submitted. */
export async function latestNewDraft(userId: number): Promise<LocalDraft | undefined> {
  const db = await offlineDb();
  const drafts = await db.getAllFromIndex("drafts", "byUser", userId);
  return drafts.filter((d) => d.isNew).sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

export async function dropLocalDraft(clientId: string): Promise<void> {
  await (await offlineDb()).delete("drafts", clientId);
}

export async function isUsedClientId(clientId: string): Promise<boolean> {
  const db = await offlineDb();
  return (
    (await db.get("used", clientId)) !== undefined ||
    (await db.get("outbox", clientId)) !== undefined
  );
}

/** Queues a note: the draft becomes an outbox entry, in one transaction. */
export async function queueNote(entry: OutboxEntry): Promise<void> {
  const db = await offlineDb();
  const tx = db.transaction(["outbox", "drafts", "used"], "readwrite");
  await Promise.all([
    tx.objectStore("outbox").put(entry),
    tx.objectStore("drafts").delete(entry.clientId),
    tx.objectStore("used").put({ clientId: entry.clientId, at: Date.now() }),
    tx.done,
  ]);
}

export async function markUsed(clientId: string): Promise<void> {
  await (await offlineDb()).put("used", { clientId, at: Date.now() });
}

export async function outboxEntries(userId?: number): Promise<OutboxEntry[]> {
  const db = await offlineDb();
  return userId === undefined
    ? db.getAll("outbox")
    : db.getAllFromIndex("outbox", "byUser", userId);
}

export async function putOutboxEntry(entry: OutboxEntry): Promise<void> {
  await (await offlineDb()).put("outbox", entry);
}

export async function dropOutboxEntry(clientId: string): Promise<void> {
  await (await offlineDb()).delete("outbox", clientId);
}

/** Has a note been sent (or stored) from this device since `time` (ms since the epoch)? */
export async function sentSince(time: number): Promise<boolean> {
  const used = await (await offlineDb()).getAll("used");
  return used.some((entry) => entry.at > time);
}
