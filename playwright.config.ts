import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against the production build (`next build`, then `next start`) on a
 * fresh, empty embedded database, in Debian's Chromium (never `playwright install`).
 *
 * Environment:
 * - E2E_PORT         port of the server (default 3107)
 * - E2E_SKIP_BUILD=1 serve the existing `.next` build (scripts/test.sh builds first)
 * - E2E_PGLITE_DIR   PGlite data directory for the server (default: a new temporary one)
 * - CHROMIUM_PATH    browser executable (default /usr/bin/chromium)
 */
const port = Number(process.env.E2E_PORT || 3107);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * This file is evaluated in the runner and again in each worker; workers inherit the
 * runner's environment, so only the runner makes (and on exit removes) the directory.
 */
function serverDataDir(): string {
  const given = process.env.E2E_PGLITE_DIR;
  if (given) return given;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-e2e-"));
  process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
  const dir = path.join(scratch, "pglite");
  process.env.E2E_PGLITE_DIR = dir;
  return dir;
}
const pgliteDir = serverDataDir();

function inheritedEnv(): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

const next = path.join("node_modules", ".bin", "next");
// The production server users run (`npm start`): Next.js behind the page cache.
const serve = "node server.mjs";

export default defineConfig({
  testDir: "e2e",
  // One folder per server port, so runs side by side keep their own traces.
  outputDir: process.env.E2E_PORT ? `test-results-${port}` : "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: "chromium",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: process.env.E2E_SKIP_BUILD === "1" ? serve : `${next} build && ${serve}`,
    // 200 once the database is migrated and the demo data loaded (503 until then).
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      ...inheritedEnv(),
      // Always the embedded database, empty at first start: the app migrates it and loads
      // the demo data itself.
      DATABASE_URL: "",
      TEST_DATABASE_URL: "",
      PGLITE_DIR: pgliteDir,
      DEMO_DATA: "auto",
      SITE_URL: baseURL,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // The browser stands in for a reverse proxy: tests speak from several client
      // addresses through X-Forwarded-For, believed only from this trusted peer.
      TRUSTED_PROXIES: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-secret-not-for-production-0123456789",
    },
  },
});
