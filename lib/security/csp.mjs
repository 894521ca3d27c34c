// Content-Security-Policy with a fresh nonce per response, and the means to serve a cached
// page with a fresh nonce without rendering it again.
//
// Plain JavaScript (ES module) because server.mjs, the production entry point, imports it
// before any TypeScript is compiled; lib/security/csp.test.ts tests it.
//
// How a cached page gets a fresh nonce: Next renders the page once with nonce A (read from
// the request's Content-Security-Policy header, which server.mjs sets). The page cache keeps
// a template of that HTML: the bytes with every occurrence of A zeroed, and where they were.
// Serving it copies the template and writes the new nonce into those places. The gzip copy is
// kept the same way: the HTML between nonces is deflated in pieces (each piece may refer back
// to everything before it, so the ratio stays that of one stream), and each nonce is a
// "stored" (uncompressed) deflate block, so its bytes sit in the compressed stream as they
// are; only the gzip trailer's CRC-32 changes, and it is computed from the nonce alone
// (CRC-32 is affine: the checksum of the page with nonce N is the checksum of the zeroed page
// plus a fixed linear function of N). Per response: one copy and a few tiny writes.
import { createHash, randomFillSync } from "node:crypto";
import zlib from "node:zlib";

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
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}' ${styleElementHashes}`.trim(),
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

// ---------------------------------------------------------------------------------------
// Templates: a rendered body with its nonce taken out.

/**
 * @typedef {object} NonceTemplate
 * @property {Buffer} skeleton   the bytes, with each nonce occurrence zeroed
 * @property {number[]} offsets  where the nonce goes in the skeleton
 * @property {number} [crcOffset]       gzip only: where the CRC-32 goes
 * @property {number} [crcOfSkeleton]   gzip only: CRC-32 of the page with zeroed nonces
 * @property {Uint32Array} [crcOperator] gzip only: the linear map nonce CRC → page CRC change
 */

/**
 * The template of `body` rendered with `nonce`, or null when the nonce does not occur in it
 * (a feed, a text file: serve it as it is).
 * @param {Buffer} body
 * @param {string} nonce
 * @returns {NonceTemplate | null}
 */
export function nonceTemplate(body, nonce) {
  const needle = Buffer.from(nonce, "latin1");
  const offsets = [];
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) {
    offsets.push(at);
  }
  if (offsets.length === 0) return null;
  const skeleton = Buffer.from(body);
  for (const at of offsets) skeleton.fill(0, at, at + needle.length);
  return { skeleton, offsets };
}

/**
 * The body with `nonce` in every slot: a copy of the skeleton plus one small write per slot
 * (and, for gzip, the trailer's CRC).
 * @param {NonceTemplate} template
 * @param {string} nonce a newNonce()
 * @returns {Buffer}
 */
export function fillTemplate(template, nonce) {
  const bytes = Buffer.from(nonce, "latin1");
  if (bytes.length !== NONCE_LENGTH) throw new Error("fillTemplate: not a nonce of newNonce()");
  const out = Buffer.allocUnsafe(template.skeleton.length);
  template.skeleton.copy(out);
  for (const at of template.offsets) out.set(bytes, at);
  if (template.crcOperator && template.crcOffset !== undefined) {
    const change = gf2Times(template.crcOperator, pureCrc(bytes));
    out.writeUInt32LE((template.crcOfSkeleton ^ change) >>> 0, template.crcOffset);
  }
  return out;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A stored deflate block of NONCE_LENGTH bytes: BFINAL=0, BTYPE=00, LEN, ~LEN. */
const STORED_NONCE_HEADER = Buffer.from([
  0x00,
  NONCE_LENGTH & 0xff,
  NONCE_LENGTH >> 8,
  ~NONCE_LENGTH & 0xff,
  (~NONCE_LENGTH >> 8) & 0xff,
]);
const WINDOW = 32 * 1024;

/**
 * The gzip copy of a template, or null when the page cannot be spliced safely (it contains
 * NUL bytes, which HTML never should: the zeroed nonce slots rely on nothing else being 0).
 *
 * Each stretch between nonces is deflated on its own, ending on a byte boundary (sync flush),
 * with everything before it as the preset dictionary, nonce slots zeroed. A back-reference
 * can then never copy from a nonce slot (the stretch has no zero byte to match), so the
 * decoder's window, which holds the real nonce there, yields the same bytes.
 * @param {NonceTemplate} template
 * @returns {NonceTemplate | null}
 */
export function gzipTemplate(template) {
  const { skeleton, offsets } = template;
  const starts = [0, ...offsets.map((at) => at + NONCE_LENGTH)];
  const ends = [...offsets, skeleton.length];
  for (let i = 0; i < starts.length; i++) {
    if (skeleton.subarray(starts[i], ends[i]).includes(0)) return null;
  }
  const pieces = [GZIP_HEADER];
  const gzOffsets = [];
  let size = GZIP_HEADER.length;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const last = i === starts.length - 1;
    const options = {
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    };
    if (start > 0) options.dictionary = skeleton.subarray(Math.max(0, start - WINDOW), start);
    const piece = zlib.deflateRawSync(skeleton.subarray(start, ends[i]), options);
    pieces.push(piece);
    size += piece.length;
    if (!last) {
      pieces.push(STORED_NONCE_HEADER, Buffer.alloc(NONCE_LENGTH));
      size += STORED_NONCE_HEADER.length;
      gzOffsets.push(size);
      size += NONCE_LENGTH;
    }
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(skeleton.length >>> 0, 4);
  pieces.push(trailer);
  const crcOffset = size;
  // Bytes after each nonce occurrence, to its end of page: the CRC shift for that slot.
  const operator = new Uint32Array(32);
  for (const at of offsets) {
    const shift = gf2Power(BYTE_OPERATOR, skeleton.length - at - NONCE_LENGTH);
    for (let n = 0; n < 32; n++) operator[n] ^= shift[n];
  }
  return {
    skeleton: Buffer.concat(pieces, size + 8),
    offsets: gzOffsets,
    crcOffset,
    crcOfSkeleton: crc32(skeleton),
    crcOperator: operator,
  };
}

// ---------------------------------------------------------------------------------------
// CRC-32 (the gzip one) and its arithmetic over GF(2), as in zlib's crc32_combine.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib.crc32 where Node has it (20.15+), else the table. */
export function crc32(data, value = 0) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data, value) >>> 0;
  const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
  let c = ~value >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const ZEROS_CRC = crc32(Buffer.alloc(NONCE_LENGTH));

/** The CRC of the nonce without the initial and final inversion (the linear part). */
function pureCrc(bytes) {
  return (crc32(bytes) ^ ZEROS_CRC) >>> 0;
}

function gf2Times(matrix, vector) {
  let sum = 0;
  let v = vector >>> 0;
  for (let i = 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i];
  return sum >>> 0;
}

function gf2Multiply(a, b) {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n++) out[n] = gf2Times(a, b[n]);
  return out;
}

/** The operator that appends one zero byte to a (pure) CRC. */
const BYTE_OPERATOR = (() => {
  let bit = new Uint32Array(32);
  bit[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) bit[n] = (1 << (n - 1)) >>> 0;
  for (let i = 0; i < 3; i++) bit = gf2Multiply(bit, bit);
  return bit;
})();

function gf2Power(matrix, exponent) {
  let result = new Uint32Array(32);
  for (let n = 0; n < 32; n++) result[n] = (1 << n) >>> 0;
  let base = matrix;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = gf2Multiply(base, result);
    if (e > 1) base = gf2Multiply(base, base);
  }
  return result;
}
