import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The secret that encrypts session cookies and login tickets.
 *
 * AUTH_SECRET wins when set (lib/env.ts requires it for production on PostgreSQL, where
 * several instances must share one). Otherwise the first call makes a random one and keeps
 * it in `<PGLITE_DIR>/../auth-secret` (mode 600), so that `npm start` works on a fresh
 * machine and sessions survive a restart. Two processes racing to create it agree: the
 * file is created exclusively and the loser reads the winner's.
 */
export function resolveAuthSecret(options: { configured?: string; pgliteDir: string }): string {
  if (options.configured) return options.configured;
  const file = secretFilePath(options.pgliteDir);
  const existing = readSecret(file);
  if (existing) {
    // Kept from an older version or copied in by hand: readable by its owner alone.
    chmodSync(file, 0o600);
    return existing;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fresh = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${fresh}\n`, { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecret(file);
    if (!winner) throw new Error(`无法读取会话密钥文件 ${file}`);
    return winner;
  }
}

export function secretFilePath(pgliteDir: string): string {
  return path.join(path.dirname(path.resolve(pgliteDir)), "auth-secret");
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= 32 ? value : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
