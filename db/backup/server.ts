import { spawn } from "node:child_process";
import { existsSync, readdirSync, realpathSync, unlinkSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  BackupError,
  type BackupResult,
  compareCounts,
  countTables,
  defaultBackupFile,
  type Query,
  type RestoreResult,
  USER_OBJECTS_SQL,
} from "./common";
import { checkBackupFile, finishBackup, prepareOutput } from "./files";

/**
 * Backups of a PostgreSQL server: `pg_dump -Fc` on a snapshot whose row counts go into the
 * manifest; restored by `pg_restore --single-transaction`, then counted and compared.
 */

export interface PgTool {
  path: string;
  major: number;
  version: string;
}

function toolVersion(bin: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(bin, ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.on("error", () => resolve(null));
    child.on("close", (code) => resolve(code === 0 ? out.trim() : null));
  });
}

/**
 * The newest `name` (pg_dump, pg_restore) in `binDir` if given, else on PATH or under
 * /usr/lib/postgresql/<major>/bin (Debian keeps versions side by side there).
 */
export async function findPgTool(name: "pg_dump" | "pg_restore", binDir?: string): Promise<PgTool> {
  const candidates: string[] = [];
  if (binDir) candidates.push(path.join(binDir, name));
  else {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
      if (dir) candidates.push(path.join(dir, name));
    }
    const debian = "/usr/lib/postgresql";
    if (existsSync(debian)) {
      for (const major of readdirSync(debian))
        candidates.push(path.join(debian, major, "bin", name));
    }
  }
  const seen = new Set<string>();
  const found: PgTool[] = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    const version = await toolVersion(candidate);
    const match = version?.match(/\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/);
    if (!version || !match) continue;
    found.push({ path: candidate, major: Number(match[1]), version });
  }
  // Newest major first; at equal majors a real binary beats Debian's pg_wrapper.
  found.sort(
    (a, b) =>
      b.major - a.major ||
      Number(b.path.startsWith("/usr/lib/postgresql")) -
        Number(a.path.startsWith("/usr/lib/postgresql")),
  );
  const best = found[0];
  if (!best) {
    throw new BackupError(
      "missing_tool",
      `找不到 ${name}。请安装 PostgreSQL 客户端工具（Debian/Ubuntu：apt-get install postgresql-client，` +
        `版本不低于服务器的主版本），或用 --pg-bin 指定其目录。` +
        `(${name} not found: install Debian package postgresql-client, or pass --pg-bin DIR.)`,
    );
  }
  return best;
}

interface ServerInfo {
  major: number;
  version: string;
  database: string;
}

/** The URL without its password (given to the tool in PGPASSWORD, not on its command line). */
function splitUrl(url: string): { url: string; password?: string; display: string } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = "";
  return { url: parsed.toString(), password, display: parsed.toString() };
}

function runTool(tool: PgTool, args: string[], password?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: "lvzhi-backup" };
    if (password !== undefined) env.PGPASSWORD = password;
    const child = spawn(tool.path, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", (error) =>
      reject(new BackupError("tool_failed", `无法运行 ${tool.path}: ${error.message}`)),
    );
    child.on("close", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            "tool_failed",
            `${path.basename(tool.path)} 失败（退出码 ${code}），未完成。(${path.basename(tool.path)} failed.)\n${stderr.trim()}`,
          ),
        );
    });
  });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code;
    if (code === "3D000") {
      throw new BackupError(
        "no_database",
        `数据库不存在：${splitUrl(url).display}。请先创建一个空数据库（例如 createdb -T template0 -E UTF8 名称）。` +
          `(The database does not exist: create an empty one first.)\n${message}`,
      );
    }
    throw new BackupError("no_database", `无法连接数据库 ${splitUrl(url).display}：${message}`);
  }
  return client;
}

async function serverInfo(client: pg.Client): Promise<ServerInfo> {
  const { rows } = await client.query<{ num: string; v: string; db: string }>(
    "select current_setting('server_version_num') as num, current_setting('server_version') as v, current_database() as db",
  );
  const row = rows[0];
  if (!row) throw new Error("no server version");
  return {
    major: Math.floor(Number(row.num) / 10_000),
    version: row.v.split(" ")[0] ?? row.v,
    database: row.db,
  };
}

function requireToolFor(tool: PgTool, server: ServerInfo) {
  if (tool.major < server.major) {
    throw new BackupError(
      "tool_too_old",
      `${tool.path} 是 PostgreSQL ${tool.major}，比服务器（${server.version}）旧，不能使用。` +
        `请安装 postgresql-client-${server.major}（或更新的版本）。` +
        `(${path.basename(tool.path)} ${tool.major} is older than the server ${server.major}.)`,
    );
  }
}

