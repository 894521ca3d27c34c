/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly from files beside it; native addons cannot be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@node-rs/jieba", "sharp"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
