import { getNotePhotoForViewer } from "@/db/queries/notes/photos";
import { notesMessages as m } from "@/lib/messages/notes";
import { mayViewNotePhoto } from "@/lib/notes/access";
import { getCurrentUser } from "@/server/auth/session";
import { etagMatches, notFoundText } from "@/server/http/responses";

/**
 * A note photo (re-encoded, no metadata), only to those who may see its note: the
 * author, and staff whose scope covers it once submitted. Anyone else, signed in or
 * not, gets the same 404 as for a photo that does not exist. Browsers may keep a copy
 * but must ask again each time (`private, no-cache`), so a revoked session sees nothing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const missing = () => notFoundText(m.errors.photoNotFound);
  if (!/^\d{1,9}$/.test(id)) return missing();
  const photoId = Number(id);

  const user = await getCurrentUser();
  if (!user) return missing();
  const ifNoneMatch = request.headers.get("if-none-match");
  const photo = await getNotePhotoForViewer(user, photoId, { withData: !ifNoneMatch });
  if (!photo || !mayViewNotePhoto(user, photo.note)) return missing();

  const etag = `"${photo.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy":
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
  });
  if (etagMatches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });

  const data =
    photo.data ?? (await getNotePhotoForViewer(user, photoId, { withData: true }))?.data ?? null;
  if (!data) return missing();
  headers.set("Content-Type", photo.contentType);
  headers.set("Content-Length", String(data.byteLength));
  return new Response(new Uint8Array(data), { status: 200, headers });
}
