// How many bytes a request may send, by route, enforced by server.mjs before Next reads
// anything: Next's own limit (next.config.js, serverActions.bodySizeLimit) is one number for
// every server action, sized for the nine photos a field note may carry; here each route
// gets what its forms really send. A declared Content-Length over the limit is answered at
// once without reading; a body without one (chunked) is counted as it arrives and cut at
// the limit. The nginx config in docs/deploy.md sets the same sizes per location.

const KB = 1024;
const MB = 1024 * KB;

/**
 * What each class of route may receive. Measured from the forms (multipart, UTF-8, the
 * previous form state travels back with a JavaScript submit), with room to spare.
 */
export const BODY_LIMITS = Object.freeze({
  /** Login steps, invitation, logout, Auth.js: an identifier, a password, a code. */
  auth: 16 * KB,
  /** Everything else a person without an account can post: an opinion (at most a few
   * thousand characters), an event registration, the elder-mode switch. */
  public: 64 * KB,
  /** The member's own pages (account, password, authenticator). */
  member: 256 * KB,
  /** The staff console's forms: articles up to 50,000 characters, reports up to 100,000. */
  staff: 2 * MB,
  /** One photo of a field note as the raw body (15 MB at most, lib/notes/form-state.ts). */
  photoUpload: 16 * MB,
  /** An article with its cover (15 MB at most, server/images/reencode.ts). */
  newsCover: 17 * MB,
  /** The note form without JavaScript: up to nine photos of 15 MB each, the text besides:
   * next.config.js's serverActions.bodySizeLimit, the upper bound of every route. */
  notePhotos: 140 * MB,
});

/** Routes, most specific first: a path prefix (whole segments) and its class. */
const ROUTES = [
  ["/member/photos", "photoUpload"],
  ["/member/notes", "notePhotos"],
  ["/member", "member"],
  ["/admin/news", "newsCover"],
  ["/admin", "staff"],
  ["/login", "auth"],
  ["/invite", "auth"],
  ["/logout", "auth"],
  ["/api/auth", "auth"],
];

/** Classes whose size only a signed-in person's request may use; others get the public one. */
const SIGNED_IN_ONLY = new Set(["member", "staff", "photoUpload", "newsCover", "notePhotos"]);

/**
 * The route class and byte limit for a request path. Without a session cookie nothing larger
 * than a public form is accepted anywhere: the photo and cover routes serve signed-in staff
 * and members only (the app checks the session itself; this only caps what an anonymous
 * client can make the server read).
 * @param {string} url the request target ("/member/notes/new?x=1"); the query is ignored
 * @param {{ signedIn: boolean }} request
 * @returns {{ route: keyof typeof BODY_LIMITS, limit: number }}
 */
export function bodyLimitFor(url, { signedIn }) {
  const path = normalisePath(url);
  const found = ROUTES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  let route = /** @type {keyof typeof BODY_LIMITS} */ (found ? found[1] : "public");
  if (!signedIn && SIGNED_IN_ONLY.has(route)) route = "public";
  return { route, limit: BODY_LIMITS[route] };
}

/** The path as routes are matched: decoded, repeated slashes and dot segments resolved. */
function normalisePath(url) {
  const raw = String(url || "/").split("?", 1)[0] ?? "/";
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // an undecodable path is refused before this is asked
  }
  const segments = [];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

/**
 * Is the declared Content-Length over `limit`? (A malformed one is left to Node, which
 * refuses it before this runs.)
 * @param {import("node:http").IncomingMessage} req
 * @param {number} limit
 */
export function declaresTooMuch(req, limit) {
  const declared = req.headers["content-length"];
  return declared !== undefined && Number(declared) > limit;
}

/**
 * Counts the body as Node's parser hands it over, before any reader sees it; once it passes
 * `limit` bytes, nothing more is passed on and `onOver` is called (once). Node feeds a
 * request's body through its `push`, so wrapping that one method counts every byte whoever
 * reads it (Next, the proxy's copy), without starting the flow early.
 * @param {import("node:http").IncomingMessage} req
 * @param {number} limit
 * @param {() => void} onOver
 */
export function countBody(req, limit, onOver) {
  const push = req.push;
  let seen = 0;
  let over = false;
  req.push = function countedPush(chunk, encoding) {
    if (over) return true; // dropped: read off the wire, never buffered
    if (chunk !== null && chunk !== undefined) {
      seen += chunk.length;
      if (seen > limit) {
        over = true;
        onOver();
        return true;
      }
    }
    return push.call(this, chunk, encoding);
  };
}
