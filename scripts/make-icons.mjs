// Draws the member app's icons (public/icons/*.png) and the site's favicon (public/favicon.ico) from one SVG mark: a red field, a gold
// ring and a gold open book with a brush stroke (履职: notes taken in the field). The PNGs
// are committed; run `node scripts/make-icons.mjs` after changing the drawing.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, "public", "icons");

const RED = "#9a121a";
const GOLD = "#c8962e";
const LIGHT_GOLD = "#f3e2ad";

/** The mark on a 512 canvas; `inset` shrinks it toward the centre (maskable safe zone). */
function svg({ rounded, inset }) {
  const scale = 1 - inset * 2;
  const shift = 512 * inset;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="${RED}"/>
  <g transform="translate(${shift} ${shift}) scale(${scale})">
    <circle cx="256" cy="256" r="196" fill="none" stroke="${GOLD}" stroke-width="14"/>
    <circle cx="256" cy="256" r="172" fill="none" stroke="${GOLD}" stroke-width="4"/>
    <path d="M120 190 Q190 160 250 196 L250 350 Q190 318 120 344 Z" fill="${LIGHT_GOLD}"/>
    <path d="M392 190 Q322 160 262 196 L262 350 Q322 318 392 344 Z" fill="${LIGHT_GOLD}"/>
    <path d="M150 218 Q192 204 230 222 M150 252 Q192 238 230 256 M150 286 Q192 272 230 290"
      stroke="${RED}" stroke-width="8" fill="none" stroke-linecap="round"/>
    <path d="M290 300 L360 130" stroke="${GOLD}" stroke-width="16" stroke-linecap="round"/>
    <path d="M284 316 L292 292 L304 298 Z" fill="${RED}"/>
  </g>
</svg>`;
}

mkdirSync(out, { recursive: true });
const icons = [
  { file: "icon-192.png", size: 192, rounded: true, inset: 0 },
  { file: "icon-512.png", size: 512, rounded: true, inset: 0 },
  // Maskable: full bleed, the mark inside the central 80% safe zone.
  { file: "icon-maskable-512.png", size: 512, rounded: false, inset: 0.1 },
  { file: "apple-touch-icon.png", size: 180, rounded: false, inset: 0.04 },
];
for (const icon of icons) {
  await sharp(Buffer.from(svg(icon)))
    .resize(icon.size, icon.size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, icon.file));
  console.log(`public/icons/${icon.file}`);
}

/**
 * public/favicon.ico: 16, 32 and 48 px PNGs in one ICO container (PNG entries are read by
 * every browser since IE 9 / Vista). Header: reserved 0, type 1 (icon), count; then one
 * 16-byte directory entry per image; then the images.
 */
const sizes = [16, 32, 48];
const images = await Promise.all(
  sizes.map((size) =>
    sharp(Buffer.from(svg({ rounded: true, inset: 0 })))
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer(),
  ),
);
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((image, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(sizes[i], 0); // width (0 would mean 256)
  entry.writeUInt8(sizes[i], 1); // height
  entry.writeUInt8(0, 2); // palette colours
  entry.writeUInt8(0, 3); // reserved
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(image.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += image.length;
  return entry;
});
writeFileSync(
  path.join(root, "public", "favicon.ico"),
  Buffer.concat([header, ...entries, ...images]),
);
console.log("public/favicon.ico");
