// @ts-check
// Anonymous public pages, the same bytes for every reader: what makes a response one, how
// it is held back until it is whole (its Content-Security-Policy names the hashes of its
// inline scripts, known only then), and the copy server.mjs keeps and hands out.
//
// A page for a reader with a session, and anything server.mjs does not cache, is rendered
// as before: streamed, with a fresh nonce, `private`.
//
// Plain JavaScript: server.mjs imports it before anything is compiled.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { inlineScriptHashes } from "../../lib/security/csp.mjs";

export const ELDER_COOKIE = "lvzhi_elder";
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;

/**
 * Which variant of a public page a request gets, as a shared cache keyed on the raw
 * `lvzhi_elder` cookie would see it (nginx: `$cookie_lvzhi_elder`, the first occurrence,
 * not decoded): "elder" for exactly `lvzhi_elder=1`, "std" for none or `0`. Anything
 * else (a repeated or encoded cookie, a session) gets null: rendered privately, because
 * Next would read it differently from the proxy and the proxy could keep an elder page
 * under the standard key.
 * @param {string} cookieHeader
 * @returns {"elder" | "std" | null}
 */
export function publicVariant(cookieHeader) {
  if (SESSION_COOKIE.test(cookieHeader)) return null;
  const values = [];
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    const name = (at === -1 ? part : part.slice(0, at)).trim();
    if (name === ELDER_COOKIE) values.push(at === -1 ? "" : part.slice(at + 1).trim());
    // Next decodes names too; a proxy does not: an encoded spelling is ambiguous.
    else if (name.includes("%") && safeDecode(name) === ELDER_COOKIE) return null;
  }
  if (values.length === 0) return "std";
  if (values.length > 1) return null;
  return values[0] === "1" ? "elder" : values[0] === "0" ? "std" : null;
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Cache-Control of a kept public page: browsers revalidate every time (a 304 by ETag),
 * shared caches keep it `ttlSeconds` and may serve it stale as long again while they
 * fetch a fresh copy. With the page cache off (0) shared caches keep nothing either.
 * @param {number} ttlSeconds
 */
export function publicCacheControl(ttlSeconds) {
  const ttl = Math.floor(ttlSeconds);
  return ttl > 0
    ? `public, max-age=0, s-maxage=${ttl}, stale-while-revalidate=${ttl}`
    : "public, no-cache";
}

/**
 * @typedef {object} PublicPage
 * @property {number} status
 * @property {Record<string, string>} headers  content type and the like, Cache-Control
 * @property {Buffer} body
 * @property {Buffer | null} gzip  made when a client first asks for it (gzipOf)
 * @property {string} etag       strong, of the bytes
 * @property {string[]} scriptHashes  CSP sources of the inline scripts
 * @property {number} size       bytes it holds in memory
 * @property {number} expires    ms since the epoch
 */

/**
 * The copy of a rendered public page, or null when it must not be shared (not a 200, sets
 * a cookie, not a page or feed, too big, or rendered in the other variant).
 * @param {{ status: number, headers: Record<string, unknown>, body: Buffer,
 *   variant: "elder" | "std", ttlSeconds: number, now: number, maxBytes: number }} rendered
 * @returns {PublicPage | null}
 */
export function keptPage({ status, headers, body, variant, ttlSeconds, now, maxBytes }) {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  if (headers["content-encoding"] !== undefined || body.length > maxBytes) return null;
  const type = String(headers["content-type"] ?? "");
  const page = type.startsWith("text/html");
  if (
    !page &&
    !/^(application\/(rss|atom)\+xml|text\/calendar|application\/xml|text\/plain)/.test(type)
  )
    return null;
  // Kept under the variant the page was rendered in, never under another one.
  if (page && renderedElder(body) !== (variant === "elder")) return null;
  /** @type {Record<string, string>} */
  const kept = {};
  for (const name of ["content-type", "content-disposition", "x-content-type-options", "link"]) {
    if (headers[name] !== undefined) kept[name] = String(headers[name]);
  }
  // The app's own caching headers win (feeds, files); rendered pages get the shared one.
  const own = String(headers["cache-control"] ?? "");
  kept["cache-control"] =
    own && !/no-store|private|no-cache/.test(own) ? own : publicCacheControl(ttlSeconds);
  return {
    status,
    headers: kept,
    body,
    gzip: null,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    scriptHashes: page ? inlineScriptHashes(body) : [],
    // With its gzip copy, made on the first request for it (about a fifth of the page).
    size: Math.ceil(body.length * 1.25) + 1024,
    expires: now + ttlSeconds * 1000,
  };
}

/**
 * The gzip copy of a kept page, made once. (Not before: with the page cache off, or for a
 * client that never asks for gzip, compressing every render would be wasted work.)
 * @param {PublicPage} page
 */
export function gzipOf(page) {
  page.gzip ??= gzipSync(page.body);
  return page.gzip;
}

/**
 * Was this HTML rendered in elder mode (app/layout.tsx puts `elder` on <html>)?
 * @param {Buffer} body
 */
export function renderedElder(body) {
  const head = body.subarray(0, 4096).toString("latin1");
  return /<html[^>]*\sclass="(?:[^"]*\s)?elder(?:\s[^"]*)?"/.test(head);
}

/**
 * Does If-None-Match name this representation (identity or its gzip)?
 * @param {string | undefined} header
 * @param {string} etag
 */
export function matchesEtag(header, etag) {
  if (!header) return false;
  const gz = `${etag.slice(0, -1)}-gz"`;
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag || t === gz;
  });
}

/**
 * Holds back what Next writes to `res` until the response ends, then puts `res` back as
 * it was and hands the status, headers and whole body to `done`, which answers.
 * @param {import("node:http").ServerResponse} res
 * @param {(rendered: { status: number, headers: Record<string, unknown>, body: Buffer }) => void} done
 */
export function holdResponse(res, done) {
  /** @type {Buffer[]} */
  const chunks = [];
  const r = /** @type {any} */ (res);
  const { writeHead, write, end } = r;
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    if (Buffer.isBuffer(chunk)) chunks.push(chunk);
    else if (typeof chunk === "string") {
      const known = typeof encoding === "string" && Buffer.isEncoding(encoding);
      chunks.push(Buffer.from(chunk, known ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
    } else chunks.push(Buffer.from(/** @type {Uint8Array} */ (chunk)));
  };
  /** @param {unknown[]} args */
  const later = (args) => {
    const cb = args.find((a) => typeof a === "function");
    if (cb) process.nextTick(cb);
  };
  r.writeHead = (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) => {
    res.statusCode = status;
    if (typeof rest[0] === "string") res.statusMessage = String(rest.shift());
    const headers = rest[0];
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    } else if (headers && typeof headers === "object") {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    return res;
  };
  r.flushHeaders = () => {};
  r.write = (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) => {
    keep(chunk, rest[0]);
    later(rest);
    return true;
  };
  r.end = (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) => {
    keep(chunk, rest[0]);
    Object.assign(r, { writeHead, write, end });
    delete r.flushHeaders;
    done({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
    later(rest);
    return res;
  };
}
