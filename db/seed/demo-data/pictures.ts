/**
 * Pictures for the demo data, drawn as SVG and made into JPEG files at seed time (no
 * network, no files on disk): scenes of a water town, a meeting hall, a school, a clinic
 * day, a market and a skyline, each varied by a number so no two look the same.
 * Illustrations, not photographs: a real committee replaces them with its own.
 */

export type DemoScene = "hall" | "village" | "school" | "clinic" | "market" | "city";

export interface DemoPicture {
  scene: DemoScene;
  /** Varies the light, the colours and where things stand. */
  variant: number;
}

const skies = [
  ["#9fd3f5", "#e8f4fb"],
  ["#f7c59f", "#fdebd3"],
  ["#b8d8e8", "#f3f7f9"],
  ["#a6c8ff", "#eef3ff"],
] as const;
const greens = ["#6a9f5b", "#5b8f4e", "#7fae62", "#4f8a58"] as const;

function pick<T>(list: readonly T[], n: number): T {
  return list[((n % list.length) + list.length) % list.length] as T;
}

function sky(n: number, width: number, height: number): string {
  const [top, bottom] = pick(skies, n);
  const sunX = 160 + ((n * 137) % (width - 320));
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${90 + (n % 3) * 20}" r="46" fill="#fff3c4" opacity="0.9"/>`;
}

/** A row of Jiangnan houses: white walls, dark roofs. */
function houses(n: number, baseY: number, count: number, width: number): string {
  let out = "";
  const step = width / count;
  for (let i = 0; i < count; i++) {
    const w = step * (0.7 + ((n + i) % 3) * 0.08);
    const h = 70 + ((n * 7 + i * 13) % 4) * 18;
    const x = i * step + (step - w) / 2;
    out += `<rect x="${x}" y="${baseY - h}" width="${w}" height="${h}" fill="#f7f5f0" stroke="#cfc8bb"/>`;
    out += `<polygon points="${x - 10},${baseY - h} ${x + w / 2},${baseY - h - 34} ${x + w + 10},${baseY - h}" fill="#3f4448"/>`;
    out += `<rect x="${x + w * 0.4}" y="${baseY - 40}" width="${w * 0.2}" height="40" fill="#6b4b3a"/>`;
  }
  return out;
}

function village(n: number, width: number, height: number): string {
  const water = height * 0.68;
  return `${sky(n, width, height)}
<path d="M0 ${height * 0.5} Q ${width * 0.3} ${height * 0.36} ${width * 0.6} ${height * 0.48} T ${width} ${height * 0.44} V ${water} H 0 Z" fill="${pick(greens, n)}"/>
${houses(n, water, 6, width)}
<rect y="${water}" width="${width}" height="${height - water}" fill="#5f9bb5"/>
<path d="M${width * 0.55} ${water} A ${width * 0.12} ${height * 0.16} 0 0 1 ${width * 0.79} ${water}" fill="none" stroke="#d9d4c7" stroke-width="22"/>
<g stroke="#e7f2f6" stroke-width="3" opacity="0.7"><line x1="80" y1="${water + 40}" x2="260" y2="${water + 40}"/><line x1="420" y1="${water + 80}" x2="640" y2="${water + 80}"/></g>`;
}

function hall(n: number, width: number, height: number): string {
  let rows = "";
  for (let r = 0; r < 4; r++) {
    const y = height * 0.58 + r * height * 0.1;
    const inset = 60 - r * 15;
    rows += `<rect x="${inset}" y="${y}" width="${width - inset * 2}" height="${height * 0.045}" rx="6" fill="#8a5a3b"/>`;
    for (let s = 0; s < 10; s++) {
      rows += `<circle cx="${inset + 50 + s * ((width - inset * 2 - 100) / 9)}" cy="${y - 14}" r="13" fill="${pick(["#2f3b4a", "#3a3a3a", "#4a3f35"], s + r + n)}"/>`;
    }
  }
  return `<rect width="${width}" height="${height}" fill="${pick(["#efe6d6", "#ece2d0", "#f1e9dc"], n)}"/>
<rect x="${width * 0.08}" y="${height * 0.1}" width="${width * 0.84}" height="${height * 0.12}" fill="#b3161f"/>
<rect x="${width * 0.08}" y="${height * 0.22}" width="${width * 0.84}" height="6" fill="#c8962e"/>
<rect x="${width * 0.18}" y="${height * 0.3}" width="${width * 0.64}" height="${height * 0.16}" fill="#7d0f15"/>
<rect x="${width * 0.2}" y="${height * 0.32}" width="${width * 0.6}" height="${height * 0.12}" fill="#fbf3dc" opacity="0.15"/>
<rect y="${height * 0.5}" width="${width}" height="${height * 0.5}" fill="#d8c8ae"/>
${rows}`;
}

