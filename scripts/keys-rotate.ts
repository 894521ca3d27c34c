// `npm run keys:rotate`: re-encrypt every phone, opinion contact and TOTP secret under the
// current (first) key of DATA_ENCRYPTION_KEYS, and recompute every phone's blind index
// under DATA_INDEX_KEY. One transaction: all values change or none.
//
// A new encryption key: put it first in DATA_ENCRYPTION_KEYS on every instance (the old
// one stays after it, for reading), restart them, run this, then drop the old key.
// A new index key: stop the servers (a phone written meanwhile would be indexed under
// the old key), set DATA_INDEX_KEY, run this, start them. The old index key is not
// needed: each blind index is recomputed from the decrypted phone.
// On the embedded database, stop the server first (it holds the data directory).
import { migrateDatabase, openDatabase } from "../db/client";
import { rotateDataKeys } from "../db/encryption/at-rest";
import { getDataKeys } from "../db/encryption/keys";
import { env } from "../lib/env";

const keys = getDataKeys();
const handle = env.DATABASE_URL
  ? await openDatabase({ url: env.DATABASE_URL })
  : await openDatabase({ dataDir: env.PGLITE_DIR });
try {
  await migrateDatabase(handle, keys);
  const report = await rotateDataKeys(handle.db, keys);
  const lines = Object.entries(report.changed).map(([column, n]) => `  ${column.padEnd(22)} ${n}`);
  console.log(
    [`密钥轮换完成：当前密钥 ${keys.keys[0]?.id} (${handle.driver})，已更新的值:`, ...lines].join(
      "\n",
    ),
  );
} catch (error) {
  console.error(`密钥轮换失败，数据未改动: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
