import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { ProcessedPhoto } from "@/lib/images";
import { MAX_PHOTOS } from "@/lib/notes/form-state";
import { articles, fieldNotes, files, notePhotos } from "../../schema";
import type { NoteWriter, Transaction } from "./types";

/** A note's photos as rows: attached (within the limit), detached, their bytes dropped when unused. */

export async function attachPhotos(
  tx: Transaction,
  writer: NoteWriter,
  noteId: number,
  photos: readonly ProcessedPhoto[],
): Promise<number[]> {
  if (photos.length === 0) return [];
  const [current] = await tx
    .select({ n: count(), lastOrder: sql<number>`coalesce(max(${notePhotos.sortOrder}), -1)` })
    .from(notePhotos)
    .where(eq(notePhotos.noteId, noteId));
  if ((current?.n ?? 0) + photos.length > MAX_PHOTOS)
    throw new AppError("too_many_photos", "photos");
  let sortOrder = Number(current?.lastOrder ?? -1);
  const ids: number[] = [];
  for (const photo of photos) {
    const fileId = await storeFile(tx, writer, photo);
    sortOrder += 1;
    const [inserted] = await tx
      .insert(notePhotos)
      .values({ noteId, fileId, sortOrder })
      .onConflictDoNothing({ target: [notePhotos.noteId, notePhotos.fileId] })
      .returning({ id: notePhotos.id });
    if (inserted) {
      ids.push(inserted.id);
      continue;
    }
    // The same picture twice on one note: it is there once.
    const [existing] = await tx
      .select({ id: notePhotos.id })
      .from(notePhotos)
      .where(and(eq(notePhotos.noteId, noteId), eq(notePhotos.fileId, fileId)));
    if (existing) ids.push(existing.id);
  }
  return ids;
}

/** Files are content-addressed: the same bytes are stored once. */
async function storeFile(tx: Transaction, writer: NoteWriter, photo: ProcessedPhoto) {
  const [inserted] = await tx
    .insert(files)
    .values({
      sha256: photo.sha256,
      contentType: photo.contentType,
      byteSize: photo.byteSize,
      width: photo.width,
      height: photo.height,
      data: photo.data,
      visibility: "private",
      createdById: writer.id,
    })
    .onConflictDoNothing({ target: files.sha256 })
    .returning({ id: files.id });
  if (inserted) return inserted.id;
  const [existing] = await tx
    .select({ id: files.id })
    .from(files)
    .where(eq(files.sha256, photo.sha256));
  if (!existing) throw new Error("notes: stored file vanished");
  return existing.id;
}

export async function detachPhotos(
  tx: Transaction,
  writer: NoteWriter,
  noteId: number,
  photoIds: readonly number[],
) {
  if (photoIds.length === 0) return 0;
  const ownNote = tx
    .select({ id: fieldNotes.id })
    .from(fieldNotes)
    .where(and(eq(fieldNotes.id, noteId), eq(fieldNotes.authorId, writer.id)));
  const rows = await tx
    .delete(notePhotos)
    .where(and(inArray(notePhotos.noteId, ownNote), inArray(notePhotos.id, [...photoIds])))
    .returning({ fileId: notePhotos.fileId });
  for (const { fileId } of rows) await dropFileIfUnused(tx, fileId);
  return rows.length;
}

/**
 * A removed photo's bytes go too, unless something else still uses them. In a
 * savepoint: a reference this module does not know of keeps the file, and the write.
 */
async function dropFileIfUnused(tx: Transaction, fileId: string) {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint
        .delete(files)
        .where(
          and(
            eq(files.id, fileId),
            eq(files.visibility, "private"),
            sql`not exists (select 1 from ${notePhotos} where ${notePhotos.fileId} = ${fileId})`,
            sql`not exists (select 1 from ${articles} where ${articles.coverFileId} = ${fileId})`,
          ),
        );
    });
  } catch (error) {
    console.warn("[notes] photo file kept:", error instanceof Error ? error.message : error);
  }
}
