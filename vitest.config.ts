import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const ignored = [
  "**/node_modules/**",
  "**/.next/**",
  "**/.next-*/**",
  "**/.data/**",
  "**/.git/**",
  "e2e/**",
  "test-results/**",
  "playwright-report/**",
];

/**
 * Two projects:
 * - unit: pure code, `*.test.ts`, in parallel;
 * - integration: `*.int.test.ts`, one file at a time, on in-memory PGlite, or on the
 *   PostgreSQL server named by TEST_DATABASE_URL (see db/test-utils.ts, scripts/test.sh).
 */
export default defineConfig({
  resolve: {
    alias: [
      // `import "server-only"` throws outside React Server Components: tests import server code.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    environment: "node",
    // Fixed test-only keys for personal data at rest (db/encryption/keys.ts): without
    // them every run would make a key file under .data/.
    env: {
      DATA_ENCRYPTION_KEYS: "test:dGVzdC1vbmx5LWRhdGEta2V5LW5vdC1mb3ItcHJvZDE=",
      DATA_INDEX_KEY: "dGVzdC1vbmx5LWluZGV4LWtleS1ub3QtZm9yLXByb2Q=",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...ignored, "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ignored,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
