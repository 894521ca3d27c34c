import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
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
import pg from "pg";
import { openDatabase } from "./client";
import { acquireDataDirLock, DataDirectoryBusyError } from "./lock";

/**
 * Backups of either database, for `npm run db:backup` / `npm run db:restore` and the tests.
 *
 * - PostgreSQL server (DATABASE_URL): `pg_dump -Fc`, taken on a snapshot exported by a
 *   REPEATABLE READ transaction in which the rows of every table are counted too, so the
 *   counts in the manifest are exactly those of the dump, whatever is written meanwhile;
 *   the server keeps serving. Restored with `pg_restore --single-transaction` (all or
 *   nothing), then every table's rows are counted again and compared.
 * - Embedded PGlite (no DATABASE_URL): the data directory, checkpointed and packed by
 *   PGlite's own `dumpDataDir("gzip")` (a .tar.gz of PGDATA; Debian's pg_dump cannot read
 *   PGlite, which is PostgreSQL 18 in WASM with no socket). A PGlite data directory has one
 *   process at a time (`<dir>.lock`): a running server holds it, and there is no way to
 *   reach its database from outside nor to copy its files consistently while it writes,
 *   so the backup refuses and says to stop the server. The restore is loaded into a new
 *   directory beside the target, counted, and only then put in place (the old one is moved
 *   aside, never deleted).
 *
 * Each backup FILE has a sidecar `FILE.manifest.json`: its SHA-256, where it came from,
 * and the row count of every table. A restore checks the checksum before touching
 * anything and the counts after; without the manifest it restores with a warning.
 */

export type BackupKind = "pg_dump" | "pglite-datadir";

export interface BackupManifest {
  format: "lvzhi-backup/1";
  kind: BackupKind;
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  source: Record<string, string>;
  /** Rows per table ("schema.table"), counted in the backup's snapshot. */
  tables: Record<string, number>;
}

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
}

export interface RestoreResult {
  /** The database restored into: its URL without password, or the data directory. */
  target: string;
  /** Rows per table after the restore. */
  tables: Record<string, number>;
  /** False when the backup had no manifest: nothing to compare with. */
  verified: boolean;
  /** The previous data directory, moved aside by an embedded restore with `force`. */
  movedAside?: string;
  warnings: string[];
}

export type BackupErrorCode =
  | "busy"
  | "not_empty"
  | "no_database"
  | "missing_tool"
  | "tool_too_old"
  | "tool_failed"
  | "exists"
  | "not_found"
  | "wrong_kind"
  | "checksum"
  | "verify_failed";

/** A refusal or failure with a message for the operator (Chinese, then English). */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}

/** The rows an operator cares about, printed by the CLIs: label → table. */
export const KEY_TABLES: ReadonlyArray<readonly [string, string]> = [
  ["走访记录 notes", "public.field_notes"],
  ["照片 photos", "public.note_photos"],
  ["文件 files", "public.files"],
  ["报名 registrations", "public.registrations"],
  ["用户 users", "public.users"],
  ["审计日志 audit log", "public.audit_log"],
];

/** "  label     count" lines for the CLIs, aligned although the labels are half Chinese. */
export function formatKeyCounts(tables: Record<string, number>): string[] {
  const width = (text: string) =>
    [...text].reduce((sum, ch) => sum + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
  const column = Math.max(...KEY_TABLES.map(([label]) => width(label))) + 2;
  return KEY_TABLES.map(
    ([label, table]) => `  ${label}${" ".repeat(column - width(label))}${tables[table] ?? "—"}`,
  );
}

export function manifestPathFor(file: string): string {
  return `${file}.manifest.json`;
}

/** `backups/lvzhi-<kind>-YYYYMMDD-HHMMSSZ.<ext>` under `dir` (relative to the cwd by default). */
export function defaultBackupFile(kind: BackupKind, now = new Date(), dir = "backups"): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "")
    .replace("T", "-");
  const name = kind === "pg_dump" ? `lvzhi-postgres-${stamp}.dump` : `lvzhi-pglite-${stamp}.tar.gz`;
  return path.resolve(dir, name);
}

// ---------------------------------------------------------------------------------------
// Row counts (the same SQL on both drivers)

type Query = (text: string) => Promise<Record<string, unknown>[]>;

