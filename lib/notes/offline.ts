/**
 * Notes kept on the member's device (pure rules; the IndexedDB and network code is in
 * components/notes/offline/): how a photo is shrunk before it travels, and what becomes of
 * a queued note after each answer from the server.
 */

/** Where a queued note is posted (app/(member)/member/notes/outbox/route.ts), and looked up. */
export const OUTBOX_URL = "/member/notes/outbox";
/** Sent with every outbox request: a header a cross-site form cannot set (CSRF guard). */
export const OUTBOX_HEADER = "x-lvzhi-outbox";
/** The member the queued note belongs to: the server refuses it under another session. */
export const OUTBOX_AUTHOR_HEADER = "x-lvzhi-author";
/** The Background Sync tag the service worker answers to. */
export const OUTBOX_SYNC_TAG = "lvzhi-notes-outbox";

/** The longest side of a photo resized on the device, and its JPEG quality. */
export const RESIZE_MAX_SIDE = 2048;
export const RESIZE_QUALITY = 0.85;

/**
 * The size a photo is drawn at before upload: the longest side at most `maxSide`, the
 * proportions kept, whole pixels, never enlarged. null when it is small enough already.
 */
export function resizedSize(
  width: number,
  height: number,
  maxSide = RESIZE_MAX_SIDE,
): { width: number; height: number } | null {
  if (!(width > 0 && height > 0)) return null;
  const longest = Math.max(width, height);
  if (longest <= maxSide) return null;
  const scale = maxSide / longest;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** A photo kept on the device, with the note it belongs to. */
export interface LocalPhoto {
  key: string;
  name: string;
  type: string;
  blob: Blob;
}

/** Kept on the device: waiting to be sent, or refused by the server (with its reason). */
export type OutboxState = "waiting" | "refused";

/** A note submitted without network: everything needed to post it again, as the form would. */
export interface OutboxEntry {
  clientId: string;
  userId: number;
  title: string;
  /** The form's fields (name, value), intent=submit among them. */
  fields: [string, string][];
  photos: LocalPhoto[];
  queuedAt: number;
  state: OutboxState;
  attempts: number;
  /** Why the server refused it (state "refused"), in the member's words. */
  message?: string;
  /** The note on the server (a refused submission is kept there as a draft). */
  noteId?: number;
}

/** The server's answer to a queued note, as the sender sees it. */
export type OutboxAnswer =
  | { kind: "stored"; noteId: number }
  | { kind: "refused"; message: string; noteId: number | null }
  | { kind: "signed_out" }
  | { kind: "other_user" }
  | { kind: "retry" };

/** The JSON the outbox route answers with. */
export type OutboxResponse =
  | { ok: true; noteId: number; status: string }
  | { ok: false; reason: "refused"; message: string; noteId: number | null }
  | { ok: false; reason: "signed_out" | "other_user" | "bad_request"; message: string };

/**
 * What an HTTP answer means for the queued note. Only a clear answer from our route ends
 * or refuses it; anything else (no network, a proxy's page, a 5xx, a 413 page) is tried
 * again later: the submit is idempotent, so sending twice costs nothing.
 */
export function outboxAnswerOf(status: number, body: unknown): OutboxAnswer {
  const answer = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (status === 200 && answer.ok === true && Number.isSafeInteger(answer.noteId)) {
    return { kind: "stored", noteId: answer.noteId as number };
  }
  if (status === 401 || answer.reason === "signed_out") return { kind: "signed_out" };
  if (status === 409 && answer.reason === "other_user") return { kind: "other_user" };
  if (status === 422 && answer.reason === "refused" && typeof answer.message === "string") {
    const noteId = Number.isSafeInteger(answer.noteId) ? (answer.noteId as number) : null;
    return { kind: "refused", message: answer.message, noteId };
  }
  return { kind: "retry" };
}

/**
 * The entry after an answer: null when it is done (stored: the note is on the server),
 * else the entry to keep. A refused one stays, with the reason, until the member opens it.
 */
export function afterAnswer(entry: OutboxEntry, answer: OutboxAnswer): OutboxEntry | null {
  const tried = { ...entry, attempts: entry.attempts + 1 };
  switch (answer.kind) {
    case "stored":
      return null;
    case "refused":
      return {
        ...tried,
        state: "refused",
        message: answer.message,
        noteId: answer.noteId ?? undefined,
      };
    default:
      return { ...tried, state: "waiting" };
  }
}

/** Entries a sender should post now: waiting ones (of `userId`, when the sender knows it). */
export function sendableEntries(entries: OutboxEntry[], userId?: number): OutboxEntry[] {
  return entries
    .filter((e) => e.state === "waiting" && (userId === undefined || e.userId === userId))
    .sort((a, b) => a.queuedAt - b.queuedAt);
}
