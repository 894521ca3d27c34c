// `npm run db:seed`: load the demo data into an empty database; does nothing on one
// that has data. Refuses an embedded data directory that a running server holds.
import { migrateDatabase, openDatabase } from "../db/client";
import { demoPasswords, seedDemoData } from "../db/seed";
import { mayCreateDemoAccounts } from "../lib/demo-policy";
import { env } from "../lib/env";

async function main() {
  const handle = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle);
    const withAccounts = mayCreateDemoAccounts(env);
    const password = env.DEMO_PASSWORD;
    const result = await seedDemoData(handle.db, {
      withAccounts,
      passwords: password ? demoPasswords(password) : undefined,
    });
    if (!result.created) {
      console.log(
        "数据库中已有数据，未做任何改动。(The database already has data; nothing changed.)",
      );
      return;
    }
    console.log("演示数据已载入。(Demo data loaded.)");
    if (!withAccounts) console.log("生产环境：未创建演示账号。(Production: no demo accounts.)");
    for (const a of result.accounts)
      console.log(`  ${a.username.padEnd(10)} ${a.role.padEnd(8)} ${a.password}`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
