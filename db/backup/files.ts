import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import {
  BackupError,
  type BackupKind,
  type BackupManifest,
  type BackupResult,
  manifestPathFor,
} from "./common";

/** The backup file and its manifest: checksum, kind, writing and checking. */

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** What a backup file is, by its first bytes. */
export function detectKind(file: string): BackupKind | null {
  const head = readHead(file, 5);
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite-datadir";
  return null;
}

export function prepareOutput(out: string): { file: string; partial: string } {
  const file = path.resolve(out);
  if (existsSync(file) || existsSync(manifestPathFor(file))) {
    throw new BackupError(
      "exists",
      `备份文件 ${file} 已存在，不会覆盖；请换一个文件名。(Backup file exists; not overwritten.)`,
    );
  }
  // A backup holds password hashes, TOTP secrets, phones and the audit log: only the
  // owner may read it (a folder made here is the owner's alone too).
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  return { file, partial: `${file}.partial-${randomBytes(4).toString("hex")}` };
}

export async function finishBackup(
  file: string,
  partial: string,
  kind: BackupKind,
  source: Record<string, string>,
  tables: Record<string, number>,
  now: Date,
): Promise<BackupResult> {
  const manifest: BackupManifest = {
    format: "lvzhi-backup/1",
    kind,
    file: path.basename(file),
    bytes: statSync(partial).size,
    sha256: await sha256File(partial),
    createdAt: now.toISOString(),
    source,
    tables,
  };
  const manifestFile = manifestPathFor(file);
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, {
    flag: "wx",
    mode: 0o600,
  });
  chmodSync(partial, 0o600); // pg_dump made it with the umask's mode
  // Only a complete backup gets the final name.
  renameSync(partial, file);
  return { file, manifestFile, manifest };
}

/** Reads and checks the sidecar manifest; null (with a warning) when there is none. */
export async function checkBackupFile(
  file: string,
  expected: BackupKind,
  warnings: string[],
): Promise<BackupManifest | null> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError("not_found", `找不到备份文件 ${file}。(Backup file not found.)`);
  }
  const kind = detectKind(file);
  if (kind !== expected) {
    const hint =
      kind === "pg_dump"
        ? "这是 PostgreSQL 服务器的备份（pg_dump），请设置 DATABASE_URL 后再恢复。(A server backup: set DATABASE_URL.)"
        : kind === "pglite-datadir"
          ? "这是嵌入式数据库的备份，请不设 DATABASE_URL、用 PGLITE_DIR 指定目录再恢复。(An embedded backup: unset DATABASE_URL.)"
          : "它不是本系统的备份文件。(Not a backup made by db:backup.)";
    throw new BackupError("wrong_kind", `无法用 ${file} 恢复当前数据库：${hint}`);
  }
  const manifestFile = manifestPathFor(file);
  if (!existsSync(manifestFile)) {
    warnings.push(
      `没有找到 ${path.basename(manifestFile)}：无法校验文件和行数，仅照常恢复。` +
        "(No manifest: checksum and row counts cannot be verified.)",
    );
    return null;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== "lvzhi-backup/1" || manifest.kind !== expected) {
    throw new BackupError(
      "wrong_kind",
      `${manifestFile} 不是与该文件相符的清单。(Manifest does not describe this backup.)`,
    );
  }
  const sha256 = await sha256File(file);
  if (sha256 !== manifest.sha256) {
    throw new BackupError(
      "checksum",
      `备份文件 ${file} 的校验和与清单不符（文件已损坏或被改动），未做任何恢复。` +
        "(Checksum mismatch: the file is damaged; nothing was restored.)",
    );
  }
  return manifest;
}
