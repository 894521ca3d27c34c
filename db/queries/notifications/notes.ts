import "server-only";
import { eq } from "drizzle-orm";
import { type NotificationText, notificationText } from "@/lib/messages/notifications";
import type { NotificationKind } from "@/lib/vocabulary";
import { fieldNotes, users } from "../../schema";
import type { Executor } from "./executor";
import { notify, notifyEach } from "./outbox";
import { committeeVoice, staffForNote } from "./recipients";

/**
 * The notifications a note's changes cause, each written in the change's own transaction
 * (so it exists exactly when the change does): to the author when staff move the note, to
 * the staff whose scope holds it when the author submits it. `key` names the change (the
 * note's new version, or its timeline row), so a change notifies each person once.
 */

const memberNoteLink = (noteId: number) => `/member/notes/${noteId}`;
const staffNoteLink = (noteId: number) => `/admin/notes/${noteId}`;

async function noteFacts(tx: Executor, noteId: number) {
  const [row] = await tx
    .select({ title: fieldNotes.title, authorId: fieldNotes.authorId, author: users.displayName })
    .from(fieldNotes)
    .innerJoin(users, eq(users.id, fieldNotes.authorId))
    .where(eq(fieldNotes.id, noteId));
  if (!row) throw new Error(`notifications: note ${noteId} not found`);
  return row;
}

/** What a staff move tells the author, by the move. */
export type AuthorNews =
  | { kind: "note.returned" | "note.rejected"; reason: string }
  | { kind: "note.accepted" | "note.closed" }
  | { kind: "note.transferred"; departments: string; dueOn: string }
  | { kind: "note.answered"; department: string; answer: string }
  | { kind: "note.public_case"; caseTitle: string; caseLink: string };

/** Tells the note's author what staff did to it. */
export async function notifyNoteAuthor(
  tx: Executor,
  noteId: number,
  key: string,
  news: AuthorNews,
): Promise<boolean> {
  const note = await noteFacts(tx, noteId);
  const { office } = await committeeVoice(tx);
  const noteTitle = note.title;
  let text: NotificationText;
  let link = memberNoteLink(noteId);
  switch (news.kind) {
    case "note.returned":
      text = notificationText.noteReturned({ noteTitle, reason: news.reason, office });
      break;
    case "note.rejected":
      text = notificationText.noteRejected({ noteTitle, reason: news.reason, office });
      break;
    case "note.accepted":
      text = notificationText.noteAccepted({ noteTitle, office });
      break;
    case "note.closed":
      text = notificationText.noteClosed({ noteTitle, office });
      break;
    case "note.transferred":
      text = notificationText.noteTransferred({ noteTitle, ...news });
      break;
    case "note.answered":
      text = notificationText.noteAnswered({ noteTitle, ...news });
      break;
    case "note.public_case":
      text = notificationText.notePublicCase({ noteTitle, caseTitle: news.caseTitle });
      link = news.caseLink;
      break;
  }
  return notify(tx, { to: { userId: note.authorId }, kind: news.kind, key, ...text, link });
}

/** What a move of the note's status tells its author (null: nothing to tell). */
export function authorNewsOfMove(
  action: string,
  reason: string | null,
): Extract<
  AuthorNews,
  { kind: "note.returned" | "note.rejected" | "note.accepted" | "note.closed" }
> | null {
  switch (action) {
    case "return":
      return { kind: "note.returned", reason: reason ?? "" };
    case "reject":
      return { kind: "note.rejected", reason: reason ?? "" };
    case "accept":
      return { kind: "note.accepted" };
    case "close":
      return { kind: "note.closed" };
    default:
      return null;
  }
}

/**
 * Tells the staff whose scope holds the note that its author submitted it (first time) or
 * resubmitted it (after it was returned). Returns how many were told.
 */
export async function notifyStaffOfSubmission(
  tx: Executor,
  noteId: number,
  key: string,
  resubmitted: boolean,
): Promise<number> {
  const note = await noteFacts(tx, noteId);
  const kind: NotificationKind = resubmitted ? "staff.note_resubmitted" : "staff.note_submitted";
  const text = (
    resubmitted ? notificationText.staffNoteResubmitted : notificationText.staffNoteSubmitted
  )({ noteTitle: note.title, author: note.author });
  const staff = (await staffForNote(tx, noteId)).filter((id) => id !== note.authorId);
  return notifyEach(
    tx,
    staff.map((userId) => ({ to: { userId }, kind, key, ...text, link: staffNoteLink(noteId) })),
  );
}
