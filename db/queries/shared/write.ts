import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { SessionUser } from "@/lib/auth/types";
import { refreshCachedPages } from "../cache";
import type { Database } from "../client";
import { files, type NewAuditEntry } from "../schema";
import { writeAudit } from "./audit";

/**
 * What the staff content modules share (admin-news, admin-events, admin-registrations,
 * admin-directory, admin-users, cases, opinions): who acts, typed refusals, the audit
 * entry of a write, cover images, and refreshing the public pages afterwards.
 *
 * Every write function takes the database (integration tests pass their own) and an
 * `Actor`, runs in one transaction, and writes its audit entry in that transaction.
 */

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

/** The signed-in staff member doing a write, and where from (for the audit log). */
export interface Actor {
  user: SessionUser;
  ip: string;
}

export type CmsErrorCode =
  | "not_found"
  | "forbidden"
  | "out_of_scope"
  | "slug_taken"
  | "username_taken"
  | "phone_taken"
  | "stale"
  | "invalid_state"
  | "in_use"
  | "bad_image"
  | "image_too_large"
  | "personal_data"
  | "not_eligible";

/** A refusal the user can be told about in words; `field` names the form field at fault. */
export class CmsError extends Error {
  constructor(
    readonly code: CmsErrorCode,
    readonly field?: string,
  ) {
    super(`cms: ${code}${field ? ` (${field})` : ""}`);
    this.name = "CmsError";
  }
}

/** The audit entry of a staff write, in that write's transaction. */
export async function auditStaffWrite(
  tx: Executor,
  actor: Actor,
  entry: Pick<NewAuditEntry, "action" | "targetType" | "targetId"> & {
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(tx, {
    action: entry.action,
    actorId: actor.user.id,
    actorLabel: actor.user.username,
    ip: actor.ip,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
  });
}

/** Did the database refuse a duplicate (optionally: on this constraint or index)? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // Drizzle wraps the driver's error (node-postgres or PGlite) in `cause`.
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && (constraint === undefined || name === constraint)) return true;
  }
  return false;
}

/** Did the database refuse a delete because rows still point at this one? */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

/**
 * After a write on the server: refetch the tagged data and drop the rendered public pages.
 * Outside a request (a script, an integration test) there is no cache to refresh.
 */
export function refreshPublicPages(...tags: string[]): void {
  try {
    refreshCachedPages(...tags);
  } catch (error) {
    if (error instanceof Error && /static generation store missing/i.test(error.message)) return;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// Cover images

/** Uploads above this are refused before decoding. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
const MAX_EDGE = 1600;
const MAX_INPUT_PIXELS = 50_000_000;

export interface EncodedImage {
  data: Buffer;
  contentType: "image/jpeg";
  width: number;
  height: number;
}

/**
 * Decodes an upload and writes it again as a JPEG of at most 1600 px a side, turned
 * upright by its EXIF orientation, with no metadata (no GPS, no camera, no author).
 * Anything sharp cannot decode as an image is refused ("bad_image"): a renamed PDF or
 * script never reaches the files table.
 */
export async function reencodeImage(input: Uint8Array): Promise<EncodedImage> {
  if (input.byteLength === 0) throw new CmsError("bad_image", "cover");
  if (input.byteLength > MAX_IMAGE_BYTES) throw new CmsError("image_too_large", "cover");
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: "error",
      animated: false,
    })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, contentType: "image/jpeg", width: info.width, height: info.height };
  } catch {
    throw new CmsError("bad_image", "cover");
  }
}

/**
 * Stores a re-encoded image as a public file (content-addressed: the same picture twice
 * is one row) and returns its id.
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
