// `npm run audit:verify`: recompute the audit log's hash chain and say whether it is intact.
// Exit 0: intact; 1: broken (the first broken entry is named) or the check could not run.
// Works on the configured database: DATABASE_URL (PostgreSQL, the server may keep running)
// or the embedded one in PGLITE_DIR (stop the server first: one process per directory).
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { anchorAt, verifyAuditChain } from "../db/queries/audit/verify";
import { verifyArchiveFile } from "../db/retention/archive";
import { describeChainResult } from "../lib/audit/chain";
import { env } from "../lib/env";

const USAGE = `用法 (usage): npm run audit:verify [-- --archive 文件 ...]
  逐条重新计算审计日志的哈希链：链完整时退出码为 0，发现断点时指出第一处断点并以退出码 1 退出。
  --archive：同时校验保留任务写出的归档文件（JSON Lines），并核对其最后一条与数据库记录的锚点一致。
  DATABASE_URL 已设置：校验该 PostgreSQL 数据库（服务器可照常运行）；
  未设置：校验 PGLITE_DIR（默认 .data/pglite）中的嵌入式数据库（须先停止服务器）。`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      help: { type: "boolean", short: "h", default: false },
      archive: { type: "string", multiple: true, default: [] },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const handle = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL, poolMax: 1 })
    : await openDatabase({ dataDir: env.PGLITE_DIR });
  try {
    const result = await verifyAuditChain(handle.db);
    console.log(describeChainResult(result));
    if (result.ok && result.head) {
      // Worth noting down outside the server: a later run must show the same hash at
      // this seq, or entries at the end were removed.
      console.log(`  最新一条 (head): 第 ${result.head.seq} 条，哈希 ${result.head.hash}`);
    }
    if (result.ok && result.anchor) {
      console.log(
        `  链接续自已归档的第 ${result.anchor.seq} 条 (anchored on archived entry), 哈希 ${result.anchor.hash}`,
      );
    }
    let ok = result.ok;
    for (const file of values.archive) ok = (await checkArchive(handle.db, file)) && ok;
    return ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

async function checkArchive(db: Parameters<typeof anchorAt>[0], file: string): Promise<boolean> {
  const result = await verifyArchiveFile(file);
  console.log(`归档文件 ${file}：${describeChainResult(result).replace(/^审计日志完整性：/, "")}`);
  if (!result.ok || !result.head) return result.ok;
  const anchor = await anchorAt(db, result.head.seq);
  if (!anchor) {
    console.log(`  数据库中没有第 ${result.head.seq} 条的归档锚点，无法核对 (no anchor recorded).`);
    return false;
  }
  if (anchor.hash !== result.head.hash) {
    console.log(
      `  与数据库锚点不符：第 ${anchor.seq} 条的哈希应为 ${anchor.hash} (does not match the anchor).`,
    );
    return false;
  }
  console.log(`  与数据库锚点一致：第 ${anchor.seq} 条 (matches the anchor).`);
  return true;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      `审计日志校验未能完成 (verification failed to run): ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
