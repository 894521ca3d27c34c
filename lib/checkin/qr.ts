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

/** How many public addresses' codes are kept (an article's address is ~100 bytes, its PNG ~1 kB). */
const ADDRESS_MEMO_SIZE = 500;

/** Pixels per module of a public address's PNG: 41 modules with the quiet zone make ~410 px. */
const PNG_SCALE = 10;

/**
 * `compute` remembered for the latest `size` keys, least recently used dropped first; a
 * rejected promise is forgotten, so the next call tries again.
 */
export function latestMemo<T>(size: number, compute: (key: string) => Promise<T>) {
  const kept = new Map<string, Promise<T>>();
  return (key: string): Promise<T> => {
    const known = kept.get(key);
    if (known) {
      // Most recently used last: the first key is the one to drop.
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const value = compute(key);
    kept.set(key, value);
    value.catch(() => {
      if (kept.get(key) === value) kept.delete(key);
    });
    if (kept.size > size) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    return value;
  };
}

/**
 * The code of a public address (an article's share code) as a PNG, black on white with the
 * quiet zone: a picture a phone can long-press in WeChat to open (识别图中二维码), which an
 * inline SVG is not, and bytes the article page no longer carries twice (as HTML and
 * again in its RSC payload). The same address is asked for on every view, so the latest
 * ones are kept. Only for public addresses: never a secret (a check-in token or a
 * registration code goes through drawQr, so it is not kept in memory).
 */
export const addressQrPng = latestMemo(ADDRESS_MEMO_SIZE, (url) =>
  QRCode.toBuffer(url, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: QUIET_ZONE,
    scale: PNG_SCALE,
    color: { dark: "#000000ff", light: "#ffffffff" },
  }),
);
