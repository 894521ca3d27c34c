// Bundles the service worker (components/pwa/service-worker.ts, with Serwist and the
// offline notes code) into public/sw.js. next.config.js calls it before `next build` and
// `next dev`; run it alone with `node scripts/build-sw.mjs`. public/sw.js is generated
// (git-ignored).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Writes public/sw.js only when its bytes change: an unchanged worker keeps its file time,
 * so other builds (npm start's, the soak's and the bench's staleness checks watch public/)
 * are not made to look out of date by it. Returns true when the file was written.
 */
export function buildServiceWorker({ minify = true } = {}) {
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ["components/pwa/service-worker.ts"],
    outfile: "public/sw.js",
    write: false,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "safari15", "firefox110"],
    minify,
    sourcemap: false,
    legalComments: "none",
    tsconfig: "tsconfig.json",
    define: { "process.env.NODE_ENV": JSON.stringify(process.env.NODE_ENV || "production") },
    logLevel: "warning",
  });
  const [output] = result.outputFiles;
  const file = path.join(root, "public", "sw.js");
  let current = null;
  try {
    current = readFileSync(file);
  } catch {
    // Not built yet.
  }
  if (current?.equals(output.contents)) return false;
  writeFileSync(file, output.contents);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServiceWorker();
  console.log("public/sw.js");
}
