// `npm run db:migrate`: apply the committed migrations to the configured database.
// The server does this itself at start-up; this is for deployments that migrate first.
import { migrateDatabase, openDatabase } from "../db/client";
import { env } from "../lib/env";

const handle = env.DATABASE_URL
  ? await openDatabase({ url: env.DATABASE_URL })
  : await openDatabase({ dataDir: env.PGLITE_DIR });
try {
  await migrateDatabase(handle);
  console.log(`迁移完成 (${handle.driver}).`);
} finally {
  await handle.close();
}
