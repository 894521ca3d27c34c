/**
 * Search benchmark (docs/search.md): a generated corpus of committee news, indexed the
 * way the app indexes it, queried the way the app queries it, next to the alternatives.
 *
 *   npx tsx scripts/search-bench.ts                  # 100k articles on PostgreSQL (ephemeral)
 *   npx tsx scripts/search-bench.ts --docs 20000     # a smaller corpus
 *   npx tsx scripts/search-bench.ts --pglite 100000  # also the chosen approach on PGlite
 *   npx tsx scripts/search-bench.ts --url postgres://…  # an existing server (a new database on it)
 *
 * Without --url it starts a throwaway PostgreSQL server with scripts/pg-ephemeral.sh and
 * stops it at the end. Output: markdown tables on stdout, progress on stderr.
 */
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// db/queries/search is a server module (`import "server-only"`): outside Next.js the
// marker resolves to its empty build, as under vitest. Registered before the bench loads.
const serverOnly = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
const hook = `export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(serverOnly)}, shortCircuit: true } : n(s, c); }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);

await import("./search-bench/main");
