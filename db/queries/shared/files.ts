import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { EncodedImage } from "@/lib/images";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { files } from "../../schema";
import type { Executor } from "./write";

/**
 * Stores a re-encoded image (server/images/reencode.ts) as a public file
 * (content-addressed: the same picture twice is one row) and returns its id.
 */
export async function storePublicImage(
  tx: Executor,
  image: EncodedImage,
  createdById: number,
): Promise<string> {
  const sha256 = createHash("sha256").update(image.data).digest("hex");
  const [inserted] = await tx
    .insert(files)
    .values({
      sha256,
      contentType: image.contentType,
      byteSize: image.data.byteLength,
      width: image.width,
      height: image.height,
      data: image.data,
      visibility: "public",
      createdById,
    })
    .onConflictDoNothing({ target: files.sha256 })
    .returning({ id: files.id });
  if (inserted) return inserted.id;
  const [existing] = await tx
    .select({ id: files.id, visibility: files.visibility })
    .from(files)
    .where(eq(files.sha256, sha256));
  if (!existing) throw new Error("file row vanished");
  // The same bytes uploaded before as a private file (a note photo): publishing them as a
  // cover is the staff's choice, made here.
  if (existing.visibility !== "public") {
    await tx.update(files).set({ visibility: "public" }).where(eq(files.id, existing.id));
  }
  return existing.id;
}

export interface PublicFile {
  sha256: string;
  contentType: string;
  byteSize: number;
  data: Buffer | null;
}

/** A stored file, only when it is public; `withData: false` reads just its headers. */
export async function selectPublicFile(
  db: Database,
  id: string,
  options: { withData: boolean },
): Promise<PublicFile | null> {
  const base = {
    sha256: files.sha256,
    contentType: files.contentType,
    byteSize: files.byteSize,
  };
  const where = and(eq(files.id, id), eq(files.visibility, "public"));
  if (!options.withData) {
    const [row] = await db.select(base).from(files).where(where).limit(1);
    return row ? { ...row, data: null } : null;
  }
  const [row] = await db
    .select({ ...base, data: files.data })
    .from(files)
    .where(where)
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Cached reads for the server's pages

/** A public stored file (not cached here: the response is cached by browsers and CDNs). */
export async function getPublicFile(
  id: string,
  options: { withData: boolean },
): Promise<PublicFile | null> {
  return selectPublicFile(await getDb(), id, options);
}
