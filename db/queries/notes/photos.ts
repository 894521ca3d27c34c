import "server-only";
import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import type { NoteAccessFacts } from "@/lib/notes/access";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { fieldNotes, files, notePhotos } from "../../schema";
import { withDb } from "../with-db";

export interface NotePhotoFile {
  sha256: string;
  contentType: string;
  byteSize: number;
  data: Buffer | null;
  note: NoteAccessFacts;
}

/**
 * A stored note photo and the facts its permission check needs. A member reads only
 * photos of their own notes (author in the WHERE); staff read notes past the draft
 * stage, and `mayViewNotePhoto` then applies their scope.
 */
export async function getNotePhotoForViewerIn(
  db: Database,
  viewer: { id: number; role: UserRole },
  photoId: number,
  options: { withData: boolean },
): Promise<NotePhotoFile | null> {
  const scope: SQL =
    viewer.role === "member" ? eq(fieldNotes.authorId, viewer.id) : ne(fieldNotes.status, "draft");
  const [row] = await db
    .select({
      sha256: files.sha256,
      contentType: files.contentType,
      byteSize: files.byteSize,
      data: options.withData ? files.data : sql<null>`null`,
      authorId: fieldNotes.authorId,
      status: fieldNotes.status,
      sectorId: fieldNotes.sectorId,
      liaisonOfficeIds: sql<
        number[]
      >`array(select o.id from organisations o where o.kind = 'liaison_office' and o.town_id = ${fieldNotes.townId} order by o.id)`,
    })
    .from(notePhotos)
    .innerJoin(fieldNotes, eq(fieldNotes.id, notePhotos.noteId))
    .innerJoin(files, eq(files.id, notePhotos.fileId))
    .where(and(eq(notePhotos.id, photoId), scope));
  if (!row) return null;
  const { authorId, status, sectorId, liaisonOfficeIds, ...file } = row;
  return {
    ...file,
    data: file.data ?? null,
    note: { authorId, status, sectorId, liaisonOfficeIds: (liaisonOfficeIds ?? []).map(Number) },
  };
}

export const getNotePhotoForViewer = withDb(getNotePhotoForViewerIn);
