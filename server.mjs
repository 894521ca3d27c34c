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
//   whose X-Forwarded-For, -Proto and -Host are believed; default none).
//
// Before Next reads anything, server/http/early-answers.mjs refuses an address no page can
// read (400) and a body over its route's limit (413, server/http/body-limits.mjs).
//
// Every response carries a Content-Security-Policy with a fresh nonce (lib/security/csp.mjs).
// Next reads the nonce from the request's Content-Security-Policy header, set here, and puts
// it on its scripts; a cached page is kept as a template and gets the new nonce spliced in.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { finished } from "node:stream";
import { gzipSync } from "node:zlib";
import { PageCache } from "./lib/page-cache.mjs";
import {
  contentSecurityPolicy,
  fillTemplate,
  gzipTemplate,
  newNonce,
  nonceTemplate,
} from "./lib/security/csp.mjs";
import { earlyAnswers } from "./server/http/early-answers.mjs";
import { forwardedReader } from "./server/http/forwarded.mjs";

// Cookies are read here exactly as Next reads them for the page (names as sent, values
// URI-decoded, the last of a repeated name wins): `lvzhi_elder=%31` is elder mode to both.
const { parseCookie } = createRequire(import.meta.url)("next/dist/compiled/@edge-runtime/cookies");

// React and Next pick their production builds from NODE_ENV, read when they load.
process.env.NODE_ENV ??= "production";

const root = path.dirname(new URL(import.meta.url).pathname);
const port = Number.parseInt(process.env.PORT || "3000", 10);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const ttlMs = numberFromEnv("PAGE_CACHE_TTL_SECONDS", 60) * 1000;
const maxBytes = numberFromEnv("PAGE_CACHE_MAX_MB", 64) * 1024 * 1024;

/** A non-negative number from the environment, or the default; anything else stops the start. */
function numberFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`[lvzhi] ${name} 应为非负数（当前为 ${JSON.stringify(raw)}）`);
    process.exit(1);
  }
  return value;
}
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
  "/covers/",
  "/invite",
];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;
const ELDER_COOKIE = "lvzhi_elder";

const { clientAddress, requestOrigin } = forwardedReader(process.env.TRUSTED_PROXIES);

const production = process.env.NODE_ENV === "production";

/**
 * Set on every response, cached or not, beside the Content-Security-Policy (per response,
 * see lib/security/csp.mjs). HSTS only means something over HTTPS: browsers ignore it on
 * plain HTTP, so it does no harm there (the e2e server).
 */
const SECURITY_HEADERS = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
};

