import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is one process per data directory: a second process opening it sees
 * no error but diverges silently. Whoever opens it holds `<dir>.lock` with its pid.
 */
export class DataDirectoryBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `嵌入式数据库目录 ${dataDir} 正由进程 ${pid} 使用（多半是正在运行的服务器）。` +
        `请先停止它再运行本命令，或设置 DATABASE_URL 连接 PostgreSQL 服务器。\n` +
        `(The embedded data directory is held by running process ${pid}; stop it first.)`,
    );
    this.name = "DataDirectoryBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Takes the lock or throws DataDirectoryBusyError; returns the function that releases it. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new DataDirectoryBusyError(dataDir, holder);
      }
      // A stale lock from a process that died: take it over.
      unlinkSync(lockPath);
    }
  }
  throw new Error(`无法获取数据目录锁 ${lockPath}`);
}
