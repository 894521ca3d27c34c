// `npm run db:backup [-- --out FILE] [--pg-bin DIR]`: back up the configured database.
//   DATABASE_URL set: pg_dump -Fc (the server keeps serving; one consistent snapshot);
//   otherwise: the embedded database in PGLITE_DIR as a .tar.gz (stop the server first).
// Default file: backups/lvzhi-<postgres|pglite>-<UTC stamp>.<dump|tar.gz>, with
// FILE.manifest.json beside it (checksum and row counts, checked by db:restore).
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupEmbedded, backupServer, formatKeyCounts } from "../db/backup/index";
import { env } from "../lib/env";

const USAGE = `用法 (usage): npm run db:backup [-- --out 文件] [--pg-bin 目录]
  DATABASE_URL 已设置：用 pg_dump 备份该 PostgreSQL 数据库（服务器可照常运行）；
  未设置：备份 PGLITE_DIR（默认 .data/pglite）中的嵌入式数据库（须先停止服务器）。`;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      "pg-bin": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const result = env.DATABASE_URL
    ? await backupServer({ url: env.DATABASE_URL, out: values.out, pgBinDir: values["pg-bin"] })
    : await backupEmbedded({ dataDir: env.PGLITE_DIR, out: values.out });
  const { manifest } = result;
  console.log(`备份完成 (backup written): ${result.file}`);
  console.log(`  大小 size     ${formatBytes(statSync(result.file).size)}`);
  console.log(`  SHA-256       ${manifest.sha256}`);
  console.log(`  清单 manifest ${result.manifestFile}`);
  console.log(
    `  来源 source   ${manifest.source.driver === "postgres" ? `${manifest.source.server} (PostgreSQL ${manifest.source.serverVersion})` : `${manifest.source.dataDir} (${manifest.source.version})`}`,
  );
  for (const line of formatKeyCounts(manifest.tables)) console.log(line);
  console.log(`  共 ${Object.keys(manifest.tables).length} 个表 (tables counted)`);
  // The phones and TOTP secrets in it are encrypted: without the keys a restore opens
  // nothing of them, and the server refuses to start on it.
  console.log(
    env.DATA_ENCRYPTION_KEYS
      ? "  注意 keys     恢复时须使用同一组 DATA_ENCRYPTION_KEYS 与 DATA_INDEX_KEY (restore with the same data keys)"
      : `  注意 keys     请把密钥文件 ${dataKeysFileHint()} 与备份分开妥善保存；恢复时放回原处 (keep the key file apart from the backup; put it back to restore)`,
  );
}

function dataKeysFileHint(): string {
  return `${dirname(env.PGLITE_DIR)}/data-keys`;
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