// The scanner pages (door, member) may use the camera; links to them are page loads.
const CAMERA_PAGES = /^\/(admin\/registrations\/\d+\/checkin|member\/checkin\/scan)([?#]|$)/;
const cameraPolicy = SECURITY_HEADERS["Permissions-Policy"].replace("camera=()", "camera=(self)");
const securityHeadersFor = (req) =>
  CAMERA_PAGES.test(req.url || "")
    ? { ...SECURITY_HEADERS, "Permissions-Policy": cameraPolicy }
    : SECURITY_HEADERS;

/**
 * Pages being rendered for the cache, by key: a request for a page that is rendering
 * waits for that render (at most RENDER_WAIT_MS) and is served its copy, instead of
 * rendering the same page again (after a change, every reader would otherwise render).
 */
const rendering = new Map();
const RENDER_WAIT_MS = 10_000;

function renderDone(key) {
  const pending = rendering.get(key);
  if (!pending) return undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, RENDER_WAIT_MS);
    pending.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const cache = new PageCache({ maxBytes });
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
  return `${parseCookie(cookie).get(ELDER_COOKIE) === "1" ? "elder" : "std"} ${url}`;
}

const DEFAULT_HEADERS = Symbol("lvzhi default headers");

/**
 * The security headers every response carries, added as its head is written, so that a
 * route handler's own stricter ones (a file's `default-src 'none'; sandbox`, a photo's
 * `Referrer-Policy: no-referrer`) win: Next never replaces a header already set.
 */
function withDefaultHeaders(res, defaults) {
  res[DEFAULT_HEADERS] = defaults;
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithDefaults(...args) {
    for (const [name, value] of Object.entries(res[DEFAULT_HEADERS])) {
      if (!res.hasHeader(name)) res.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  };
}

/** Was this HTML rendered in elder mode (app/layout.tsx puts `elder` on <html>)? */
function renderedElder(body) {
  const head = body.subarray(0, 4096).toString("latin1");
  return /<html[^>]*\sclass="(?:[^"]*\s)?elder(?:\s[^"]*)?"/.test(head);
}

function serveEntry(req, res, entry, nonce) {
  const etag = entry.etag;
  const headers = {
    ...entry.headers,
    etag,
    "x-page-cache": "hit",
    vary: "Accept-Encoding, Cookie",
  };
  if (req.headers["if-none-match"] === etag) {
    // The browser keeps its copy, whose scripts carry the nonce of the policy it got with
    // it; a policy sent now would replace that one (304 headers update stored ones).
    if (entry.template) delete res[DEFAULT_HEADERS]?.["Content-Security-Policy"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip =
    /\bgzip\b/.test(req.headers["accept-encoding"] || "") &&
    (!entry.template || entry.gzipTemplate !== null);
  // A page with scripts is served with this response's nonce, never the one it was rendered with.
  const body = entry.template
    ? fillTemplate(gzip ? entry.gzipTemplate : entry.template, nonce)
    : gzip
      ? entry.gzip
      : entry.body;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.length);
  res.writeHead(entry.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Lets Next render, copying what it sends; keeps the copy when it is a cacheable page. */
function captureInto(key, req, res, nonce) {
  const version = cache.versionOf(key);
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
    if (version !== cache.versionOf(key)) return; // content changed while rendering
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
    // Kept under the variant the page was rendered in, never under another one.
    if (type.startsWith("text/html") && renderedElder(body) !== key.startsWith("elder ")) return;
    const headers = {};
    for (const name of ["content-type", "content-disposition", "x-content-type-options", "link"]) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = value;
    }
    // Next may name the nonce on its preload links; a same-origin preload needs none, and
    // a kept copy must not carry this response's nonce.
    if (headers.link !== undefined) {
      headers.link = String(headers.link).replace(/;\s*nonce="?[^";,]*"?/g, "");
    }
    // The app's own caching headers win (feeds, files); rendered pages revalidate each time.
    const own = String(res.getHeader("cache-control") || "");
    headers["cache-control"] =
      own && !/no-store|private|no-cache/.test(own) ? own : "public, max-age=0, must-revalidate";
    const template = nonceTemplate(body, nonce);
    if (template) {
      if (Object.values(headers).some((value) => String(value).includes(nonce))) return;
      // Kept with its nonce taken out; served with a fresh one each time (lib/security/csp.mjs).
      // Browsers may keep it (a 304 leaves their copy and its policy together), shared
      // caches may not: they would hand one nonce to everybody.
      headers["cache-control"] = "private, no-cache";
      const gzipped = gzipTemplate(template);
      cache.set(key, {
        status: 200,
        headers,
        template,
        gzipTemplate: gzipped,
        // Weak: the bytes differ by their nonce from one response to the next.
        etag: `W/"${createHash("sha1").update(template.skeleton).digest("base64url")}"`,
        size: template.skeleton.length + (gzipped?.skeleton.length ?? 0) + 1024,
        expires: Date.now() + ttlMs,
      });
      return;
    }
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

const { refuseAddress, refuseBody, checkContinue } = earlyAnswers({
  securityHeaders: SECURITY_HEADERS,
  signedIn: (req) => SESSION_COOKIE.test(req.headers.cookie || ""),
});

const server = createServer(onRequest);
server.on("checkContinue", (req, res) => checkContinue(req, res, onRequest));

function onRequest(req, res) {
  // Before Next: an address no page can read, a body over its route's limit.
  if (refuseAddress(req, res) || refuseBody(req, res)) return;
  req.headers["x-lvzhi-client-ip"] = clientAddress(req);
  const { proto, origin } = requestOrigin(req);
  req.headers["x-lvzhi-origin"] = origin;
  // A fresh nonce for this response. Next takes it from the request's policy header (set
  // here, whatever the client sent) and puts it on every script it renders.
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    upgradeInsecureRequests: production && proto === "https",
  });
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  withDefaultHeaders(res, { "Content-Security-Policy": policy, ...securityHeadersFor(req) });
  const key = cacheKey(req);
  if (!key) {
    render(req, res);
    return;
  }
  const entry = cache.get(key);
  if (entry) {
    serveEntry(req, res, entry, nonce);
    return;
  }
  // Only GETs lead or wait: a HEAD's render is never kept (store() takes GETs only).
  const waiting = req.method === "GET" ? renderDone(key) : undefined;
  if (waiting) {
    waiting.then(() => {
      if (res.destroyed) return; // the client left while it waited
      const ready = cache.get(key);
      if (ready) serveEntry(req, res, ready, nonce);
      else renderForCache(key, req, res, nonce);
    });
    return;
  }
  renderForCache(key, req, res, nonce);
}

server.listen(port, hostname, () => {
  console.log(
    `[lvzhi] serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
  );
});

/** A cacheable page nobody is rendering: render it, keep a copy, let waiters have it. */
function renderForCache(key, req, res, nonce) {
  if (req.method === "GET" && !rendering.has(key)) {
    let release = () => {};
    const pending = new Promise((resolve) => {
      release = resolve;
    });
    rendering.set(key, pending);
    // Whatever happens to this response (sent, failed, client gone, even before now),
    // the waiters are let go.
    finished(res, () => {
      if (rendering.get(key) === pending) rendering.delete(key);
      release();
    });
  }
  // Render uncompressed so the copy can be served to any client; gzip is done here.
  delete req.headers["accept-encoding"];
  res.setHeader("x-page-cache", "miss");
  captureInto(key, req, res, nonce);
  render(req, res);
}

function render(req, res) {
  handle(req, res).catch((error) => {
    console.error("[server] request failed:", error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
}

// systemd, a container runtime or Ctrl-C: finish the requests under way (up to 10 s),
// close the database (the embedded one flushes and frees its directory), then exit.
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[lvzhi] ${signal}: finishing requests under way, then stopping`);
  // Requests that do not end in 10 s are cut; the exit handlers still free the lock.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections?.();
  });
  try {
    const handle = await globalThis.__lvzhiDatabase;
    await handle?.close();
  } catch (error) {
    console.error("[lvzhi] closing the database failed:", error);
  }
  process.exit(0);
}
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));
