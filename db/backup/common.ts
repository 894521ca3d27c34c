import path from "node:path";

/**
 * What both kinds of backup share: the manifest, the refusals, the CLI's summary lines
 * and the row counts (the same SQL on both drivers).
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

// Row counts (the same SQL on both drivers)

export type Query = (text: string) => Promise<Record<string, unknown>[]>;

const USER_TABLES_SQL = `
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p')
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
  order by 1, 2`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function countTables(query: Query): Promise<Record<string, number>> {
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
export const USER_OBJECTS_SQL = `
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

export function compareCounts(
  expected: Record<string, number>,
  actual: Record<string, number>,
): string[] {
  const problems: string[] = [];
  for (const [table, rows] of Object.entries(expected)) {
    const found = actual[table];
    if (found === undefined) problems.push(`${table}: 缺少此表 (missing table)`);
    else if (found !== rows) problems.push(`${table}: 应为 ${rows} 行，实为 ${found} 行`);
  }
  return problems;
}
