/**
 * Cross-site request forgery guard for route handlers that change state.
 *
 * A browser names the page a request comes from in `Origin` (every POST from a form or
 * script, in all current browsers) and, when it leaves `Origin` out, in `Referer`. Another
 * site can make a signed-in member's browser post to us, but it cannot make the browser
 * claim our origin. So a state-changing request is accepted only when its Origin (or, if
 * absent, its Referer) is this site:
 * - SITE_URL's origin (the public address, lib/env.ts), or
 * - the address the request was made to: server.mjs writes it into ORIGIN_HEADER from the
 *   socket, Host and, only from TRUSTED_PROXIES, X-Forwarded-Proto/-Host (replacing
 *   anything the client sent); without server.mjs (`next dev`) the Host header's host.
 * `Origin: null` (sandboxed frames, cross-site redirects) is refused. A request with neither
 * header goes through, as Next.js does for server actions: every current browser sends
 * Origin with every POST (Fetch standard), so such a request is not a browser riding a
 * member's cookies but a script of its own, which could as well forge any header.
 *
 * Server actions need none of this: Next.js compares their Origin with the Host (or
 * X-Forwarded-Host) itself and rejects a mismatch (docs: guides/data-security.md,
 * "Server Actions ... compare the Origin header to the Host header"). Auth.js checks its
 * own CSRF token on its POST endpoints.
 */

/** Set by server.mjs on every request: `proto://host` as the browser addressed it. */
export const ORIGIN_HEADER = "x-lvzhi-origin";

/** The answer to a refused request (plain text: it is read by a person, not a script). */
export const CROSS_ORIGIN_MESSAGE = "请求无效：只接受从本站页面提交的操作，请回到本站页面重试。";

type HeaderSource = Pick<Headers, "get">;

/** `scheme://host[:port]` of a URL, lower-cased, default port dropped; null when invalid. */
export function originOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The origins this request may legitimately come from. */
export function siteOrigins(headers: HeaderSource, siteUrl: string): Set<string> {
  const origins = new Set<string>();
  const site = originOf(siteUrl);
  if (site) origins.add(site);
  const addressed = originOf(headers.get(ORIGIN_HEADER));
  if (addressed) {
    origins.add(addressed);
  } else {
    // No server.mjs in front (next dev): the Host the browser addressed, either scheme.
    const host = headers.get("host");
    for (const scheme of ["http", "https"]) {
      const origin = host ? originOf(`${scheme}://${host}`) : null;
      if (origin) origins.add(origin);
    }
  }
  return origins;
}

/**
 * False when the request says it comes from a page elsewhere: its Origin, or when it has
 * none, its Referer, is not this site (or is `null`, or unreadable).
 */
export function isSameOriginRequest(headers: HeaderSource, siteUrl: string): boolean {
  const origin = headers.get("origin");
  const referer = headers.get("referer");
  if (origin === null && referer === null) return true;
  const claimed = originOf(origin ?? referer);
  if (!claimed) return false;
  return siteOrigins(headers, siteUrl).has(claimed);
}

/**
 * Call first thing in a state-changing route handler:
 * `const refused = crossOriginRefusal(request, env.SITE_URL); if (refused) return refused;`
 * Returns the 403 answer for a request from elsewhere, or null to go on.
 */
export function crossOriginRefusal(request: Request, siteUrl: string): Response | null {
  if (isSameOriginRequest(request.headers, siteUrl)) return null;
  return new Response(CROSS_ORIGIN_MESSAGE, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
