import "server-only";
import { getImageVariant, saveImageVariant } from "@/db/queries/shared/image-variants";
import { etagMatches } from "@/server/http/responses";
import type { EncodedVariant } from "./variants";

/**
 * Answers a request for one variant of a picture: from the image_variants table when it
 * was made before, else made now by `make()`, stored, and sent. The URL names an
 * unchanging picture, so it may be kept for a year by browsers and CDNs.
 */
export async function serveImageVariant(
  request: Request,
  variant: { key: string; fileId: string | null },
  make: () => Promise<EncodedVariant | null>,
  missing: () => Response,
): Promise<Response> {
  const ifNoneMatch = request.headers.get("if-none-match");
  let stored = await getImageVariant(variant.key, { withData: !ifNoneMatch });
  if (stored && ifNoneMatch && etagMatches(ifNoneMatch, `"${stored.sha256}"`)) {
    return new Response(null, { status: 304, headers: variantHeaders(stored.sha256) });
  }
  if (stored && !stored.data) stored = await getImageVariant(variant.key, { withData: true });
  if (!stored?.data) {
    const made = await make();
    if (!made) return missing();
    stored = await saveImageVariant({ ...made, key: variant.key, fileId: variant.fileId });
  }
  const body = stored.data;
  if (!body) return missing();
  const headers = variantHeaders(stored.sha256);
  headers.set("Content-Type", stored.contentType);
  headers.set("Content-Length", String(body.byteLength));
  return new Response(new Uint8Array(body), { status: 200, headers });
}

function variantHeaders(sha256: string): Headers {
  return new Headers({
    ETag: `"${sha256}"`,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-site",
  });
}