function school(n: number, width: number, height: number): string {
  const ground = height * 0.7;
  let windows = "";
  for (let f = 0; f < 3; f++) {
    for (let i = 0; i < 8; i++) {
      windows += `<rect x="${width * 0.2 + 24 + i * ((width * 0.6 - 48) / 8)}" y="${ground - 180 + f * 55}" width="${(width * 0.6) / 8 - 22}" height="34" fill="#9fc6dd"/>`;
    }
  }
  return `${sky(n, width, height)}
<rect x="${width * 0.2}" y="${ground - 200}" width="${width * 0.6}" height="200" fill="${pick(["#f2e6d4", "#efe1cf", "#f4ece0"], n)}"/>
${windows}
<rect x="${width * 0.1}" y="${ground - 260}" width="6" height="260" fill="#888"/>
<rect x="${width * 0.1 + 6}" y="${ground - 258}" width="90" height="58" fill="#de2910"/>
<rect y="${ground}" width="${width}" height="${height - ground}" fill="#b5523b"/>
<g fill="none" stroke="#fff" stroke-width="4" opacity="0.85"><ellipse cx="${width / 2}" cy="${ground + (height - ground) / 2}" rx="${width * 0.4}" ry="${(height - ground) * 0.32}"/></g>`;
}

function tents(n: number, width: number, height: number, colours: readonly string[]): string {
  const ground = height * 0.62;
  let out = "";
  const count = 4;
  for (let i = 0; i < count; i++) {
    const w = width / count - 30;
    const x = 15 + i * (width / count);
    const c = pick(colours, i + n);
    out += `<polygon points="${x},${ground - 80} ${x + w / 2},${ground - 150} ${x + w},${ground - 80}" fill="${c}"/>`;
    out += `<rect x="${x}" y="${ground - 80}" width="${w}" height="26" fill="${c}"/>`;
    out += `<rect x="${x + 8}" y="${ground - 54}" width="${w - 16}" height="60" fill="#fafafa" opacity="0.85"/>`;
    out += `<rect x="${x + 20}" y="${ground - 10}" width="${w - 40}" height="26" fill="#c9a77c"/>`;
    for (let p = 0; p < 3; p++) {
      out += `<circle cx="${x + 30 + p * ((w - 60) / 2)}" cy="${ground + 50 + ((p + i) % 2) * 14}" r="16" fill="${pick(["#2f3b4a", "#4a3f35", "#55463a"], p + i)}"/>`;
      out += `<rect x="${x + 16 + p * ((w - 60) / 2)}" y="${ground + 66 + ((p + i) % 2) * 14}" width="28" height="60" rx="10" fill="${pick(["#3d6ea8", "#a83d3d", "#4f8a58", "#c8962e"], p + i + n)}"/>`;
    }
  }
  return `${sky(n, width, height)}
<rect y="${ground - 140}" width="${width}" height="60" fill="${pick(greens, n + 1)}" opacity="0.8"/>
<rect y="${ground}" width="${width}" height="${height - ground}" fill="#d9d2c3"/>
${out}`;
}

function city(n: number, width: number, height: number): string {
  let towers = "";
  let x = 0;
  let i = 0;
  while (x < width) {
    const w = 70 + ((n * 31 + i * 17) % 5) * 14;
    const h = height * (0.3 + (((n + i) * 37) % 9) * 0.05);
    towers += `<rect x="${x}" y="${height * 0.78 - h}" width="${w - 8}" height="${h}" fill="${pick(["#7d8fa3", "#93a4b5", "#6c7f94", "#a9b6c4"], i + n)}"/>`;
    for (let f = 0; f < h / 40 - 1; f++) {
      towers += `<rect x="${x + 10}" y="${height * 0.78 - h + 16 + f * 40}" width="${w - 28}" height="10" fill="#dde6ee" opacity="0.6"/>`;
    }
    x += w;
    i++;
  }
  return `${sky(n, width, height)}
${towers}
<rect y="${height * 0.78}" width="${width}" height="${height * 0.22}" fill="#5f9bb5"/>
<rect y="${height * 0.78}" width="${width}" height="10" fill="#8aa39a"/>`;
}

/** A demo picture as SVG, `width` × `height`. */
export function demoPictureSvg(picture: DemoPicture, width: number, height: number): string {
  const n = picture.variant;
  const body =
    picture.scene === "village"
      ? village(n, width, height)
      : picture.scene === "hall"
        ? hall(n, width, height)
        : picture.scene === "school"
          ? school(n, width, height)
          : picture.scene === "clinic"
            ? tents(n, width, height, ["#2f7d6d", "#ffffff", "#3d8fb8"])
            : picture.scene === "market"
              ? tents(n, width, height, ["#b3161f", "#c8962e", "#3d6ea8", "#4f8a58"])
              : city(n, width, height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
