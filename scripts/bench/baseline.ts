// The bench's yardstick: a one-page static Next.js app, built and served OUTSIDE the
// project tree, so that none of Lüzhi's proxy.ts, instrumentation.ts or next.config.js
// runs for it. It borrows the project's installed next and react through a symlinked
// node_modules; Turbopack refuses a node_modules outside its root, so it is built with
// webpack (a prerendered page is served the same way whichever bundler made it).
//
// Beside the static page it has the floor (`/dynamic`): the same page rendered on every
// request (`await connection()`). It is what Next.js itself costs per request with no
// application at all, so an uncached page's ratio can be read against what any
// per-request render on this machine can reach.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The floor's address on the baseline's server. */
export const FLOOR_PATH = "/dynamic";

export interface Baseline {
  dir: string;
  remove(): void;
}

export function buildBaseline(root: string, nextBin: string): Baseline {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-bench-static-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    mkdirSync(path.join(dir, "app", "dynamic"), { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "static-baseline", private: true }),
    );
    writeFileSync(
      path.join(dir, "app", "layout.tsx"),
      `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}\n`,
    );
    const content = `<main><h1>静态页面</h1><p>${"政协委员履职服务。".repeat(40)}</p></main>`;
    writeFileSync(
      path.join(dir, "app", "page.tsx"),
      `export default function Page() { return ${content}; }\n`,
    );
    writeFileSync(
      path.join(dir, "app", "dynamic", "page.tsx"),
      `import { connection } from "next/server";
export default async function Page() {
  await connection();
  return ${content};
}\n`,
    );
    const result = spawnSync(process.execPath, [nextBin, "build", "--webpack"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error("building the static baseline failed");
    return { dir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
