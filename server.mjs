// The production server: Next.js behind a small in-memory page cache.
//
// Public pages are rendered on the server from the database. Rendering is the
// expensive part, so a rendered public page (no session, no personal data) is kept
// in memory and served as is until content changes: every write calls
// refreshCachedPages() (db/cache.ts), which empties this cache through
// globalThis.__lvzhiPageCache, and an entry also expires after PAGE_CACHE_TTL_SECONDS
// so that scheduled articles appear on time.
//
// Environment (this is the process entry point; the app itself reads lib/env.ts):
//   PORT (3000), HOSTNAME (0.0.0.0), PAGE_CACHE_TTL_SECONDS (60; 0 turns the cache off),
//   PAGE_CACHE_MAX_MB (64), TRUSTED_PROXIES (comma-separated addresses of reverse proxies
//   whose X-Forwarded-For is believed; default none).
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";

// React and Next pick their production builds from NODE_ENV, read when they load.
process.env.NODE_ENV ??= "production";

const root = path.dirname(new URL(import.meta.url).pathname);
const port = Number.parseInt(process.env.PORT || "3000", 10);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const ttlMs = Number.parseFloat(process.env.PAGE_CACHE_TTL_SECONDS ?? "60") * 1000;
const maxBytes = Number.parseFloat(process.env.PAGE_CACHE_MAX_MB ?? "64") * 1024 * 1024;
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/** Paths never cached: personal, stateful or already cached elsewhere. */
const PRIVATE_PREFIXES = [
  "/api/",
  "/admin",
  "/member",
  "/login",
  "/logout",
  "/registrations",
  "/preferences",
  "/_next/",
  "/files/",
  "/invite",
];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;
const ELDER_COOKIE = /(?:^|;\s*)lvzhi_elder=1(?:;|$)/;

const trustedProxies = new Set(
  (process.env.TRUSTED_PROXIES || "")
    .split(",")
    .map((a) => normaliseAddress(a))
    .filter(Boolean),
);

function normaliseAddress(address) {
  const a = String(address || "")
    .trim()
    .toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/**
 * The client's address, for rate limits, lockouts and the audit log: the socket's peer,
 * or, when the peer is a trusted proxy, the nearest untrusted hop of X-Forwarded-For.
 * A forged header from anyone else changes nothing. The app reads only the result.
 */
function clientAddress(req) {
  let address = normaliseAddress(req.socket.remoteAddress);
  if (trustedProxies.has(address)) {
    const hops = String(req.headers["x-forwarded-for"] || "")
      .split(",")
      .map(normaliseAddress)
      .filter(Boolean);
    while (hops.length > 0 && trustedProxies.has(address)) address = hops.pop();
  }
  return address || "unknown";
}

/**
 * Set on every response, cached or not. Scripts are Next's own, from this origin; the
 * policy below forbids framing, plugins, foreign form targets and <base> tricks.
 */
const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  ...(process.env.NODE_ENV === "production"
    ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
    : {}),
};

class PageCache {
  entries = new Map();
  bytes = 0;
  generation = 0;

  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.delete(key);
      return undefined;
    }
    // Map order is recency order: move to the back.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key, entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= maxBytes) break;
      this.delete(oldKey);
    }
  }

  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  /** Content changed: nothing rendered before now may be served again. */
  invalidate() {
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
  }
}

const cache = new PageCache();
globalThis.__lvzhiPageCache = cache;

function cacheKey(req) {
  if (ttlMs <= 0) return null;
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url || "/";
  if (PRIVATE_PREFIXES.some((p) => url.startsWith(p))) return null;
  // Client-side navigations fetch RSC payloads that vary by router state: let Next serve them.
  if (req.headers.rsc || req.headers["next-router-prefetch"] || url.includes("_rsc=")) return null;
  const cookie = req.headers.cookie || "";
  if (SESSION_COOKIE.test(cookie)) return null;
  return `${ELDER_COOKIE.test(cookie) ? "elder" : "std"} ${url}`;
}

function serveEntry(req, res, entry) {
  const etag = entry.etag;
  const headers = {
    ...entry.headers,
    etag,
    "x-page-cache": "hit",
    vary: "Accept-Encoding, Cookie",
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
  const body = gzip ? entry.gzip : entry.body;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.length);
  res.writeHead(entry.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Lets Next render, copying what it sends; keeps the copy when it is a cacheable page. */
function captureInto(key, req, res) {
  const generation = cache.generation;
  const chunks = [];
  const write = res.write;
  const end = res.end;
  const keep = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
    );
  };
  res.write = function (chunk, encoding, cb) {
    keep(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    keep(chunk, encoding);
    const result = end.call(this, chunk, encoding, cb);
    store();
    return result;
  };
  function store() {
    if (req.method !== "GET" || res.statusCode !== 200) return;
    if (generation !== cache.generation) return; // content changed while rendering
    if (res.getHeader("set-cookie") || res.getHeader("content-encoding")) return;
    const type = String(res.getHeader("content-type") || "");
    if (
      !/^(text\/html|application\/(rss|atom)\+xml|text\/calendar|application\/xml|text\/plain)/.test(
        type,
      )
    )
      return;
    const body = Buffer.concat(chunks);
    if (body.length > MAX_ENTRY_BYTES) return;
    const headers = {};
    for (const name of ["content-type", "content-disposition", "x-content-type-options", "link"]) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = value;
    }
    // The app's own caching headers win (feeds, files); rendered pages revalidate each time.
    const own = String(res.getHeader("cache-control") || "");
    headers["cache-control"] =
      own && !/no-store|private|no-cache/.test(own) ? own : "public, max-age=0, must-revalidate";
    const gzip = gzipSync(body);
    cache.set(key, {
      status: 200,
      headers,
      body,
      gzip,
      etag: String(
        res.getHeader("etag") || `"${createHash("sha1").update(body).digest("base64url")}"`,
      ),
      size: body.length + gzip.length + 512,
      expires: Date.now() + ttlMs,
    });
  }
}

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  req.headers["x-lvzhi-client-ip"] = clientAddress(req);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const key = cacheKey(req);
  if (key) {
    const entry = cache.get(key);
    if (entry) {
      serveEntry(req, res, entry);
      return;
    }
    // Render uncompressed so the copy can be served to any client; gzip is done here.
    delete req.headers["accept-encoding"];
    res.setHeader("x-page-cache", "miss");
    captureInto(key, req, res);
  }
  handle(req, res).catch((error) => {
    console.error("[server] request failed:", error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
}).listen(port, hostname, () => {
  console.log(
    `[lvzhi] serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
  );
});
