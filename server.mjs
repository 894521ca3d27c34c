// The production server: Next.js behind a small in-memory page cache.
//
// Public pages are rendered on the server from the database. Rendering is the
// expensive part, so a rendered public page (no session, no personal data) is the same
// bytes for every reader (server/http/public-page.mjs): kept in memory and served as is
// until content changes, and sent `public, s-maxage` so that a reverse proxy or CDN may
// keep it too. Every write calls refreshCachedPages() (db/cache.ts), which announces the
// change on lib/page-cache-channel.mjs: this cache drops what changed and, when
// PROXY_PURGE_URL is set, asks the proxy to purge the pages it was given. An entry also
// expires after PAGE_CACHE_TTL_SECONDS so that scheduled articles appear on time.
//
// Environment (this is the process entry point; the app itself reads lib/env.ts):
//   PORT (3000), HOSTNAME (0.0.0.0), PAGE_CACHE_TTL_SECONDS (60; 0 turns the cache off),
//   PAGE_CACHE_MAX_MB (64), PROXY_PURGE_URL (none; e.g. http://127.0.0.1:8080, the nginx
//   of docs/nginx/lvzhi.conf: each dropped page is sent there as `PURGE <path>`), TRUSTED_PROXIES (comma-separated addresses of reverse proxies
//   whose X-Forwarded-For, -Proto and -Host are believed; default none).
//
// Before Next reads anything, server/http/early-answers.mjs refuses an address no page can
// read (400) and a body over its route's limit (413, server/http/body-limits.mjs).
//
// Every response carries a strict Content-Security-Policy (lib/security/csp.mjs). A public
// page names the hashes of its inline scripts (the same for everyone); any other response
// gets a fresh nonce, which Next reads from the request's Content-Security-Policy header,
// set here, and puts on its scripts.
import { createServer } from "node:http";
import path from "node:path";
import { finished } from "node:stream";
import { PageCache, SharedCopies } from "./lib/page-cache.mjs";
import { onPagesChanged } from "./lib/page-cache-channel.mjs";
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  newNonce,
  sharedPagePolicy,
} from "./lib/security/csp.mjs";
import { earlyAnswers } from "./server/http/early-answers.mjs";
import { forwardedReader } from "./server/http/forwarded.mjs";
import {
  chosenEncoding,
  holdResponse,
  keptPage,
  publicVariant,
  serveKept,
} from "./server/http/public-page.mjs";

// React and Next pick their production builds from NODE_ENV, read when they load.
process.env.NODE_ENV ??= "production";

const root = path.dirname(new URL(import.meta.url).pathname);
const port = Number.parseInt(process.env.PORT || "3000", 10);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const ttlSeconds = numberFromEnv("PAGE_CACHE_TTL_SECONDS", 60);
const ttlMs = ttlSeconds * 1000;
const purgeUrl = process.env.PROXY_PURGE_URL?.trim() || "";
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
/** The public pages handed out that a proxy may still hold, for PROXY_PURGE_URL. */
const shared = new SharedCopies();

onPagesChanged((tags) => {
  cache.invalidate(tags);
  if (purgeUrl) for (const key of shared.take(tags)) purge(key);
});

/** Asks the proxy to forget one page (nginx + cache purge module, docs/nginx/lvzhi.conf). */
function purge(key) {
  const [variant, url] = [key.slice(0, key.indexOf(" ")), key.slice(key.indexOf(" ") + 1)];
  // Joined as text: a request path like `//host/x` must not leave the purge address.
  fetch(`${purgeUrl.replace(/\/+$/, "")}${url}`, {
    method: "PURGE",
    headers: variant === "elder" ? { cookie: "lvzhi_elder=1" } : {},
    signal: AbortSignal.timeout(5000),
  })
    .then((response) => response.body?.cancel())
    .catch((error) => console.error(`[page-cache] purging ${url} failed:`, error.message));
}

/**
 * The key of a page that is the same for every reader ("std /news", "elder /news"), or
 * null when the response is personal or not a page this server shares.
 */
