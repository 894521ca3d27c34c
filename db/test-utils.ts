import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "./client";

/**
 * Integration tests run on whichever driver the environment names:
 * - TEST_DATABASE_URL set: a real PostgreSQL server; every test database is a fresh
 *   `CREATE DATABASE` on it (UTF-8, ctype C.UTF-8), dropped on close;
 * - otherwise: a fresh in-memory PGlite.
 * scripts/test.sh runs the integration project once each way.
 */

function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.trim() !== "" ? url : undefined;
}

/** The driver the integration tests use, for describe titles: "PGlite" or "PostgreSQL". */
export function driverLabel(): string {
  return testServerUrl() ? "PostgreSQL" : "PGlite";
}

export type TestDatabase = DatabaseHandle & { label: string };

/**
 * A migrated, empty database of its own; `close()` disposes of it. `migrationsFolder`:
 * a copy of the migrations that stops early (see migrateDatabase).
 */
export async function createTestDatabase(
  options: { migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: "memory://" });
    try {
      await migrateDatabase(handle, undefined, options.migrationsFolder);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return { ...handle, label: "PGlite" };
  }

  const name = `t_${randomBytes(6).toString("hex")}`;
  const version = await withAdminClient(serverUrl, async (admin) => {
    await admin.query(
      `create database "${name}" template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
    const result = await admin.query<{ v: string }>(
      "select current_setting('server_version') as v",
    );
    // "15.18 (Debian 15.18-0+deb12u1)" -> "15.18"
    return (result.rows[0]?.v ?? "?").split(" ")[0];
  });

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dropDatabase = () =>
    withAdminClient(serverUrl, (admin) =>
      admin.query(`drop database if exists "${name}" with (force)`),
    );

  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url: url.toString(), poolMax: 4 });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  try {
    await migrateDatabase(handle, undefined, options.migrationsFolder);
  } catch (error) {
    await handle.close();
    await dropDatabase();
    throw error;
  }
  return {
    ...handle,
    label: `PostgreSQL ${version}`,
    close: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}

async function withAdminClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A copy of the migrations that stops just before the one whose tag ends with `tagSuffix`,
 * in a new temporary folder (the caller removes it): a database migrated from it holds
 * rows as an older version wrote them; migrating it again with MIGRATIONS_FOLDER applies
 * the rest, as an upgrade would.
 */
export function migrationsBefore(tagSuffix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "lvzhi-migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8"));
  const stop = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(tagSuffix));
  if (stop <= 0) throw new Error(`no migration after the first ends with ${tagSuffix}`);
  journal.entries = journal.entries.slice(0, stop);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}
