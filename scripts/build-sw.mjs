// Bundles the service worker (components/pwa/service-worker.ts, with Serwist and the
// offline notes code) into public/sw.js. next.config.js calls it before `next build` and
// `next dev`; run it alone with `node scripts/build-sw.mjs`. public/sw.js is generated
// (git-ignored).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function buildServiceWorker({ minify = true } = {}) {
  buildSync({
    absWorkingDir: root,
    entryPoints: ["components/pwa/service-worker.ts"],
    outfile: "public/sw.js",
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
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServiceWorker();
  console.log("public/sw.js");
}