function publicKey(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url || "/";
  if (PRIVATE_PREFIXES.some((p) => url.startsWith(p))) return null;
  // Client-side navigations fetch RSC payloads that vary by router state: let Next serve them.
  if (req.headers.rsc || req.headers["next-router-prefetch"] || url.includes("_rsc=")) return null;
  const variant = publicVariant(req.headers.cookie || "");
  return variant === null ? null : `${variant} ${url}`;
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

/**
 * Renders a public page whole (its policy needs the hashes of its scripts), keeps a copy
 * when it may be shared, and answers with it; anything else is answered as Next made it,
 * with the policy of its own scripts.
 */
function renderPublic(key, req, res, context) {
  const version = cache.versionOf(key);
  holdResponse(res, ({ status, headers, body }) => {
    const entry =
      req.method === "GET"
        ? keptPage({
            status,
            headers,
            body,
            variant: key.startsWith("elder ") ? "elder" : "std",
            ttlSeconds,
            now: Date.now(),
            maxBytes: MAX_ENTRY_BYTES,
          })
        : null;
    if (entry) {
      // Not kept when content changed while it rendered; this reader still gets it.
      const keep = ttlMs > 0 && version === cache.versionOf(key);
      if (keep) {
        cache.set(key, entry);
        shared.remember(key, entry.expires + ttlMs);
      }
      // A copy nobody else will be served gets no brotli: gzip now, nothing made after.
      serveKept(req, res, entry, { ...context, state: "miss", brotli: keep });
      return;
    }
    res.setHeader(
      "content-security-policy",
      sharedPagePolicy(inlineScriptHashes(body), { upgradeInsecureRequests: context.upgrade }),
    );
    res.setHeader("content-length", String(body.length));
    res.writeHead(status);
    res.end(req.method === "HEAD" ? undefined : body);
  });
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
  const upgrade = production && proto === "https";
  delete req.headers["content-security-policy-report-only"];
  const key = publicKey(req);
  if (!key) {
    // A fresh nonce for this response. Next takes it from the request's policy header (set
    // here, whatever the client sent) and puts it on every script it renders.
    const policy = contentSecurityPolicy(newNonce(), { upgradeInsecureRequests: upgrade });
    req.headers["content-security-policy"] = policy;
    withDefaultHeaders(res, { "Content-Security-Policy": policy, ...securityHeadersFor(req) });
    render(req, res);
    return;
  }
  // No nonce: Next renders the page the same for everyone; its policy comes with it.
  delete req.headers["content-security-policy"];
  const context = {
    upgrade,
    encoding: chosenEncoding(req.headers["accept-encoding"]),
    ifNoneMatch: req.headers["if-none-match"],
    defaults: securityHeadersFor(req),
  };
  // Rendered whole and uncompressed so the copy can be served to any client; brotli, gzip
  // and 304s are done here (serveKept).
  delete req.headers["accept-encoding"];
  delete req.headers["if-none-match"];
  const entry = ttlMs > 0 ? cache.get(key) : undefined;
  if (entry) {
    // The security headers come in the kept head (context.defaults), built once.
    serveKept(req, res, entry, { ...context, state: "hit" });
    return;
  }
  withDefaultHeaders(res, context.defaults);
  // Only GETs lead or wait: a HEAD's render is never kept.
  const waiting = ttlMs > 0 && req.method === "GET" ? renderDone(key) : undefined;
  if (waiting) {
    waiting.then(() => {
      if (res.destroyed) return; // the client left while it waited
      const ready = cache.get(key);
      if (ready) serveKept(req, res, ready, { ...context, state: "hit" });
      else renderForCache(key, req, res, context);
    });
    return;
  }
  renderForCache(key, req, res, context);
}

server.listen(port, hostname, () => {
  console.log(
    `[lvzhi] serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
  );
});

/** A cacheable page nobody is rendering: render it, keep a copy, let waiters have it. */
function renderForCache(key, req, res, context) {
  if (ttlMs > 0 && req.method === "GET" && !rendering.has(key)) {
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
  renderPublic(key, req, res, context);
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