const USER_TABLES_SQL = `
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p')
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
  order by 1, 2`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function countTables(query: Query): Promise<Record<string, number>> {
  const tables = (await query(USER_TABLES_SQL)) as { schema: string; name: string }[];
  if (tables.length === 0) return {};
  // One statement: every count sees the same snapshot even outside a transaction.
  const select = tables
    .map(
      (t, i) =>
        `select ${i} as i, count(*)::int as n from ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`,
    )
    .join(" union all ");
  const rows = (await query(select)) as { i: number; n: number }[];
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const t = tables[Number(row.i)];
    if (t) counts[`${t.schema}.${t.name}`] = Number(row.n);
  }
  return counts;
}

/** Relations and functions of the application (not of extensions) in a database. */
const USER_OBJECTS_SQL = `
  select
    (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
        and not exists (select 1 from pg_depend d
          where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'))
    + (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ('pg_catalog', 'information_schema')
        and not exists (select 1 from pg_depend d
          where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'))
    as objects`;

function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [table, rows] of Object.entries(expected)) {
    const found = actual[table];
    if (found === undefined) problems.push(`${table}: 缺少此表 (missing table)`);
    else if (found !== rows) problems.push(`${table}: 应为 ${rows} 行，实为 ${found} 行`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Files

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** What a backup file is, by its first bytes. */
function detectKind(file: string): BackupKind | null {
  const head = readHead(file, 5);
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite-datadir";
  return null;
}

function prepareOutput(out: string): { file: string; partial: string } {
  const file = path.resolve(out);
  if (existsSync(file) || existsSync(manifestPathFor(file))) {
    throw new BackupError(
      "exists",
      `备份文件 ${file} 已存在，不会覆盖；请换一个文件名。(Backup file exists; not overwritten.)`,
    );
  }
  // A backup holds password hashes, TOTP secrets, phones and the audit log: only the
  // owner may read it (a folder made here is the owner's alone too).
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  return { file, partial: `${file}.partial-${randomBytes(4).toString("hex")}` };
}

async function finishBackup(
  file: string,
  partial: string,
  kind: BackupKind,
  source: Record<string, string>,
  tables: Record<string, number>,
  now: Date,
): Promise<BackupResult> {
  const manifest: BackupManifest = {
    format: "lvzhi-backup/1",
    kind,
    file: path.basename(file),
    bytes: statSync(partial).size,
    sha256: await sha256File(partial),
    createdAt: now.toISOString(),
    source,
    tables,
  };
  const manifestFile = manifestPathFor(file);
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, {
    flag: "wx",
    mode: 0o600,
  });
  chmodSync(partial, 0o600); // pg_dump made it with the umask's mode
  // Only a complete backup gets the final name.
  renameSync(partial, file);
  return { file, manifestFile, manifest };
}

/** Reads and checks the sidecar manifest; null (with a warning) when there is none. */
async function checkBackupFile(
  file: string,
  expected: BackupKind,
  warnings: string[],
): Promise<BackupManifest | null> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError("not_found", `找不到备份文件 ${file}。(Backup file not found.)`);
  }
  const kind = detectKind(file);
  if (kind !== expected) {
    const hint =
      kind === "pg_dump"
        ? "这是 PostgreSQL 服务器的备份（pg_dump），请设置 DATABASE_URL 后再恢复。(A server backup: set DATABASE_URL.)"
        : kind === "pglite-datadir"
          ? "这是嵌入式数据库的备份，请不设 DATABASE_URL、用 PGLITE_DIR 指定目录再恢复。(An embedded backup: unset DATABASE_URL.)"
          : "它不是本系统的备份文件。(Not a backup made by db:backup.)";
    throw new BackupError("wrong_kind", `无法用 ${file} 恢复当前数据库：${hint}`);
  }
  const manifestFile = manifestPathFor(file);
  if (!existsSync(manifestFile)) {
    warnings.push(
      `没有找到 ${path.basename(manifestFile)}：无法校验文件和行数，仅照常恢复。` +
        "(No manifest: checksum and row counts cannot be verified.)",
    );
    return null;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== "lvzhi-backup/1" || manifest.kind !== expected) {
    throw new BackupError(
      "wrong_kind",
      `${manifestFile} 不是与该文件相符的清单。(Manifest does not describe this backup.)`,
    );
  }
  const sha256 = await sha256File(file);
  if (sha256 !== manifest.sha256) {
    throw new BackupError(
      "checksum",
      `备份文件 ${file} 的校验和与清单不符（文件已损坏或被改动），未做任何恢复。` +
        "(Checksum mismatch: the file is damaged; nothing was restored.)",
    );
  }
  return manifest;
}

// ---------------------------------------------------------------------------------------
// PostgreSQL server: pg_dump / pg_restore

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

// ---------------------------------------------------------------------------------------
// Embedded PGlite: the data directory as a .tar.gz

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
