import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAuthSecret, secretFilePath } from "./secret";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("resolveAuthSecret", () => {
  it("uses AUTH_SECRET when configured", () => {
    expect(
      resolveAuthSecret({ configured: "x".repeat(40), pgliteDir: "/nonexistent/pglite" }),
    ).toBe("x".repeat(40));
  });

  it("otherwise makes one beside the embedded database, mode 600, and keeps it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-secret-"));
    dirs.push(dir);
    const pgliteDir = path.join(dir, "data", "pglite");
    const first = resolveAuthSecret({ pgliteDir });
    expect(first.length).toBeGreaterThanOrEqual(43);
    const file = secretFilePath(pgliteDir);
    expect(file).toBe(path.join(dir, "data", "auth-secret"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(resolveAuthSecret({ pgliteDir })).toBe(first);
  });

  it("closes an existing secret file that others could read to its owner", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-secret-"));
    dirs.push(dir);
    const pgliteDir = path.join(dir, "data", "pglite");
    const first = resolveAuthSecret({ pgliteDir });
    const file = secretFilePath(pgliteDir);
    chmodSync(file, 0o644);
    expect(resolveAuthSecret({ pgliteDir })).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
