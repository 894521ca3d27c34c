import { randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

/**
 * Password hashing with argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane).
 * `Algorithm` is a const enum that is not emitted at run time, hence the literal.
 */
const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_OPTIONS);
}

/** False for a wrong password and for a malformed or empty hash; never throws. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** No 0/O/o, 1/l/I/i: easy to read aloud and to type from a printout. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A uniformly random character of ALPHABET per draw (rejection sampling, no modulo bias). */
function randomChars(count: number): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = "";
  while (out.length < count) {
    for (const byte of randomBytes(count * 2)) {
      if (byte < limit) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === count) break;
    }
  }
  return out;
}

/**
 * A random password such as `Kp7w-mX3d-q9Rt-ZhF4`: 16 characters from a 55-character
 * alphabet (about 92 bits) in four groups, 19 characters with the hyphens. It always
 * holds a lower-case letter, an upper-case letter and a digit.
 */
export function generatePassword(): string {
  for (;;) {
    const chars = randomChars(GROUPS * GROUP_LENGTH);
    if (!/[a-z]/.test(chars) || !/[A-Z]/.test(chars) || !/[2-9]/.test(chars)) continue;
    const groups: string[] = [];
    for (let i = 0; i < GROUPS; i++) {
      groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
    }
    return groups.join("-");
  }
}
