import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { storePublicImage } from "@/db/queries/shared/files";
import { auditStaffWrite, type Executor } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { files, organisations, sectors, towns } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import type { DirectoryPhotoChange, PhotoKind } from "@/lib/directory/schema";

/**
 * The photo of a sector, town or organisation (studio, liaison office): a public file,
 * uploaded in the staff console's 目录 and shown on the public pages. Removing a photo
 * unlinks it; the file stays (files are content-addressed and may be shared).
 */

const photoTables = {
  sectors: { table: sectors, target: "sector" },
  towns: { table: towns, target: "town" },
  organisations: { table: organisations, target: "organisation" },
} as const;

export interface StaffDirectoryPhoto {
  fileId: string;
  width: number | null;
  height: number | null;
}

/** The row's current photo, for the console's form. */
export async function selectDirectoryPhotoIn(
  db: Executor,
  kind: PhotoKind,
  id: number,
): Promise<StaffDirectoryPhoto | null> {
  const { table } = photoTables[kind];
  const [row] = await db
    .select({ fileId: files.id, width: files.width, height: files.height })
    .from(table)
    .innerJoin(files, and(eq(files.id, table.photoFileId), eq(files.visibility, "public")))
    .where(eq(table.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Applies a photo change to a row inside the caller's transaction (the row exists and the
 * actor may manage the directory: the caller checked both), with its own audit entry.
 */
export async function applyDirectoryPhoto(
  tx: Executor,
  actor: Actor,
  kind: PhotoKind,
  id: number,
  change: DirectoryPhotoChange,
): Promise<void> {
  if ("keep" in change) return;
  const { table, target } = photoTables[kind];
  const [before] = await tx
    .select({ photoFileId: table.photoFileId })
    .from(table)
    .where(eq(table.id, id));
  if ("remove" in change && !before?.photoFileId) return;
  const fileId =
    "upload" in change ? await storePublicImage(tx, change.upload, actor.user.id) : null;
  await tx.update(table).set({ photoFileId: fileId }).where(eq(table.id, id));
  await auditStaffWrite(tx, actor, {
    action: "upload" in change ? `${target}.photo.upload` : `${target}.photo.remove`,
    targetType: target,
    targetId: String(id),
    details: { photoFileId: fileId ?? before?.photoFileId ?? null },
  });
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function getDirectoryPhoto(kind: PhotoKind, id: number) {
  return selectDirectoryPhotoIn((await getDb()) as Database, kind, id);
}
