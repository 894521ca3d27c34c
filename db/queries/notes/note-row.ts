import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { changedNoteFields, type NoteFieldsData } from "@/lib/notes/fields";
import type { NoteStatus } from "@/lib/notes/workflow";
import { fieldNotes, noteTransitions } from "../../schema";
import { writeAudit } from "../audit/write";
import { attachPhotos, detachPhotos } from "./photo-rows";
import type { NoteWriter, PhotoChanges, Transaction } from "./types";

export type { NoteSaveResult, NoteSubmitResult, NoteWriter, PhotoChanges } from "./types";

/**
 * The steps every write of a member's note is made of, inside its one transaction: claim
 * (find and lock the note by its client id, creating the draft if need be), apply the
 * content and photos, bump the row, write the audit entry. Never exported beyond
 * db/queries/notes/.
 */

export const contentColumns = {
  title: fieldNotes.title,
  observation: fieldNotes.observation,
  suggestion: fieldNotes.suggestion,
  visitDate: fieldNotes.visitDate,
  townId: fieldNotes.townId,
  place: fieldNotes.place,
  sectorId: fieldNotes.sectorId,
  eventId: fieldNotes.eventId,
  topicId: fieldNotes.topicId,
  category: fieldNotes.category,
  peopleMet: fieldNotes.peopleMet,
};

const lockedNoteColumns = { id: fieldNotes.id, status: fieldNotes.status, ...contentColumns };
export type LockedNote = { id: number; status: NoteStatus } & NoteFieldsData;

/**
 * The writer's note with this client id, locked for the rest of the transaction;
 * created as an empty draft first when `create` and it does not exist yet. Two requests
 * with the same id meet at the unique index: the second waits, then finds the first's row.
 */
export async function claimNote(
  tx: Transaction,
  writer: NoteWriter,
  clientId: string,
  create: boolean,
): Promise<{ note: LockedNote; created: boolean } | null> {
  let created = false;
  if (create) {
    const inserted = await tx
      .insert(fieldNotes)
      .values({ clientId, authorId: writer.id })
      .onConflictDoNothing({ target: [fieldNotes.authorId, fieldNotes.clientId] })
      .returning({ id: fieldNotes.id });
    created = inserted.length > 0;
    if (inserted[0]) {
      await tx.insert(noteTransitions).values({
        noteId: inserted[0].id,
        fromStatus: null,
        toStatus: "draft",
        action: "create",
        actorId: writer.id,
      });
    }
  }
  const [note] = await tx
    .select(lockedNoteColumns)
    .from(fieldNotes)
    .where(and(eq(fieldNotes.authorId, writer.id), eq(fieldNotes.clientId, clientId)))
    .for("update");
  return note ? { note, created } : null;
}

/** The content of `note` replaced by `fields`, photos added and removed; what changed. */
export async function applyContent(
  tx: Transaction,
  writer: NoteWriter,
  note: LockedNote,
  fields: NoteFieldsData | null,
  photos: PhotoChanges,
) {
  const changed = fields ? changedNoteFields(note, fields) : [];
  const removed = await detachPhotos(tx, writer, note.id, photos.remove ?? []);
  const added = await attachPhotos(tx, writer, note.id, photos.add ?? []);
  return { changed, removed, added, touched: changed.length + removed + added.length > 0 };
}

export async function updateNote(
  tx: Transaction,
  writer: NoteWriter,
  noteId: number,
  changes: Partial<NoteFieldsData> & { status?: NoteStatus; submitted?: boolean },
) {
  const { status, submitted, ...fields } = changes;
  const now = new Date();
  await tx
    .update(fieldNotes)
    .set({
      ...fields,
      ...(status ? { status } : {}),
      ...(submitted ? { submittedAt: sql`coalesce(${fieldNotes.submittedAt}, ${now})` } : {}),
      version: sql`${fieldNotes.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(fieldNotes.id, noteId), eq(fieldNotes.authorId, writer.id)));
}

export function auditNote(
  tx: Transaction,
  writer: NoteWriter,
  action: string,
  noteId: number,
  details: Record<string, unknown>,
) {
  return writeAudit(tx, {
    action,
    actorId: writer.id,
    actorLabel: writer.username,
    ip: writer.ip,
    targetType: "field_note",
    targetId: String(noteId),
    details,
  });
}
