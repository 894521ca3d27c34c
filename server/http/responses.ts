import "server-only";

/** Small HTTP answers shared by the route handlers that serve files and feeds. */

/** Does an If-None-Match header name this ETag (weak or strong, or "*")? */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/** A plain-text 404 for feeds and files, in Chinese. */
export function notFoundText(message: string): Response {
  return new Response(message, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
