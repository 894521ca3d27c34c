import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { openDatabase } from "../client";
import { acquireDataDirLock, DataDirectoryBusyError } from "../lock";
import {
  BackupError,
  type BackupResult,
  compareCounts,
  countTables,
  defaultBackupFile,
  type Query,
  type RestoreResult,
} from "./common";
import { checkBackupFile, finishBackup, prepareOutput } from "./files";

/**
 * Backups of the embedded PGlite database: its data directory as a .tar.gz (refused while
 * a server holds it); a restore is loaded beside the target, counted, then put in place.
 */

function busyMessage(dataDir: string, pid: number): string {
  return (
    `嵌入式数据库目录 ${dataDir} 正由进程 ${pid} 使用（多半是正在运行的服务器）。` +
    `嵌入式数据库一次只能由一个进程打开，运行中无法得到一致的备份：请先停止服务器，再运行本命令；` +
    `需要不停机备份时请使用 PostgreSQL 服务器（DATABASE_URL）。` +
    `(The embedded database is in use by process ${pid}: stop the server first.)`
  );
}

function lockDataDir(dataDir: string): () => void {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof DataDirectoryBusyError) {
      throw new BackupError("busy", busyMessage(error.dataDir, error.pid));
    }
    throw error;
  }
}

const pgliteQuery =
  (client: PGlite): Query =>
  async (text) =>
    (await client.query<Record<string, unknown>>(text)).rows;

export interface EmbeddedBackupOptions {
  /** The PGlite data directory (PGLITE_DIR). */
  dataDir: string;
  /** Backup file; default `backups/lvzhi-pglite-<UTC stamp>.tar.gz`. */
  out?: string;
  now?: Date;
}

export async function backupEmbedded(options: EmbeddedBackupOptions): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const dataDir = path.resolve(options.dataDir);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new BackupError(
      "no_database",
      `${dataDir} 中没有嵌入式数据库，无可备份。(No embedded database in that directory.)`,
    );
  }
  const { file, partial } = prepareOutput(options.out ?? defaultBackupFile("pglite-datadir", now));
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ dataDir });
  } catch (error) {
    if (error instanceof DataDirectoryBusyError) {
      throw new BackupError("busy", busyMessage(error.dataDir, error.pid));
    }
    throw error;
  }
  try {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    // Flush everything to the data files, so that the tarball needs no WAL replay.
    await client.exec("checkpoint");
    const tables = await countTables(pgliteQuery(client));
    const [version] = await pgliteQuery(client)("select version() as v");
    const blob = await client.dumpDataDir("gzip");
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()), { flag: "wx", mode: 0o600 });
    return await finishBackup(
      file,
      partial,
      "pglite-datadir",
      {
        driver: "pglite",
        dataDir,
        // "PostgreSQL 18.6 (PGlite 0.5.16) on wasm32…": the tarball loads into the same.
        version: String(version?.v ?? "").split(" on ")[0] ?? "",
      },
      tables,
      now,
    );
  } finally {
    await handle.close();
    if (existsSync(partial)) unlinkSync(partial);
  }
}

export interface EmbeddedRestoreOptions {
  /** The backup file (.tar.gz made by backupEmbedded). */
  file: string;
  /** The PGlite data directory to restore into (PGLITE_DIR). */
  dataDir: string;
  /** Replace a directory that has a database: the old one is moved aside, not deleted. */
  force?: boolean;
  now?: Date;
}

function asideName(dataDir: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  let candidate = `${dataDir}.replaced-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${dataDir}.replaced-${stamp}-${n}`;
  return candidate;
}

export async function restoreEmbedded(options: EmbeddedRestoreOptions): Promise<RestoreResult> {
  const warnings: string[] = [];
  const file = path.resolve(options.file);
  const dataDir = path.resolve(options.dataDir);
  const manifest = await checkBackupFile(file, "pglite-datadir", warnings);
  // Held to the end: no server can open the directory while it is being replaced.
  const release = lockDataDir(dataDir);
  try {
    const exists = existsSync(dataDir);
    if (exists && !statSync(dataDir).isDirectory()) {
      throw new BackupError("not_empty", `${dataDir} 不是目录。(Not a directory.)`);
    }
    const nonEmpty = exists && readdirSync(dataDir).length > 0;
    if (nonEmpty && !options.force) {
      throw new BackupError(
        "not_empty",
        `目标目录 ${dataDir} 不是空的（已有数据库），未做任何改动。` +
          `换一个空目录（PGLITE_DIR），或加 --force：原目录会被改名保留，不会删除。` +
          `(The target directory is not empty: use an empty one, or pass --force to move it aside.)`,
      );
    }

    // Loaded and counted beside the target first: a failure leaves the target as it was.
    const staging = `${dataDir}.restoring-${randomBytes(4).toString("hex")}`;
    mkdirSync(staging);
    let tables: Record<string, number>;
    try {
      const blob = new Blob([readFileSync(file)]);
      const client = await PGlite.create(staging, {
        loadDataDir: blob,
        // The same extensions as db/client.ts openDatabase.
        extensions: { pg_trgm },
      }).catch((error: unknown) => {
        const made = manifest?.source.version ? `（备份由 ${manifest.source.version} 制作）` : "";
        throw new BackupError(
          "tool_failed",
          `无法载入备份${made}，原目录未改动：${error instanceof Error ? error.message : error}` +
            "(The backup could not be loaded; target untouched.)",
        );
      });
      try {
        tables = await countTables(pgliteQuery(client));
      } finally {
        await client.close();
      }
      if (manifest) {
        const problems = compareCounts(manifest.tables, tables);
        if (problems.length > 0) {
          throw new BackupError(
            "verify_failed",
            `恢复出的行数与备份清单不符，原目录未改动：\n  ${problems.join("\n  ")}\n(Row counts differ; target untouched.)`,
          );
        }
      }
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }

    let movedAside: string | undefined;
    if (nonEmpty) {
      movedAside = asideName(dataDir, options.now ?? new Date());
      renameSync(dataDir, movedAside);
    } else if (exists) {
      rmdirSync(dataDir);
    }
    renameSync(staging, dataDir);
    return { target: dataDir, tables, verified: manifest !== null, movedAside, warnings };
  } finally {
    release();
  }
}
