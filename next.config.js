/** @type {import('next').NextConfig} */
const nextConfig = {
  // Build tooling only: lets several checkouts' builds (e2e, bench) sit side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WebAssembly from files beside it; native addons cannot be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@node-rs/jieba", "sharp"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
