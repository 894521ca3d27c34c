import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "../../lib/env";
import { encryptField } from "../../lib/security/field-crypto";
import { dataKeysFilePath, resolveDataKeys } from "./keys";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");

describe("resolveDataKeys", () => {
  it("uses DATA_ENCRYPTION_KEYS and DATA_INDEX_KEY when set", () => {
    const ring = resolveDataKeys({
      encryptionKeys: `k2:${key(2)},k1:${key(1)}`,
      indexKey: key(3),
      pgliteDir: "/nonexistent/pglite",
    });
    expect(ring.keys.map((k) => k.id)).toEqual(["k2", "k1"]);
    expect(ring.indexKey.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it("otherwise makes a key pair beside the embedded database, mode 600, and keeps it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-keys-"));
    dirs.push(dir);
    const pgliteDir = path.join(dir, "data", "pglite");
    const first = resolveDataKeys({ pgliteDir });
    const file = dataKeysFilePath(pgliteDir);
    expect(file).toBe(path.join(dir, "data", "data-keys"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(
      /^DATA_ENCRYPTION_KEYS=local1:.+\nDATA_INDEX_KEY=.+\n$/,
    );
    chmodSync(file, 0o644);
    const second = resolveDataKeys({ pgliteDir });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The same keys: what the first wrote, the second reads.
    const sealed = encryptField(first, "users.phone", "13912345678");
    expect(sealed.startsWith("v1:local1:")).toBe(true);
    expect(second.keys[0]?.key.equals(first.keys[0]?.key ?? Buffer.alloc(0))).toBe(true);
    expect(second.indexKey.equals(first.indexKey)).toBe(true);
  });

  it("refuses one key without the other", () => {
    expect(() =>
      resolveDataKeys({ encryptionKeys: `k:${key(1)}`, pgliteDir: "/x/pglite" }),
    ).toThrow(/同时设置/);
  });
});

describe("the environment (lib/env.ts)", () => {
  const base = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };

  it("refuses to start a production server on PostgreSQL without the data keys", () => {
    expect(() => parseEnv({ ...base, DATABASE_URL: "postgres://db/lvzhi" })).toThrow(
      /DATA_ENCRYPTION_KEYS.*必须设置/,
    );
    expect(
      parseEnv({
        ...base,
        DATABASE_URL: "postgres://db/lvzhi",
        DATA_ENCRYPTION_KEYS: `k1:${key(1)}`,
        DATA_INDEX_KEY: key(2),
      }).DATA_ENCRYPTION_KEYS,
    ).toBe(`k1:${key(1)}`);
  });

  it("says which key is malformed", () => {
    expect(() => parseEnv({ DATA_ENCRYPTION_KEYS: "k1:abc", DATA_INDEX_KEY: key(2) })).toThrow(
      /DATA_ENCRYPTION_KEYS/,
    );
    expect(() => parseEnv({ DATA_ENCRYPTION_KEYS: `k1:${key(1)}`, DATA_INDEX_KEY: "abc" })).toThrow(
      /DATA_INDEX_KEY/,
    );
    expect(() => parseEnv({ DATA_ENCRYPTION_KEYS: `k1:${key(1)}` })).toThrow(/同时设置/);
  });
});
