import { fileURLToPath } from "node:url";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { buildServiceWorker } from "./scripts/build-sw.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Build tooling only: lets several checkouts' builds (e2e, bench) sit side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WebAssembly from files beside it; native addons cannot be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "sharp",
    "@touch4it/ical-timezones",
  ],
  poweredByHeader: false,
  // The data cache (unstable_cache): entries in memory, invalidations shared through Redis
  // when REDIS_URL is set. Imported by Next itself at run time, unbundled: a plain module.
  cacheHandler: fileURLToPath(new URL("./server/cache/handler.mjs", import.meta.url)),
  experimental: {
    // Field notes carry up to nine photos of up to 15 MB each. The upper bound only:
    // server.mjs gives every route its own, smaller limit (server/http/body-limits.mjs).
    serverActions: { bodySizeLimit: "140mb" },
    // proxy.ts sees member requests; their bodies (photos) must reach the route whole.
    proxyClientMaxBodySize: "140mb",
    // Cached query results live in memory only: a restarted server, a restored backup or
    // another database never sees results cached for a previous one.
    isrFlushToDisk: false,
  },
  // Share previews (WeChat, Chinese search engines) need metadata in the initial HTML.
  htmlLimitedBots:
    /MicroMessenger|WeChat|Weibo|QQ\/|Bytespider|Baiduspider|Sogou|360Spider|YisouSpider|bingbot|Googlebot/i,
  reactStrictMode: true,
};

/**
 * The member app's service worker (public/sw.js) is bundled from components/pwa before
 * each build and dev start (scripts/build-sw.mjs), so every way of building the site
 * (npm run build, scripts/start.mjs, the e2e runner) serves a current one.
 */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) {
    // Minified either way: the same bytes from `next dev` and `next build`, so neither
    // rewrites it for the other (and makes the other's build look stale).
    buildServiceWorker({ minify: true });
  }
  return nextConfig;
}
