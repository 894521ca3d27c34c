import pg from "pg";

/**
 * A fingerprint of the "postgres" project's database (E2E_PG_DATABASE_URL): for every table
 * of the public schema, its row count and an md5 of its rows. Two fingerprints taken around
 * a refused request must be equal: the request changed nothing.
 *
 * auth.spec.ts runs on the same database (one worker, files one after another today; the
 * filters below keep the two specs apart even if they ever ran side by side). It creates
 * its own accounts and only touches users, invitations, recovery codes and the audit log,
 * so those four tables are fingerprinted only for rows this sweep can affect:
 * - users, invitations, recovery_codes: rows of the demo accounts (the only accounts this
 *   sweep signs in with or attacks);
 * - audit_log: rows written from this sweep's client addresses (SWEEP_IP_PREFIX), which
 *   no other spec speaks from.
 */

export const SWEEP_IP_PREFIX = "192.0.2.";
const DEMO_ACCOUNTS = ["admin", "editor", "member1", "member2"];

export interface FingerprintOptions {
  /**
   * Columns left out, per table, because a refused request legitimately changes them.
   * Each use says why (e.g. a refused login counts a failure on the account).
   */
  ignoreColumns?: Record<string, string[]>;
  /** Whole tables left out, for the same reason (e.g. the audit log records refused logins). */
  ignoreTables?: string[];
}

export type Fingerprint = Record<string, string>;

let pool: pg.Pool | null = null;

function db(): pg.Pool {
  const url = process.env.E2E_PG_DATABASE_URL;
  if (!url) throw new Error("E2E_PG_DATABASE_URL is not set: run in the postgres project");
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Row filters for the tables auth.spec.ts writes too (see above). */
function rowFilter(table: string, columns: Set<string>): string {
  const demo = DEMO_ACCOUNTS.map((u) => `'${u}'`).join(",");
  const demoIds = `(select id from users where username in (${demo}))`;
  if (table === "users") return `where t.username in (${demo})`;
  if ((table === "invitations" || table === "recovery_codes") && columns.has("user_id"))
    return `where t.user_id in ${demoIds}`;
  if (table === "audit_log" && columns.has("ip"))
    return `where t.ip::text like '${SWEEP_IP_PREFIX}%'`;
  return "";
}

export async function fingerprint(options: FingerprintOptions = {}): Promise<Fingerprint> {
  const client = db();
  const { rows: columnRows } = await client.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Set<string>>();
  for (const row of columnRows) {
    if (!tables.has(row.table_name)) tables.set(row.table_name, new Set());
    tables.get(row.table_name)?.add(row.column_name);
  }
  const selects: string[] = [];
  for (const [table, columns] of tables) {
    if (options.ignoreTables?.includes(table)) continue;
    const drop = options.ignoreColumns?.[table] ?? [];
    const minus = drop.length ? ` - array[${drop.map((c) => `'${c}'`).join(",")}]::text[]` : "";
    selects.push(
      `select '${table}' as name, count(*)::text || ':' || coalesce(md5(string_agg(x, '|' order by x)), '-') as print
         from (select (to_jsonb(t)${minus})::text as x from ${quote(table)} t ${rowFilter(table, columns)}) s`,
    );
  }
  const { rows } = await client.query<{ name: string; print: string }>(selects.join(" union all "));
  const out: Fingerprint = {};
  for (const row of rows.sort((a, b) => a.name.localeCompare(b.name))) out[row.name] = row.print;
  return out;
}

/** Runs a query on the e2e database (for finding ids to attack with). */
export async function query<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  return (await db().query<T>(text, values)).rows;
}
