import { getPublicFile } from "@/db/queries/shared/files";
import { messages } from "@/lib/messages";
import { isUuid } from "@/lib/news/rules";
import { etagMatches, notFoundText } from "@/server/http/responses";

/**
 * A stored file, only when it is public (article covers). Files never change
 * once written (content-addressed), so browsers and CDNs may keep them for a year.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const missing = () => notFoundText(messages.newsPages.files.notFound);
  if (!isUuid(id)) return missing();

  const ifNoneMatch = request.headers.get("if-none-match");
  // A revalidating browser only needs the hash: leave the bytes in the database.
  const file = await getPublicFile(id, { withData: !ifNoneMatch });
  if (!file) return missing();

  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    // Opened directly, a file is inert: no scripts, no plugins, no framing by others.
    "Content-Security-Policy":
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-site",
  });
  if (etagMatches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });

  const body = file.data ?? (await getPublicFile(id, { withData: true }))?.data;
  if (!body) return missing();
  headers.set("Content-Type", file.contentType);
  headers.set("Content-Length", String(body.byteLength));
  return new Response(new Uint8Array(body), { status: 200, headers });
}
