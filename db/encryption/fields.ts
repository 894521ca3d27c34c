import {
  blindIndex,
  decryptOptional,
  type EncryptedColumn,
  encryptField,
  encryptOptional,
} from "../../lib/security/field-crypto";
import { getDataKeys } from "./keys";

/**
 * What the queries call to store and read personal data at rest, under the process's
 * keys (./keys.ts). Phones are stored encrypted beside their blind index (`phone_hash`),
 * which is what equality, uniqueness and lookups use.
 */

export function sealField(column: EncryptedColumn, value: string): string {
  return encryptField(getDataKeys(), column, value);
}

export function sealOptional(column: EncryptedColumn, value: string | null): string | null {
  return encryptOptional(getDataKeys(), column, value);
}

export function openField(column: EncryptedColumn, stored: string): string {
  return decryptOptional(getDataKeys(), column, stored) ?? "";
}

export function openOptional(column: EncryptedColumn, stored: string | null): string | null {
  return decryptOptional(getDataKeys(), column, stored);
}

/** The blind index of a normalised phone. */
export function phoneIndex(phone: string): string {
  return blindIndex(getDataKeys().indexKey, phone);
}

/** The columns to store for a phone: its ciphertext and its blind index. */
export function sealPhone(
  column: "registrations.phone" | "users.phone",
  phone: string,
): { phone: string; phoneHash: string } {
  return { phone: sealField(column, phone), phoneHash: phoneIndex(phone) };
}