const clientQuery =
  (client: pg.Client): Query =>
  async (text) =>
    (await client.query(text)).rows;

export interface ServerBackupOptions {
  /** The database to back up (DATABASE_URL). */
  url: string;
  /** Backup file; default `backups/lvzhi-postgres-<UTC stamp>.dump`. */
  out?: string;
  /** Directory of pg_dump when it is not on PATH nor under /usr/lib/postgresql. */
  pgBinDir?: string;
  now?: Date;
}

export async function backupServer(options: ServerBackupOptions): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const tool = await findPgTool("pg_dump", options.pgBinDir);
  const { url, password, display } = splitUrl(options.url);
  const client = await connect(options.url);
  let partial: string | undefined;
  try {
    const server = await serverInfo(client);
    requireToolFor(tool, server);
    const { file, partial: partialFile } = prepareOutput(
      options.out ?? defaultBackupFile("pg_dump", now),
    );
    partial = partialFile;
    // The counts and the dump see one snapshot: pg_dump imports the one exported here,
    // which lives as long as this transaction stays open.
    await client.query("begin isolation level repeatable read read only");
    const [snapshot] = (await client.query<{ id: string }>("select pg_export_snapshot() as id"))
      .rows;
    if (!snapshot) throw new Error("no snapshot");
    const tables = await countTables(clientQuery(client));
    await runTool(
      tool,
      [
        "--format=custom",
        `--file=${partialFile}`,
        `--snapshot=${snapshot.id}`,
        "--no-password",
        `--dbname=${url}`,
      ],
      password,
    );
    await client.query("commit");
    const result = await finishBackup(
      file,
      partialFile,
      "pg_dump",
      {
        driver: "postgres",
        server: display,
        database: server.database,
        serverVersion: server.version,
        tool: tool.version,
      },
      tables,
      now,
    );
    partial = undefined;
    return result;
  } finally {
    if (partial && existsSync(partial)) unlinkSync(partial);
    await client.end().catch(() => {});
  }
}

export interface ServerRestoreOptions {
  /** The backup file (pg_dump custom format). */
  file: string;
  /** The database to restore into (DATABASE_URL); it must exist. */
  url: string;
  /** Restore into a database that has tables: drop the backup's objects first. */
  force?: boolean;
  pgBinDir?: string;
}

export async function restoreServer(options: ServerRestoreOptions): Promise<RestoreResult> {
  const warnings: string[] = [];
  const file = path.resolve(options.file);
  const manifest = await checkBackupFile(file, "pg_dump", warnings);
  const tool = await findPgTool("pg_restore", options.pgBinDir);
  const { url, password, display } = splitUrl(options.url);
  const client = await connect(options.url);
  try {
    const server = await serverInfo(client);
    requireToolFor(tool, server);
    // pg_restore reads archives of its own major version and older ones only.
    const dumpMajor = Number(manifest?.source.tool?.match(/\(PostgreSQL\)\s+(\d+)/)?.[1] ?? 0);
    if (dumpMajor > tool.major) {
      throw new BackupError(
        "tool_too_old",
        `备份由 pg_dump ${dumpMajor} 制作，${tool.path} 是 ${tool.major}，读不了它：` +
          `请安装 postgresql-client-${dumpMajor}。(pg_restore is older than the pg_dump that made the backup.)`,
      );
    }
    const [row] = (await client.query<{ objects: number }>(USER_OBJECTS_SQL)).rows;
    const objects = Number(row?.objects ?? 0);
    if (objects > 0 && !options.force) {
      throw new BackupError(
        "not_empty",
        `目标数据库 ${display} 不是空的（已有 ${objects} 个表、序列或函数），未做任何改动。` +
          `恢复到新建的空数据库，或加 --force 覆盖（先删除备份中的同名对象）。` +
          `(The target database is not empty: restore into an empty one, or pass --force.)`,
      );
    }
    const args = [
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      "--no-password",
      `--dbname=${url}`,
    ];
    if (objects > 0) args.push("--clean", "--if-exists");
    args.push(file);
    await runTool(tool, args, password);

    const tables = await countTables(clientQuery(client));
    if (manifest) {
      const problems = compareCounts(manifest.tables, tables);
      if (problems.length > 0) {
        throw new BackupError(
          "verify_failed",
          `恢复后的行数与备份清单不符：\n  ${problems.join("\n  ")}\n(Row counts differ from the manifest.)`,
        );
      }
    }
    return { target: display, tables, verified: manifest !== null, warnings };
  } finally {
    await client.end().catch(() => {});
  }
}
