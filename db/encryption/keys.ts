import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../../lib/env";
import { type DataKeyring, parseDataKeys, parseKeyBytes } from "../../lib/security/field-crypto";

/**
 * The keys that encrypt personal data at rest (lib/security/field-crypto.ts).
 *
 * DATA_ENCRYPTION_KEYS (`id:base64,id:base64`, first = current) and DATA_INDEX_KEY win
 * when set; lib/env.ts requires both for a production server on PostgreSQL. Otherwise
 * (npm start, tests, demos on the embedded database) the first call makes a key pair and
 * keeps it in `<PGLITE_DIR>/../data-keys` (mode 600), beside the auth secret and outside
 * the database directory, so that a copy of the data directory or a backup alone does
 * not hold the key. Two processes racing to create it agree (exclusive create).
 */
export interface KeySource {
  encryptionKeys?: string;
  indexKey?: string;
  pgliteDir: string;
}

export function resolveDataKeys(source: KeySource): DataKeyring {
  if (source.encryptionKeys && source.indexKey) {
    return {
      keys: parseDataKeys(source.encryptionKeys),
      indexKey: parseKeyBytes(source.indexKey, "DATA_INDEX_KEY"),
    };
  }
  if (source.encryptionKeys || source.indexKey) {
    throw new Error("DATA_ENCRYPTION_KEYS 与 DATA_INDEX_KEY 须同时设置");
  }
  const file = dataKeysFilePath(source.pgliteDir);
  const existing = readKeyFile(file);
  if (existing) {
    chmodSync(file, 0o600);
    return existing;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = [
    `DATA_ENCRYPTION_KEYS=local1:${randomBytes(32).toString("base64")}`,
    `DATA_INDEX_KEY=${randomBytes(32).toString("base64")}`,
    "",
  ].join("\n");
  try {
    writeFileSync(file, text, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const written = readKeyFile(file);
  if (!written) throw new Error(`无法读取数据密钥文件 ${file}`);
  return written;
}

export function dataKeysFilePath(pgliteDir: string): string {
  return path.join(path.dirname(path.resolve(pgliteDir)), "data-keys");
}

function readKeyFile(file: string): DataKeyring | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const values = new Map(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  const keys = values.get("DATA_ENCRYPTION_KEYS");
  const indexKey = values.get("DATA_INDEX_KEY");
  if (!keys || !indexKey) return null;
  return { keys: parseDataKeys(keys), indexKey: parseKeyBytes(indexKey, "DATA_INDEX_KEY") };
}

const holder = globalThis as unknown as { __lvzhiDataKeys?: DataKeyring };

/** The process's keyring, from the environment (or the local key file), read once. */
export function getDataKeys(): DataKeyring {
  holder.__lvzhiDataKeys ??= resolveDataKeys({
    encryptionKeys: env.DATA_ENCRYPTION_KEYS,
    indexKey: env.DATA_INDEX_KEY,
    pgliteDir: env.PGLITE_DIR,
  });
  return holder.__lvzhiDataKeys;
}
