import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DataKeyring } from "../lib/security/field-crypto";
import { encryptClearPersonalData } from "./encryption/at-rest";
import { getDataKeys } from "./encryption/keys";
import { acquireDataDirLock } from "./lock";
import { restrictToOwner } from "./private-files";
import { convertCaseAndTopicTexts } from "./rich-text/convert-cases-topics";
import { convertMarkdownBodies } from "./rich-text/convert-markdown";
import * as schema from "./schema";

/**
 * Both drivers expose the same Drizzle query API; the node-postgres type is the
 * one we program against, and PGlite's instance is used through it.
 */
export type Database = NodePgDatabase<typeof schema>;
export type Driver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string: node-postgres pool. */
  url?: string;
  /** PGlite data directory, or "memory://" for an in-memory database. */
  dataDir?: string;
  poolMax?: number;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
/** Serialises migrations when several instances start at once against one server. */
const MIGRATION_LOCK_KEY = 727_001;

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
      // Also the wait for a free connection of the pool: under a burst a request queues
      // for up to 15 s rather than failing; a server that is down refuses at once.
      connectionTimeoutMillis: 15_000,
    });
    // An idle client that errors (server restarted) must not crash the process.
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    return {
      db: drizzleNodePg({ client: pool, schema }),
      driver: "postgres",
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  let release = () => {};
  if (!dataDir.startsWith("memory://")) {
    release = acquireDataDirLock(dataDir);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  }
  try {
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    if (!dataDir.startsWith("memory://")) restrictToOwner(dataDir);
    return {
      db: drizzlePglite({ client, schema }) as unknown as Database,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Applies the committed migrations, then encrypts any personal data still in clear (the
 * data step SQL cannot do without the key: db/encryption/at-rest.ts) and turns article
 * bodies still in Markdown into HTML (db/rich-text/convert-markdown.ts), and cases' outcomes
 * and research reports from before the editor likewise (convert-cases-topics.ts); safe to run any
 * number of times. (Tests pass a copy of the folder that stops early, to check what a
 * later migration does to existing rows; the data step, which needs the whole schema,
 * then does not run.)
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  keys?: DataKeyring,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<void> {
  // Read only when a row needs it: a database with nothing to encrypt needs no key here.
  const keyring = () => keys ?? getDataKeys();
  const complete = migrationsFolder === MIGRATIONS_FOLDER;
  if (handle.driver === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the PGlite instance behind the shared type
    await migratePglite(handle.db as any, { migrationsFolder });
    if (complete) {
      await encryptClearPersonalData(handle.db, keyring);
      await convertMarkdownBodies(handle.db);
      await convertCaseAndTopicTexts(handle.db);
    }
    return;
  }
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const locked = drizzleNodePg({ client, schema });
    await migrateNodePg(locked, { migrationsFolder });
    if (complete) {
      await encryptClearPersonalData(locked, keyring);
      await convertMarkdownBodies(locked);
      await convertCaseAndTopicTexts(locked);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
