// `npm run db:restore -- FILE [--force] [--pg-bin DIR]`: restore a backup made by db:backup.
//   DATABASE_URL set: pg_restore --single-transaction into that (existing, empty) database;
//     --force: restore over one that has tables (--clean --if-exists drops the backup's
//     objects first). Stop or restart the app servers afterwards (their caches are stale).
//   otherwise: into PGLITE_DIR, which must be empty or missing (the server stopped);
//     --force: the existing directory is moved aside to <dir>.replaced-<stamp>, not deleted.
// Then every table's rows are counted and compared with FILE.manifest.json.
import { parseArgs } from "node:util";
import { BackupError, formatKeyCounts, restoreEmbedded, restoreServer } from "../db/backup/index";
import { env } from "../lib/env";

const USAGE = `用法 (usage): npm run db:restore -- 备份文件 [--force] [--pg-bin 目录]
  DATABASE_URL 已设置：用 pg_restore 恢复到该数据库（须已存在且为空，或加 --force）；
  未设置：恢复到 PGLITE_DIR（须为空或不存在，或加 --force 把原目录改名保留）。`;

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      force: { type: "boolean", default: false },
      "pg-bin": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const result = env.DATABASE_URL
    ? await restoreServer({
        file,
        url: env.DATABASE_URL,
        force: values.force,
        pgBinDir: values["pg-bin"],
      })
    : await restoreEmbedded({ file, dataDir: env.PGLITE_DIR, force: values.force });
  for (const warning of result.warnings) console.warn(`注意 (warning): ${warning}`);
  console.log(`恢复完成 (restored into): ${result.target}`);
  if (result.movedAside)
    console.log(`  原目录已改名保留 (previous directory kept): ${result.movedAside}`);
  for (const line of formatKeyCounts(result.tables)) console.log(line);
  console.log(
    result.verified
      ? `  全部 ${Object.keys(result.tables).length} 个表的行数与备份清单一致。(Row counts verified.)`
      : "  未校验行数（没有清单）。(Row counts not verified: no manifest.)",
  );
  if (env.DATABASE_URL) {
    console.log("请重启应用服务器，以清除其缓存。(Restart the app servers to drop their caches.)");
  }
}

main().catch((error) => {
  if (error instanceof BackupError) console.error(error.message);
  else if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    console.error(`${error.message}\n${USAGE}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
