import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { articles, files, imageVariants, newsColumns } from "../../schema";
import { isPublicArticle } from "../news/public";

/**
 * Pictures in several widths (server/images/variants.ts makes them): read one, store one
 * made on first request, and read what a variant is made from.
 */

export interface StoredVariant {
  contentType: string;
  sha256: string;
  data: Buffer | null;
}

/** A stored variant; `withData: false` reads only its hash (enough to answer a 304). */
export async function selectImageVariant(
  db: Database,
  key: string,
  options: { withData: boolean },
): Promise<StoredVariant | null> {
  const [row] = await db
    .select({
      contentType: imageVariants.contentType,
      sha256: imageVariants.sha256,
      ...(options.withData ? { data: imageVariants.data } : {}),
    })
    .from(imageVariants)
    .where(eq(imageVariants.key, key))
    .limit(1);
  return row ? { ...row, data: "data" in row ? (row.data as Buffer) : null } : null;
}

/**
 * Keeps a variant made on first request. Two requests making the same one at once both
 * succeed: the first row stays, the same bytes (sharp is deterministic) are not stored twice.
 */
export async function insertImageVariant(
  db: Database,
  variant: {
    key: string;
    fileId: string | null;
    contentType: string;
    width: number;
    height: number;
    data: Buffer;
  },
): Promise<StoredVariant> {
  const sha256 = createHash("sha256").update(variant.data).digest("hex");
  await db
    .insert(imageVariants)
    .values({ ...variant, byteSize: variant.data.byteLength, sha256 })
    .onConflictDoNothing({ target: imageVariants.key });
  return { contentType: variant.contentType, sha256, data: variant.data };
}

export interface VariantSource {
  width: number | null;
  height: number | null;
  data: Buffer | null;
}

/** A public file's size (and bytes, when asked): what its variants are made from. */
export async function selectPublicImageSource(
  db: Database,
  id: string,
  options: { withData: boolean },
): Promise<VariantSource | null> {
  const where = and(eq(files.id, id), eq(files.visibility, "public"));
  const [row] = await db
    .select({
      width: files.width,
      height: files.height,
      contentType: files.contentType,
      ...(options.withData ? { data: files.data } : {}),
    })
    .from(files)
    .where(where)
    .limit(1);
  if (!row?.contentType.startsWith("image/")) return null;
  return {
    width: row.width,
    height: row.height,
    data: "data" in row ? (row.data as Buffer) : null,
  };
}

/** A public article's column and title: the words of its designed cover. */
export async function selectDesignedCoverText(
  db: Database,
  articleId: number,
  now: Date,
): Promise<{ columnName: string; title: string } | null> {
  const [row] = await db
    .select({ columnName: newsColumns.name, title: articles.title })
    .from(articles)
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .where(and(eq(articles.id, articleId), isPublicArticle(now)))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// On the server's database (the route handlers; responses are cached by browsers and CDNs)

export async function getImageVariant(key: string, options: { withData: boolean }) {
  return selectImageVariant(await getDb(), key, options);
}

export async function saveImageVariant(variant: Parameters<typeof insertImageVariant>[1]) {
  return insertImageVariant(await getDb(), variant);
}

export async function getPublicImageSource(id: string, options: { withData: boolean }) {
  return selectPublicImageSource(await getDb(), id, options);
}

export async function getDesignedCoverText(articleId: number, now: Date) {
  return selectDesignedCoverText(await getDb(), articleId, now);
}
