#!/usr/bin/env node
// `npm start`: build when the sources changed since the last build, then serve.
// The server itself migrates the database and loads demo data on first start
// (instrumentation.ts), so it is the only process that opens the embedded database.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "server",
  "db",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const stale =
  !existsSync(buildId) ||
  SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);

if (stale) {
  console.log("[lvzhi] building the site (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("[lvzhi] the build is up to date");
}

// Designed covers and demo pictures are drawn with sharp from SVG: their Chinese words need
// a CJK font that fontconfig finds, else they come out as boxes.
const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
if (fonts.status !== 0 || fonts.stdout.trim() === "") {
  console.warn(
    "[lvzhi] 未找到中文字体：设计封面和示例图片上的文字会显示为方框。" +
      "Debian 上请安装 fonts-noto-cjk（sudo apt-get install fonts-noto-cjk），然后重新启动。",
  );
}

const server = spawn(process.execPath, [path.join(root, "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
