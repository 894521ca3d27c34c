import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Who may choose which password: 10 to 128 characters, not a common password, not
 * containing the username (or the phone number). No composition rules and no forced
 * rotation, as NIST SP 800-63B advises.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter usernames would refuse too many passwords by accident ("li" in "delight"). */
const MIN_IDENTIFIER_LENGTH = 3;

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_username";

export interface PasswordOwner {
  username: string;
  phone?: string | null;
}

/** Characters as a person counts them: 中文 is two, not six UTF-8 bytes or two UTF-16 units. */
export function passwordLength(password: string): number {
  return Array.from(password).length;
}

export function checkNewPassword(
  password: string,
  owner: PasswordOwner,
  common: ReadonlySet<string> = commonPasswords(),
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.trim())) return "common";
  for (const identifier of [owner.username, owner.phone]) {
    const id = identifier?.trim().toLowerCase();
    if (id && id.length >= MIN_IDENTIFIER_LENGTH && lower.includes(id)) return "contains_username";
  }
  return null;
}

const holder = globalThis as unknown as { __lvzhiCommonPasswords?: ReadonlySet<string> };

/** The shipped list (server/auth/common-passwords.txt), read once per process. */
export function commonPasswords(): ReadonlySet<string> {
  holder.__lvzhiCommonPasswords ??= parseCommonPasswords(
    readFileSync(path.join(process.cwd(), "server", "auth", "common-passwords.txt"), "utf8"),
  );
  return holder.__lvzhiCommonPasswords;
}

export function parseCommonPasswords(text: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const line of text.split("\n")) {
    const entry = line.trim();
    if (entry && !entry.startsWith("#")) set.add(entry.toLowerCase());
  }
  return set;
}
