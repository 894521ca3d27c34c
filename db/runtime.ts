import "server-only";
import { mayCreateDemoAccounts } from "@/lib/demo-policy";
import { env } from "@/lib/env";
import { type Database, type DatabaseHandle, migrateDatabase, openDatabase } from "./client";
import { DataDirectoryBusyError } from "./lock";
import { startNotificationScanSchedule } from "./queries/notifications/schedule";
import { startRetentionSchedule } from "./retention/schedule";
import { demoPasswords, seedDemoData } from "./seed";

/**
 * The server's one database handle, opened lazily on first use (never while
 * `next build` collects page data) and kept on globalThis across module copies.
 */
const holder = globalThis as unknown as { __lvzhiDatabase?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.__lvzhiDatabase) {
    holder.__lvzhiDatabase = bootDatabase().catch((error) => {
      // Let the next request try again (the server may come back).
      holder.__lvzhiDatabase = undefined;
      throw error;
    });
  }
  return holder.__lvzhiDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

async function bootDatabase(): Promise<DatabaseHandle> {
  const handle = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX })
    : await openDatabase({ dataDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle);
    if (handle.driver === "pglite" && env.DEMO_DATA === "auto") {
      const password = env.DEMO_PASSWORD;
      const result = await seedDemoData(handle.db, {
        withAccounts: mayCreateDemoAccounts(env),
        passwords: password ? demoPasswords(password) : undefined,
      });
      if (result.created) printDemoAccounts(result.accounts);
    }
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

/** Called by instrumentation.ts: the server is ready to serve once this returns. */
export async function openDatabaseOnServerStart(): Promise<void> {
  try {
    const handle = await getDatabaseHandle();
    console.log(`[lvzhi] database ready (${handle.driver})`);
    startRetentionSchedule(getDb, env);
    startNotificationScanSchedule(getDb);
  } catch (error) {
    console.error("[lvzhi] database not ready:", error instanceof Error ? error.message : error);
    // A held embedded data directory cannot heal by retrying: stop with the message.
    if (error instanceof DataDirectoryBusyError) process.exit(1);
  }
}

function printDemoAccounts(accounts: { username: string; role: string; password: string }[]) {
  if (accounts.length === 0) return;
  const lines = accounts.map((a) => `  ${a.username.padEnd(10)} ${a.role.padEnd(8)} ${a.password}`);
  console.log(
    [
      "",
      "已载入演示数据。演示账号（只显示这一次，请妥善保存）:",
      "Demo data loaded. Demo accounts (shown once):",
      ...lines,
      "",
    ].join("\n"),
  );
}
