/**
 * A designed cover for an article without a photo: its column and its title on the
 * committee's red and gold, drawn from an SVG template (rendered to WebP and JPEG by
 * server/images/variants.ts). Pure: the SVG and its name are functions of the words.
 */

/** Bump when the template changes: every designed cover gets a new, uncached URL. */
export const DESIGNED_COVER_VERSION = 1;
/** 16:9, drawn at this size and scaled (an SVG scales without loss). */
export const DESIGNED_COVER_BOX = { width: 1280, height: 720 } as const;

export interface DesignedCoverText {
  columnName: string;
  title: string;
}

/**
 * A short, stable name for what a designed cover shows (FNV-1a over the version, column
 * and title, two rounds → 16 hex digits). Not a secret, only a cache key: a retitled
 * article gets a new URL, an unchanged one keeps its cached pictures.
 */
export function designedCoverHash(text: DesignedCoverText): string {
  const input = `${DESIGNED_COVER_VERSION}\u0000${text.columnName}\u0000${text.title}`;
  const round = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${round(0x811c9dc5)}${round(0x050c5d1f)}`;
}

/** "/covers/12/<hash>": the base of a designed cover's variant URLs. */
export function designedCoverBase(articleId: number, text: DesignedCoverText): string {
  return `/covers/${articleId}/${designedCoverHash(text)}`;
}

/** Chinese text has no spaces: a title breaks every `perLine` characters, at most `maxLines`. */
export function wrapTitle(title: string, perLine: number, maxLines: number): string[] {
  const chars = Array.from(title.replace(/\s+/g, " ").trim());
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine) {
    lines.push(chars.slice(i, i + perLine).join(""));
  }
  if (chars.length > perLine * maxLines) {
    const last = Array.from(lines[maxLines - 1] ?? "");
    lines[maxLines - 1] = `${last.slice(0, perLine - 1).join("")}…`;
  }
  // A lone punctuation mark does not start a line: it joins the line before.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^[，。、；：？！”’）》」』,.;:?!)]/.test(line)) {
      lines[i - 1] = `${lines[i - 1]}${line[0]}`;
      lines[i] = line.slice(1);
    }
  }
  return lines.filter((l) => l.length > 0);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}

const SERIF = "'Noto Serif CJK SC','Source Han Serif SC','Noto Serif SC','SimSun',serif";
const SANS =
  "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif";

/**
 * The cover as SVG at 1280 × 720: a deep red field, a gold rule and frame, the column
 * in gold above the title in white, and a gold rule at the foot. Fonts: the
 * CJK families fontconfig knows (Noto CJK on Debian); the layout holds with any of them.
 */
export function designedCoverSvg(text: DesignedCoverText): string {
  const { width, height } = DESIGNED_COVER_BOX;
  const titleChars = Array.from(text.title.trim()).length;
  const size = titleChars <= 24 ? 64 : 54;
  const perLine = Math.floor(1040 / size);
  const lines = wrapTitle(text.title, perLine, 3);
  const lineHeight = Math.round(size * 1.35);
  const top = 330 - ((lines.length - 1) * lineHeight) / 2;
  const titleText = lines
    .map(
      (line, i) =>
        `<text x="120" y="${Math.round(top + i * lineHeight)}" font-family="${SERIF}" font-weight="700" font-size="${size}" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#b3161f"/><stop offset="1" stop-color="#5c0b10"/></linearGradient>
<radialGradient id="glow" cx="0.85" cy="0.15" r="0.6"><stop offset="0" stop-color="#f3e2ad" stop-opacity="0.28"/><stop offset="1" stop-color="#f3e2ad" stop-opacity="0"/></radialGradient>
</defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/>
<rect width="${width}" height="${height}" fill="url(#glow)"/>
<g fill="none" stroke="#c8962e" stroke-opacity="0.35" stroke-width="2">
<circle cx="1130" cy="150" r="210"/><circle cx="1130" cy="150" r="160"/><circle cx="1130" cy="150" r="110"/>
</g>
<rect x="40" y="40" width="${width - 80}" height="${height - 80}" fill="none" stroke="#c8962e" stroke-width="3"/>
<rect x="120" y="118" width="8" height="44" fill="#c8962e"/>
<text x="146" y="153" font-family="${SANS}" font-size="36" font-weight="700" fill="#f3e2ad">${escapeXml(text.columnName)}</text>
${titleText}
<rect x="120" y="590" width="160" height="6" fill="#c8962e"/>
</svg>`;
}
