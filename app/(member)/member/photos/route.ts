import { addNotePhoto } from "@/db/queries/notes/write";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { fillNoteMessage, notesMessages as m, noteErrorMessage } from "@/lib/messages/notes";
import {
  isClientId,
  MAX_PHOTO_BYTES,
  PHOTO_UPLOAD_HEADER,
  type PhotoUploadResult,
} from "@/lib/notes/form-state";
import { isSameOriginRequest } from "@/lib/security/origin";
import { processPhoto } from "@/server/images/photo-processing";
import { noteAuthorOrNull, noteWriterOf } from "@/server/notes/member-context";
import { sharedRateLimiter } from "@/server/rate-limit";

const uploads = sharedRateLimiter("notes:photo-upload", { limit: 90, windowMs: 10 * 60_000 });

const answer = (status: number, body: PhotoUploadResult) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (status: number, message: string) => answer(status, { ok: false, message });

/**
 * One photo for a draft, as the raw request body (`POST /member/photos?clientId=…`),
 * sent by the form's photo picker with XMLHttpRequest so that it can show progress.
 * Authenticate, check, re-encode without metadata, then store it with the draft (made
 * now if the member has typed nothing yet) in one transaction with its audit entry.
 */
export async function POST(request: Request) {
  // From our own pages only (lib/security/origin.ts), before anything else.
  if (!isSameOriginRequest(request.headers, env.SITE_URL)) return refuse(403, m.errors.badRequest);
  const author = await noteAuthorOrNull();
  if (!author) return refuse(401, m.errors.signedOut);
  const writer = noteWriterOf(author);
  if (request.headers.get(PHOTO_UPLOAD_HEADER) !== "1") return refuse(403, m.errors.badRequest);
  const clientId = new URL(request.url).searchParams.get("clientId");
  if (!isClientId(clientId)) return refuse(400, m.errors.badRequest);

  const allowed = await uploads.consume(String(writer.id));
  if (!allowed.allowed) {
    const minutes = Math.max(1, Math.ceil(allowed.retryAfterSeconds / 60));
    return refuse(429, fillNoteMessage(m.errors.rateLimited, { minutes }));
  }

  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_PHOTO_BYTES) {
    return refuse(413, m.fieldErrors.photoTooLarge);
  }
  const body = await readAtMost(request, MAX_PHOTO_BYTES);
  if (body === "too_large") return refuse(413, m.fieldErrors.photoTooLarge);
  // A body shorter than announced was cut on the way: refuse rather than store half a photo.
  if (Number.isFinite(declared) && declared > 0 && body.byteLength !== declared) {
    return refuse(400, m.fieldErrors.photoUnreadable);
  }

  let photo: Awaited<ReturnType<typeof processPhoto>>;
  try {
    photo = await processPhoto(body);
  } catch (error) {
    if (isAppError(error, "not_image", "too_large", "too_many_pixels", "unreadable")) {
      return refuse(422, noteErrorMessage(error.code));
    }
    throw error;
  }

  try {
    const stored = await addNotePhoto(writer, clientId, photo);
    return answer(201, { ok: true, noteId: stored.noteId, photo: stored.photo });
  } catch (error) {
    if (isAppError(error, "too_many_photos", "locked", "not_found")) {
      return refuse(409, noteErrorMessage(error.code));
    }
    console.error("[notes] photo upload failed:", error);
    return refuse(500, m.form.unavailable);
  }
}

/** The body, or "too_large" as soon as it passes `limit` bytes (whatever Content-Length said). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array | "too_large"> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too_large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
