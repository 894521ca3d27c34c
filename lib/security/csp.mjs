// Content-Security-Policy: with a fresh nonce per response for anything personal, and by
// the hashes of its inline scripts for a public page that is the same for every reader
// (so that a proxy or CDN may keep it).
//
// Plain JavaScript (ES module) because server.mjs, the production entry point, imports it
// before any TypeScript is compiled; lib/security/csp.test.ts tests it.
import { createHash, randomFillSync } from "node:crypto";

/** 16 random bytes, base64url: 22 characters that need no escaping in HTML, JSON or CSS. */
export const NONCE_LENGTH = 22;

// Random bytes drawn from the system CSPRNG 4 KiB at a time (as crypto.randomUUID does):
// one call per response would cost more than the rest of serving a cached page.
const randomPool = Buffer.allocUnsafe(4096);
let randomOffset = randomPool.length;

/** A fresh, unpredictable nonce: one per response, never reused. */
export function newNonce() {
  if (randomOffset + 16 > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const nonce = randomPool.toString("base64url", randomOffset, randomOffset + 16);
  randomOffset += 16;
  return nonce;
}

const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** True for a nonce made by newNonce() (the template code relies on its length and alphabet). */
export function isNonce(value) {
  return typeof value === "string" && NONCE_PATTERN.test(value);
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * Inline styles our own markup may carry, allowed by hash (exact text) rather than by
 * 'unsafe-inline'. None today: styles are classes in app/globals.css. Should one be
 * needed, list its exact text here; a style the policy does not allow shows up as a CSP
 * violation in the e2e tests (e2e/fixtures.ts fails any test whose page reports one).
 */
export const ALLOWED_STYLE_ELEMENTS = [];
export const ALLOWED_STYLE_ATTRIBUTES = [];

const styleElementHashes = ALLOWED_STYLE_ELEMENTS.map(sha256).join(" ");
const styleAttributeHashes = ALLOWED_STYLE_ATTRIBUTES.map(sha256).join(" ");

/**
 * The policy for one response.
 * - Scripts: only those carrying this response's nonce, and what they load themselves
 *   ('strict-dynamic': Next's runtime loads the page's chunks). 'self' is ignored by
 *   browsers that know 'strict-dynamic' and only helps very old ones.
 * - Styles: our stylesheets; inline <style> only with the nonce or a listed hash; style
 *   attributes only with a listed hash (scripts may still set styles through the DOM).
 * - No plugins, no <base>, forms post to this site only, no framing by anyone.
 * - upgrade-insecure-requests only when the page itself came over HTTPS.
 * @param {string} nonce
 * @param {{ upgradeInsecureRequests?: boolean }} [options]
 */
export function contentSecurityPolicy(nonce, options = {}) {
  return policyWith(
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}' ${styleElementHashes}`.trim(),
    options,
  );
}

/**
 * The policy of a page that is the same for every reader (server/http/public-page.mjs):
 * no nonce, so that a proxy or CDN may keep and share it. Its inline scripts (Next's
 * `self.__next_f.push(…)` payload) run because their exact text is listed by hash; its
 * other scripts are the site's own files ('self': 'strict-dynamic' would switch 'self'
 * off, and nothing here needs a script to load another from elsewhere). Still no
 * 'unsafe-inline': an injected inline script has no listed hash and does not run.
 * @param {readonly string[]} scriptHashes  from inlineScriptHashes()
 * @param {{ upgradeInsecureRequests?: boolean }} [options]
 */
export function sharedPagePolicy(scriptHashes, options = {}) {
  return policyWith(
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    `style-src 'self' ${styleElementHashes}`.trim(),
    options,
  );
}

/**
 * The CSP source of every inline script of an HTML page: `'sha256-…'` of the exact text
 * between `<script …>` and `</script>` (what the browser hashes), each once, in order.
 * @param {Buffer | string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const text = typeof html === "string" ? html : html.toString("utf8");
  const hashes = new Set();
  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? "")) continue;
    hashes.add(sha256(match[2] ?? ""));
  }
  return [...hashes];
}

/**
 * @param {string} scriptSrc
 * @param {string} styleSrc
 * @param {{ upgradeInsecureRequests?: boolean }} options
 */
function policyWith(scriptSrc, styleSrc, options) {
  const directives = [
    "default-src 'self'",
    scriptSrc,
    styleSrc,
    styleAttributeHashes
      ? `style-src-attr 'unsafe-hashes' ${styleAttributeHashes}`
      : "style-src-attr 'none'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // blob: the previews of picked photos are object URLs, read back by URL (seen in e2e).
    "connect-src 'self' blob:",
    "media-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.upgradeInsecureRequests) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
