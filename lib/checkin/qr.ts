import QRCode from "qrcode";

/**
 * A QR code as the few numbers an inline SVG needs: the side in modules (quiet zone
 * included) and one path of the dark modules. The page draws it with `<path d>` and no
 * style attribute (the CSP forbids inline styles, which qrcode's own SVG output uses), and
 * no script: the code is computed on the server, the browser only paints it.
 */
export interface QrDrawing {
  /** Modules per side, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  size: number;
  /** The dark modules, as runs of squares per row. */
  path: string;
}

/** The standard quiet zone is 4 modules; scanners need it to find the code. */
const QUIET_ZONE = 4;

export function drawQr(text: string): QrDrawing {
  // "M" (15 % recovery) keeps the code small enough for a phone screen at arm's length.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, path: parts.join("") };
}

/** How many public addresses' codes are kept (an article's address is ~100 bytes, its code ~4 kB). */
const ADDRESS_MEMO_SIZE = 500;
const addressMemo = new Map<string, QrDrawing>();

/**
 * The code of a public address (an article's share code): the same address is asked for on
 * every view of its page, and drawing it is a few percent of the page's render, so the
 * latest ones are kept. Only for public addresses: never a secret (a check-in token or a
 * registration code goes through drawQr, so it is not kept in memory).
 */
export function drawAddressQr(url: string): QrDrawing {
  const kept = addressMemo.get(url);
  if (kept) {
    // Most recently used last: the first key is the one to drop.
    addressMemo.delete(url);
    addressMemo.set(url, kept);
    return kept;
  }
  const drawing = drawQr(url);
  addressMemo.set(url, drawing);
  if (addressMemo.size > ADDRESS_MEMO_SIZE) {
    const oldest = addressMemo.keys().next().value;
    if (oldest !== undefined) addressMemo.delete(oldest);
  }
  return drawing;
}
