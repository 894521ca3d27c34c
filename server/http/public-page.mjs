// @ts-check
// Anonymous public pages, the same bytes for every reader: what makes a response one, how
// it is held back until it is whole (its Content-Security-Policy names the hashes of its
// inline scripts, known only then), and the copy server.mjs keeps and hands out: as is, or
// its gzip or brotli copy, each made once.
//
// A page for a reader with a session, and anything server.mjs does not cache, is rendered
// as before: streamed, with a fresh nonce, `private`.
//
// Plain JavaScript: server.mjs imports it before anything is compiled.
import { createHash } from "node:crypto";
import { brotliCompress, constants, gzipSync } from "node:zlib";
import { inlineScriptHashes, sharedPagePolicy } from "../../lib/security/csp.mjs";

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
 * @property {Buffer | null} br    made off the event loop after a client first asks (brotliOf)
 * @property {boolean} brotliStarted
 * @property {Map<string, { defaults: unknown, head: Record<string, string> }>} [heads]
 *   response heads built so far (serveKept)
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
    br: null,
    brotliStarted: false,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    scriptHashes: page ? inlineScriptHashes(body) : [],
    // With its gzip and brotli copies, made on the first requests for them (about a fifth
    // and a sixth of the page).
    size: Math.ceil(body.length * 1.45) + 1024,
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
 * Brotli at quality 6: a sixth smaller than gzip on these pages, about twice gzip's time;
 * the higher qualities cost 30–60 times as much for a few per cent more.
 */
const BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 6,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

/**
 * The brotli copy of a kept page, or null while it is being made: it is made once, on
 * zlib's thread pool, after the first request that could take it (which gets gzip).
 * @param {PublicPage} page
 * @returns {Buffer | null}
 */
export function brotliOf(page) {
  if (page.br || page.brotliStarted) return page.br;
  page.brotliStarted = true;
  brotliCompress(
    page.body,
    {
      ...BROTLI,
      params: { ...BROTLI.params, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length },
    },
    (error, result) => {
      if (error) console.error("[page-cache] brotli failed:", error.message);
      else page.br = result;
    },
  );
  return null;
}

/**
 * The encoding a client's Accept-Encoding lets it have: brotli, else gzip, else none
 * (the page itself). `;q=0` refuses one.
 * @param {string | undefined} header
 * @returns {"br" | "gzip" | null}
 */
export function chosenEncoding(header) {
  if (!header) return null;
  let gzip = false;
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";");
    const q = params.find((p) => p.trim().startsWith("q="));
    if (q !== undefined && Number(q.trim().slice(2)) === 0) continue;
    const coding = name.trim();
    if (coding === "br") return "br";
    if (coding === "gzip") gzip = true;
  }
  return gzip ? "gzip" : null;
}

/**
 * Answers with a kept page: the same bytes, policy and ETag for everyone, in the
 * encoding the client takes (`vary: Accept-Encoding`), a 304 when it has them.
 * `defaults` (the security headers) go under the page's own; pass the same object every
 * time: the head of each (encoding, scheme, state) is built once per page and reused, and
 * written in one writeHead (with nothing set on `res` before, Node takes it as it is).
 * `brotli: false` is for a page nobody else will be served (not kept): making its brotli
 * copy would cost more CPU than the gzip it is sent as.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {PublicPage} page
 * @param {{ upgrade: boolean, encoding: "br" | "gzip" | null,
 *   ifNoneMatch: string | undefined, state: string,
 *   defaults?: Readonly<Record<string, string>>, brotli?: boolean }} context
 */
export function serveKept(
  req,
  res,
  page,
  { upgrade, encoding, ifNoneMatch, state, defaults, brotli = true },
) {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const br = encoding === "br" && brotli ? brotliOf(page) : null;
  const body = br ?? (encoding ? gzipOf(page) : page.body);
  const coding = br ? "br" : encoding && "gzip";
  const notModified = matchesEtag(ifNoneMatch, page.etag);
  const key = `${coding} ${upgrade} ${state} ${notModified}`;
  page.heads ??= new Map();
  let kept = page.heads.get(key);
  if (!kept || kept.defaults !== defaults) {
    kept = { defaults, head: headOf(page, { upgrade, coding, state, notModified, defaults }) };
    page.heads.set(key, kept);
  }
  if (notModified) {
    res.writeHead(304, kept.head);
    res.end();
    return;
  }
  res.writeHead(page.status, kept.head);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * The response head of a kept page for one encoding, scheme and cache state.
 * @param {PublicPage} page
 * @param {{ upgrade: boolean, coding: "br" | "gzip" | null, state: string,
 *   notModified: boolean, defaults?: Readonly<Record<string, string>> }} options
 * @returns {Record<string, string>}
 */
function headOf(page, { upgrade, coding, state, notModified, defaults }) {
  /** @type {Record<string, string>} */
  const head = {};
  // The page's own headers win over the defaults (as withDefaultHeaders in server.mjs).
  for (const [name, value] of Object.entries(defaults ?? {})) head[name.toLowerCase()] = value;
  Object.assign(head, page.headers, {
    "content-security-policy": sharedPagePolicy(page.scriptHashes, {
      upgradeInsecureRequests: upgrade,
    }),
    etag: etagOf(page.etag, coding),
    "x-page-cache": state,
    // The elder variant is told apart by the proxy's key (docs/nginx/lvzhi.conf), not by
    // Vary: Cookie, which would give every reader with any cookie a copy of their own.
    vary: "Accept-Encoding",
  });
  if (notModified) return head;
  const body = coding === "br" ? page.br : coding === "gzip" ? page.gzip : page.body;
  if (coding) head["content-encoding"] = coding;
  head["content-length"] = String(body?.length ?? 0);
  return head;
}

/**
 * The ETag of one encoding of a page: the identity ETag, or it with `-gz` or `-br` inside
 * the quotes (a compressed copy is a different representation of the same page).
 * @param {string} etag the identity representation's, quoted
 * @param {"br" | "gzip" | null} coding
 */
function etagOf(etag, coding) {
  if (!coding) return etag;
  return `${etag.slice(0, -1)}-${coding === "br" ? "br" : "gz"}"`;
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
 * Does If-None-Match name this representation (identity, its gzip or its brotli)?
 * @param {string | undefined} header
 * @param {string} etag
 */
export function matchesEtag(header, etag) {
  if (!header) return false;
  const gz = etagOf(etag, "gzip");
  const br = etagOf(etag, "br");
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag || t === gz || t === br;
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
