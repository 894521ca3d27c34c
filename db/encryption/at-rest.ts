import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import {
  blindIndex,
  type DataKeyring,
  decryptField,
  type EncryptedColumn,
  encryptField,
  envelopeKeyId,
  isEnvelope,
} from "../../lib/security/field-crypto";
import type * as schema from "../schema";

/**
 * Bulk passes over the encrypted columns:
 * - `encryptClearPersonalData`: the data step of the migration that introduced
 *   encryption at rest. Rows written before it hold phones, contacts and TOTP secrets in
 *   clear; SQL cannot encrypt them without the key, so the app's migrate step runs this
 *   after the DDL (db/client.ts `migrateDatabase`). Idempotent: values already `v1:…`
 *   with their blind index are left alone, so once done it costs one query per column.
 * - `rotateDataKeys` (`npm run keys:rotate`): every value re-encrypted under the current
 *   (first) key and every blind index recomputed under the current index key.
 * Each runs in one transaction: all rows change or none.
 */

interface Target {
  table: "registrations" | "users" | "opinions" | "notification_deliveries";
  column: "phone" | "contact" | "totp_secret" | "email" | "address";
  /** Associated data of the ciphertext. */
  aad: EncryptedColumn;
  /** The blind index column kept beside it, for phones. */
  hash?: "phone_hash";
}

const TARGETS: readonly Target[] = [
  { table: "registrations", column: "phone", aad: "registrations.phone", hash: "phone_hash" },
  { table: "users", column: "phone", aad: "users.phone", hash: "phone_hash" },
  { table: "users", column: "totp_secret", aad: "users.totp_secret" },
  { table: "users", column: "email", aad: "users.email" },
  { table: "opinions", column: "contact", aad: "opinions.contact" },
  { table: "notification_deliveries", column: "address", aad: "notification_deliveries.address" },
];

const BATCH = 500;

export interface PassReport {
  /** "registrations.phone" → values changed. */
  changed: Record<string, number>;
}

type Mode = "clear" | "rotate";
/** db/client.ts's Database, named without importing it (client.ts runs this pass). */
type Database = NodePgDatabase<typeof schema>;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** `keys` is called only once a row needs encrypting. */
export function encryptClearPersonalData(
  db: Database,
  keys: () => DataKeyring,
): Promise<PassReport> {
  return runPass(db, keys, "clear");
}

export function rotateDataKeys(db: Database, ring: DataKeyring): Promise<PassReport> {
  return runPass(db, () => ring, "rotate");
}

async function runPass(db: Database, ring: () => DataKeyring, mode: Mode): Promise<PassReport> {
  return db.transaction(async (tx) => {
    // Wrong keys refuse here, at start-up, rather than on the first page that reads a phone.
    for (const target of TARGETS) await probeKeys(tx, ring, target, mode);
    const changed: Record<string, number> = {};
    for (const target of TARGETS) changed[target.aad] = await passOver(tx, ring, target, mode);
    return { changed };
  });
}

/** One stored value of the column decrypts, and its blind index matches, or this throws. */
async function probeKeys(
  tx: Tx,
  keys: () => DataKeyring,
  target: Target,
  mode: Mode,
): Promise<void> {
  const column = sql.identifier(target.column);
  const hash = target.hash ? sql.identifier(target.hash) : null;
  const result = await tx.execute<{ value: string; hash: string | null }>(
    sql`select ${column} as value, ${hash ?? sql`null`} as hash from ${sql.identifier(target.table)}
        where ${column} like 'v1:%' ${hash ? sql`and ${hash} is not null` : sql``} limit 1`,
  );
  const [row] = (result as unknown as { rows: { value: string; hash: string | null }[] }).rows;
  if (!row) return;
  const ring = keys();
  let clear: string;
  try {
    clear = decryptField(ring, target.aad, row.value);
  } catch (error) {
    throw new Error(
      `DATA_ENCRYPTION_KEYS 无法解密已存的 ${target.aad}（密钥不符或缺少旧密钥）: ${(error as Error).message}`,
    );
  }
  // A rotation is what brings a new index key: only the start-up holds the old one to it.
  if (mode === "clear" && row.hash !== null && row.hash !== blindIndex(ring.indexKey, clear)) {
    throw new Error(
      `DATA_INDEX_KEY 与已存的 ${target.aad} 索引不符：换用新的索引密钥须先停止服务再运行 npm run keys:rotate`,
    );
  }
}

async function passOver(
  tx: Tx,
  keys: () => DataKeyring,
  target: Target,
  mode: Mode,
): Promise<number> {
  const table = sql.identifier(target.table);
  const column = sql.identifier(target.column);
  const hash = target.hash ? sql.identifier(target.hash) : null;
  const hashSelect = hash ? sql`${hash}` : sql`null`;
  // The data step only looks at what is still to do; a rotation at every value.
  const pending =
    mode === "rotate"
      ? sql`true`
      : hash
        ? sql`(${column} not like 'v1:%' or ${hash} is null)`
        : sql`${column} not like 'v1:%'`;
  let after = 0;
  let count = 0;
  for (;;) {
    const result = await tx.execute<{ id: number; value: string; hash: string | null }>(
      sql`select id, ${column} as value, ${hashSelect} as hash from ${table}
          where ${column} is not null and ${column} <> '' and ${pending} and id > ${after}
          order by id limit ${BATCH}`,
    );
    const rows = (
      result as unknown as { rows: { id: number; value: string; hash: string | null }[] }
    ).rows;
    if (rows.length === 0) return count;
    const ring = keys();
    const current = ring.keys[0]?.id;
    for (const row of rows) {
      after = Number(row.id);
      const clear = isEnvelope(row.value) ? decryptField(ring, target.aad, row.value) : row.value;
      const value =
        isEnvelope(row.value) && envelopeKeyId(row.value) === current
          ? row.value
          : encryptField(ring, target.aad, clear);
      const newHash = hash ? blindIndex(ring.indexKey, clear) : null;
      if (value === row.value && newHash === row.hash) continue;
      const setHash = hash ? sql`, ${hash} = ${newHash}` : sql``;
      await tx.execute(sql`update ${table} set ${column} = ${value}${setHash} where id = ${after}`);
      count += 1;
    }
  }
}
