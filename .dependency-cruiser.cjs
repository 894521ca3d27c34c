/**
 * The floors of the house (docs/architecture.md): an import may only go down
 *   app → components → server → db → lib
 * with two allowances: components may import *types* of db/ row shapes, and app/ may import
 * anything below it. Run by `npm run lint`; a wrong-way import or a cycle fails CI.
 */
/** Tests may reach a floor above theirs to set up fixtures; they may not form cycles. */
const tests = "\\.test\\.tsx?$";
const testHelpers = "(^|/)test-[^/]+\\.ts$";

const floors = {
  app: "^app/",
  components: "^components/",
  server: "^server/",
  db: "^db/",
  lib: "^lib/",
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Import cycles make a module's meaning depend on load order: split the shared part out.",
      from: { pathNot: "\\.test\\.tsx?$" },
      to: { circular: true },
    },
    {
      name: "lib-imports-nothing-above",
      severity: "error",
      comment: "lib/ is pure rules: no app/, components/, server/ or db/.",
      from: { path: floors.lib, pathNot: tests },
      to: { path: ["^app/", "^components/", "^server/", "^db/"] },
    },
    {
      name: "db-imports-only-lib",
      severity: "error",
      comment: "db/ talks to the database and may only use lib/.",
      from: { path: floors.db, pathNot: tests },
      to: { path: ["^app/", "^components/", "^server/"] },
    },
    {
      name: "server-imports-db-and-lib",
      severity: "error",
      comment: "server/ is I/O besides the database: it may use db/ and lib/, never routes or UI.",
      from: { path: floors.server, pathNot: tests },
      to: { path: ["^app/", "^components/"] },
    },
    {
      name: "components-render-only",
      severity: "error",
      comment:
        "components/ get data and actions as props: no app/ or server/, and only types from db/.",
      from: { path: floors.components, pathNot: tests },
      to: { path: ["^app/", "^server/"] },
    },
    {
      name: "components-take-only-types-from-db",
      severity: "error",
      comment: "components/ may name db/ row types, never call db/ code.",
      from: { path: floors.components, pathNot: tests },
      to: { path: "^db/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-test-helpers-outside-tests",
      severity: "error",
      comment: "Test fixtures (test-*.ts, test-utils.ts) import vitest: only tests may use them.",
      from: { pathNot: [tests, testHelpers] },
      to: { path: testHelpers },
    },
    {
      name: "no-drizzle-outside-db",
      severity: "error",
      comment: "Only db/ imports drizzle-orm and the database drivers.",
      from: { path: ["^app/", "^components/", "^server/", "^lib/"], pathNot: tests },
      to: { path: "node_modules/(drizzle-orm|pg|@electric-sql/pglite)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^\\.next", "^node_modules", "^\\.data", "^db/migrations"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".d.ts"],
    },
    skipAnalysisNotInRules: true,
  },
};
