import "server-only";
import type { Database } from "@/db/client";
import { findMemberNoteByClientIdIn, type MemberNoteRef } from "@/db/queries/notes/member";
import { getDb } from "@/db/runtime";
import { isClientId } from "@/lib/notes/form-state";
import { OUTBOX_AUTHOR_HEADER, OUTBOX_HEADER } from "@/lib/notes/offline";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { isSameOriginRequest } from "@/lib/security/origin";

/**
 * The checks of the outbox route (app/(member)/member/notes/outbox/route.ts) that come
 * before the session: a queued note is posted by our own pages or service worker only.
 * - Sec-Fetch-Site, where the browser sends it, must say same-origin;
 * - Origin (or Referer) must be this site (lib/security/origin.ts);
 * - our own header must be there: a form on another site cannot set it, and a script
 *   there would need a CORS preflight we never grant.
 * Returns null to go on, else why the request is refused.
 */
export function outboxRequestRefusal(headers: Headers, siteUrl: string): "cross_site" | null {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return "cross_site";
  if (!isSameOriginRequest(headers, siteUrl)) return "cross_site";
  if (headers.get(OUTBOX_HEADER) !== "1") return "cross_site";
  return null;
}

/**
 * The member a queued note was written by, as its sender names it: a note queued under
 * one account on a shared phone is never filed under another one that signed in since.
 * True when the header names someone else.
 */
export function outboxAuthorMismatch(headers: Headers, memberId: number): boolean {
  const claimed = headers.get(OUTBOX_AUTHOR_HEADER);
  return claimed !== null && claimed !== String(memberId);
}

/** What the lookup answers: only ever about the caller's own note. */
export type OwnNoteAnswer =
  | { stored: false }
  | { stored: true; noteId: number; status: MemberNoteRef["status"]; submitted: boolean };

export function ownNoteAnswer(note: MemberNoteRef | null): OwnNoteAnswer {
  if (!note) return { stored: false };
  return {
    stored: true,
    noteId: note.id,
    status: note.status,
    submitted: !isEditableByAuthor(note.status),
  };
}

/** Was the caller's note with this client id stored? (null: not a client id). */
export async function lookupOwnNoteIn(
  db: Database,
  memberId: number,
  clientId: unknown,
): Promise<OwnNoteAnswer | null> {
  if (!isClientId(clientId)) return null;
  return ownNoteAnswer(await findMemberNoteByClientIdIn(db, memberId, clientId));
}

/** lookupOwnNoteIn on the server's database. */
export async function lookupOwnNote(memberId: number, clientId: unknown) {
  return lookupOwnNoteIn(await getDb(), memberId, clientId);
}
