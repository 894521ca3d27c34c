import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Encryption of personal data at rest (phones, contacts, TOTP secrets), given the keys.
 * Loading the keys is I/O and lives in db/encryption/keys.ts.
 *
 * A value is stored as text: `v1:<keyId>:<iv>:<ciphertext>:<tag>` (base64url parts),
 * AES-256-GCM with a random 96-bit IV. The column's name ("registrations.phone") is the
 * associated data, so a ciphertext copied into another column does not decrypt. The
 * empty string stays empty: it means "none given" and holds nothing to protect.
 *
 * Equality (one registration per phone, login by phone) uses a blind index: HMAC-SHA256
 * of the value under a separate key, hex. Without that key the index tells nothing.
 */

export const ENVELOPE_VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const KEY_BYTES = 32;

export type EncryptedColumn =
  | "registrations.phone"
  | "users.phone"
  | "users.totp_secret"
  | "users.email"
  | "opinions.contact"
  | "notification_deliveries.address";

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface DataKeyring {
  /** The first is current (it encrypts); every one decrypts. */
  keys: readonly DataKey[];
  /** The blind index key (HMAC-SHA256). */
  indexKey: Buffer;
}

export class FieldDecryptionError extends Error {
  constructor(column: string, reason: string) {
    super(`无法解密 ${column}: ${reason}`);
    this.name = "FieldDecryptionError";
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A base64 (or base64url) key of exactly 32 bytes, or an Error naming what is wrong. */
export function parseKeyBytes(value: string, name: string): Buffer {
  // Node's base64 decoder reads the url-safe alphabet too.
  const bytes = Buffer.from(value.trim(), "base64");
  if (bytes.length !== KEY_BYTES) {
    throw new Error(`${name} 必须是 32 字节的 base64 密钥（可用 openssl rand -base64 32 生成）`);
  }
  return bytes;
}

/** `id:base64key,id:base64key`: the first is current. */
export function parseDataKeys(value: string): DataKey[] {
  const keys = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const colon = part.indexOf(":");
      const id = colon > 0 ? part.slice(0, colon) : "";
      if (!KEY_ID.test(id)) {
        throw new Error("DATA_ENCRYPTION_KEYS 的格式应为 id:base64密钥[,id:base64密钥…]");
      }
      return { id, key: parseKeyBytes(part.slice(colon + 1), `DATA_ENCRYPTION_KEYS 中的 ${id}`) };
    });
  if (keys.length === 0) throw new Error("DATA_ENCRYPTION_KEYS 至少需要一个密钥");
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new Error("DATA_ENCRYPTION_KEYS 中的密钥 id 不能重复");
  }
  return keys;
}

export function isEnvelope(value: string): boolean {
  return value.startsWith(`${ENVELOPE_VERSION}:`);
}

/** The id of the key that encrypted `value`, or null for an empty or clear value. */
export function envelopeKeyId(value: string): string | null {
  return isEnvelope(value) ? (value.split(":")[1] ?? null) : null;
}

export function encryptField(
  ring: DataKeyring,
  column: EncryptedColumn,
  plaintext: string,
): string {
  if (plaintext === "") return "";
  const current = ring.keys[0];
  if (!current) throw new Error("no data encryption key");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, current.key, iv);
  cipher.setAAD(Buffer.from(column, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [ENVELOPE_VERSION, current.id, b64(iv), b64(body), b64(tag)].join(":");
}

/** The clear value; throws FieldDecryptionError for a clear, tampered or foreign value. */
export function decryptField(ring: DataKeyring, column: EncryptedColumn, stored: string): string {
  if (stored === "") return "";
  const parts = stored.split(":");
  if (parts.length !== 5 || parts[0] !== ENVELOPE_VERSION) {
    throw new FieldDecryptionError(column, "不是加密值");
  }
  const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
  const key = ring.keys.find((k) => k.id === keyId);
  if (!key) throw new FieldDecryptionError(column, `未知密钥 ${keyId}`);
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(column, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new FieldDecryptionError(column, "校验失败（密钥或字段不符，或数据被改动）");
  }
}

/** Null stays null (no phone on the account). */
export function encryptOptional(
  ring: DataKeyring,
  column: EncryptedColumn,
  plaintext: string | null,
): string | null {
  return plaintext === null ? null : encryptField(ring, column, plaintext);
}

export function decryptOptional(
  ring: DataKeyring,
  column: EncryptedColumn,
  stored: string | null,
): string | null {
  return stored === null ? null : decryptField(ring, column, stored);
}

/**
 * The blind index of a phone (already normalised by the caller), bound to what it
 * indexes ("phone") so the same key could index other kinds of value apart.
 */
export function blindIndex(indexKey: Buffer, value: string, kind = "phone"): string {
  return createHmac("sha256", indexKey).update(`${kind}\u0000${value}`, "utf8").digest("hex");
}

function b64(bytes: Buffer): string {
  return bytes.toString("base64url");
}
