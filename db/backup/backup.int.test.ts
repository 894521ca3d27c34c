import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addNotePhotoIn,
  type NoteWriter,
  saveNoteDraftIn,
  submitNoteIn,
} from "@/db/queries/notes/write";
import { parseNoteFields } from "@/lib/notes/fields";
import { processPhoto } from "@/server/images/photo-processing";
import { type Database, type DatabaseHandle, migrateDatabase, openDatabase } from "../client";
import { lockPathFor } from "../lock";
import { cancelRegistrationIn, registerForEventIn } from "../queries/registrations/write";
import {
  auditLog,
  events,
  fieldNotes,
  files,
  notePhotos,
  registrations,
  sectors,
  towns,
  users,
} from "../schema";
import { seedDemoData } from "../seed";
import {
  BackupError,
  backupEmbedded,
  backupServer,
  manifestPathFor,
  restoreEmbedded,
  restoreServer,
} from "./index";

/**
 * A database with demo data, notes with photos and registrations is backed up and
 * restored into an EMPTY database; everything must be there, byte for byte.
 * The PGlite run (no TEST_DATABASE_URL) tests the embedded backup (data directory
 * tarball); the PostgreSQL run tests pg_dump / pg_restore against that server.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SLOW = 180_000;
const TODAY = new Date().toISOString().slice(0, 10);

async function jpeg(shade: string) {
  const input = await sharp({
    create: { width: 80, height: 60, channels: 3, background: shade },
  })
    .jpeg()
    .toBuffer();
  return processPhoto(input);
}

/** Demo data, three notes (six photos, drafts and submitted) and registrations. */
async function seedWorld(db: Database) {
  await seedDemoData(db, { withAccounts: false });
  const [sector] = await db
    .select({ id: sectors.id })
    .from(sectors)
    .where(eq(sectors.slug, "keji"));
  const [member] = await db
    .insert(users)
    .values({
      username: "m1",
      displayName: "张明华",
      role: "member",
      status: "active",
      sectorId: sector?.id ?? null,
    })
    .returning({ id: users.id });
  if (!member) throw new Error("no member");
  const [town] = await db
    .select({ id: towns.id })
    .from(towns)
    .where(eq(towns.slug, "tanghui-jiedao"));
  const writer: NoteWriter = { id: member.id, username: "m1", ip: "203.0.113.7" };
  const parsed = parseNoteFields(
    {
      title: "社区养老食堂就餐难",
      observation: "走访三个社区，老人反映食堂只有午餐，晚餐要自己解决，很不方便。",
      townId: String(town?.id),
      sectorId: String(sector?.id),
      suggestion: "建议试点晚餐供应并提供送餐上门服务。",
      visitDate: TODAY,
      place: "百花社区",
      category: "livelihood",
      peopleMet: "社区书记和十几位老人",
    },
    "submit",
    TODAY,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  const fields = parsed.data;

  const draft = randomUUID();
  await saveNoteDraftIn(
    db,
    writer,
    draft,
    { ...fields, title: "草稿：河道保洁" },
    {
      add: [await jpeg("#336699")],
    },
  );
  await addNotePhotoIn(db, writer, draft, await jpeg("#993366"));
  await submitNoteIn(db, writer, randomUUID(), fields, {
    add: [await jpeg("#228822"), await jpeg("#cc8800"), await jpeg("#101010")],
  });
  await submitNoteIn(
    db,
    writer,
    randomUUID(),
    { ...fields, title: "老旧小区加装电梯" },
    {
      add: [await jpeg("#eeeeee")],
    },
  );

  const now = Date.now();
  const [event] = await db
    .insert(events)
    .values({
      title: "“托育服务扩容”开门协商（备份测试）",
      kind: "consultation",
      startsAt: new Date(now + 5 * DAY),
      endsAt: new Date(now + 5 * DAY + 2 * HOUR),
      venue: "青缘汇委员工作室",
      openToPublic: true,
      capacity: 2,
      registrationOpensAt: new Date(now - DAY),
      registrationClosesAt: new Date(now + 4 * DAY),
    })
    .returning({ id: events.id });
  if (!event) throw new Error("no event");
  const codes: string[] = [];
  for (let n = 1; n <= 4; n++) {
    const receipt = await registerForEventIn(db, {
      eventId: event.id,
      name: `报名者${n}`,
      phone: `1390000000${n}`,
      organisation: "",
      ip: `198.51.100.${n}`,
    });
    codes.push(receipt.code);
  }
  // Confirmed, waitlisted, cancelled and promoted registrations.
  await cancelRegistrationIn(db, { code: codes[0] ?? "", ip: "198.51.100.1" });
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Everything the backup must keep, in a comparable form. */
async function snapshot(db: Database) {
  const notes = await db
    .select({
      id: fieldNotes.id,
      clientId: fieldNotes.clientId,
      title: fieldNotes.title,
      status: fieldNotes.status,
      version: fieldNotes.version,
    })
    .from(fieldNotes)
    .orderBy(asc(fieldNotes.id));
  const photoRows = await db
    .select({
      id: notePhotos.id,
      noteId: notePhotos.noteId,
      fileId: notePhotos.fileId,
      sortOrder: notePhotos.sortOrder,
      storedSha256: files.sha256,
      byteSize: files.byteSize,
      data: files.data,
    })
    .from(notePhotos)
    .innerJoin(files, eq(files.id, notePhotos.fileId))
    .orderBy(asc(notePhotos.id));
  const photos = photoRows.map(({ data, ...rest }) => ({
    ...rest,
    bytes: data.length,
    sha256: sha256(data),
  }));
  const regs = await db
    .select({
      id: registrations.id,
      eventId: registrations.eventId,
      status: registrations.status,
      code: registrations.code,
      phone: registrations.phone,
    })
    .from(registrations)
    .orderBy(asc(registrations.id));
  const audit = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorId: auditLog.actorId,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .orderBy(asc(auditLog.id));
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .orderBy(asc(users.id));
  return { notes, photos, registrations: regs, audit, users: people };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

function expectWorldLooksSeeded(world: Snapshot) {
  expect(world.notes.map((n) => n.status)).toEqual(["draft", "submitted", "submitted"]);
  expect(world.photos).toHaveLength(6);
  for (const photo of world.photos) {
    expect(photo.sha256).toBe(photo.storedSha256);
    expect(photo.bytes).toBe(photo.byteSize);
  }
  expect(world.registrations.map((r) => r.status).sort()).toEqual([
    "cancelled",
    "confirmed",
    "confirmed",
    "waitlisted",
  ]);
  expect(world.audit.map((a) => a.action)).toEqual(
    expect.arrayContaining(["note.save", "note.submit", "registration.create"]),
  );
}

/** Sequences came back too: a new note gets a fresh id and the old rows are untouched. */
async function expectWritable(db: Database, expected: Snapshot) {
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.username, "m1"));
  if (!member) throw new Error("no member after restore");
  const draft = parseNoteFields({ title: "恢复后新写的草稿" }, "draft", TODAY);
  if (!draft.ok) throw new Error("draft fields refused");
  const saved = await saveNoteDraftIn(
    db,
    { id: member.id, username: "m1", ip: "203.0.113.7" },
    randomUUID(),
    draft.data,
  );
  expect(saved.noteId).toBeGreaterThan(Math.max(...expected.notes.map((n) => n.id)));
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error("expected a refusal, but it succeeded");
}

function damagedCopy(file: string, dir: string): string {
  const copy = path.join(dir, `damaged-${path.basename(file)}`);
  copyFileSync(file, copy);
  copyFileSync(manifestPathFor(file), manifestPathFor(copy));
  const bytes = readFileSync(copy);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  writeFileSync(copy, bytes);
  return copy;
}

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

if (!serverUrl) {
  describe("embedded database backup (PGlite data directory)", () => {
    let scratch: string;
    let source: string;
    let backupFile: string;
    let expected: Snapshot;

    async function withDir<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
      const handle = await openDatabase({ dataDir });
      try {
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    }

    beforeAll(async () => {
      scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-backup-"));
      source = path.join(scratch, "source");
      const handle = await openDatabase({ dataDir: source });
      try {
        await migrateDatabase(handle);
        await seedWorld(handle.db);
        expected = await snapshot(handle.db);
      } finally {
        await handle.close();
      }
      expectWorldLooksSeeded(expected);
    }, SLOW);

    afterAll(() => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it(
      "restores into an empty directory with every note, photo, registration and audit entry",
      async () => {
        const backup = await backupEmbedded({
          dataDir: source,
          out: path.join(scratch, "backups", "b.tar.gz"),
        });
        expect(backup.file).toBe(path.join(scratch, "backups", "b.tar.gz"));
        expect(readFileSync(backup.file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
        expectOwnerOnly(backup.file, backup.manifestFile, path.join(scratch, "backups"));
        expect(sha256(readFileSync(backup.file))).toBe(backup.manifest.sha256);
        expect(JSON.parse(readFileSync(backup.manifestFile, "utf8"))).toEqual(backup.manifest);
        expect(backup.manifest.tables).toMatchObject({
          "public.field_notes": 3,
          "public.note_photos": 6,
          "public.registrations": 4,
          "public.audit_log": expected.audit.length,
          "public.users": expected.users.length,
        });
        // No half-written file is left behind.
        expect(readdirSync(path.join(scratch, "backups")).sort()).toEqual([
          "b.tar.gz",
          "b.tar.gz.manifest.json",
        ]);
        backupFile = backup.file;

        const target = path.join(scratch, "restored");
        const restored = await restoreEmbedded({ file: backupFile, dataDir: target });
        expect(restored).toMatchObject({ target, verified: true, warnings: [] });
        expect(restored.movedAside).toBeUndefined();
        expect(restored.tables).toEqual(backup.manifest.tables);
        expect(existsSync(lockPathFor(target))).toBe(false);

        await withDir(target, async (db) => {
          expect(await snapshot(db)).toEqual(expected);
          await expectWritable(db, expected);
        });
        // The source is still there and still the same.
        await withDir(source, async (db) => expect(await snapshot(db)).toEqual(expected));
      },
      SLOW,
    );

    it(
      "refuses a directory that has a database unless forced, then moves it aside",
      async () => {
        const target = path.join(scratch, "restored");
        const before = readdirSync(scratch).sort();
        const refused = await refusal(restoreEmbedded({ file: backupFile, dataDir: target }));
        expect(refused.code).toBe("not_empty");
        expect(refused.message).toContain("--force");
        expect(readdirSync(scratch).sort()).toEqual(before);
        // The note written after the first restore is still there.
        await withDir(target, async (db) =>
          expect((await snapshot(db)).notes).toHaveLength(expected.notes.length + 1),
        );

        const forced = await restoreEmbedded({ file: backupFile, dataDir: target, force: true });
        expect(forced.verified).toBe(true);
        expect(forced.movedAside).toMatch(/restored\.replaced-\d{8}T\d{6}Z/);
        const aside = forced.movedAside ?? "";
        expect(readdirSync(scratch).filter((n) => n.includes(".restoring-"))).toEqual([]);
        await withDir(target, async (db) => expect(await snapshot(db)).toEqual(expected));
        // Kept, not deleted: the old directory with its extra note.
        await withDir(aside, async (db) =>
          expect((await snapshot(db)).notes).toHaveLength(expected.notes.length + 1),
        );
      },
      SLOW,
    );

    it("refuses to back up a directory that a running server holds", async () => {
      // A live process other than this one holds the lock, as a running server would.
      const holder: ChildProcess = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], {
        stdio: "ignore",
      });
      const lock = lockPathFor(source);
      try {
        writeFileSync(lock, String(holder.pid));
        const out = path.join(scratch, "busy.tar.gz");
        const refused = await refusal(backupEmbedded({ dataDir: source, out }));
        expect(refused.code).toBe("busy");
        expect(refused.message).toContain(String(holder.pid));
        expect(refused.message).toContain("停止服务器");
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(scratch).filter((n) => n.startsWith("busy"))).toEqual([]);

        const intoHeld = await refusal(
          restoreEmbedded({ file: backupFile, dataDir: source, force: true }),
        );
        expect(intoHeld.code).toBe("busy");
      } finally {
        rmSync(lock, { force: true });
        holder.kill();
      }
    });

    it("refuses a damaged backup, a server backup, and a directory with no database", async () => {
      const damaged = damagedCopy(backupFile, scratch);
      const target = path.join(scratch, "never");
      expect((await refusal(restoreEmbedded({ file: damaged, dataDir: target }))).code).toBe(
        "checksum",
      );
      expect(existsSync(target)).toBe(false);

      const fakeDump = path.join(scratch, "server.dump");
      writeFileSync(fakeDump, "PGDMP\u0001\u000f\u0000");
      const wrong = await refusal(restoreEmbedded({ file: fakeDump, dataDir: target }));
      expect(wrong.code).toBe("wrong_kind");
      expect(wrong.message).toContain("DATABASE_URL");

      const empty = await refusal(
        backupEmbedded({
          dataDir: path.join(scratch, "nothing"),
          out: path.join(scratch, "x.tgz"),
        }),
      );
      expect(empty.code).toBe("no_database");
      expect(existsSync(path.join(scratch, "nothing"))).toBe(false);

      const exists = await refusal(backupEmbedded({ dataDir: source, out: backupFile }));
      expect(exists.code).toBe("exists");
    });
  });
} else {
  describe("PostgreSQL server backup (pg_dump / pg_restore)", () => {
    const base = serverUrl;
    const created: string[] = [];
    let scratch: string;
    let sourceUrl: string;
    let backupFile: string;
    let expected: Snapshot;

    async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    }

    /** A new, empty database on the test server (as db/test-utils.ts makes them). */
    async function createEmptyDatabase(): Promise<string> {
      const name = `t_backup_${randomBytes(5).toString("hex")}`;
      await admin((c) =>
        c.query(
          `create database "${name}" template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
        ),
      );
      created.push(name);
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url.toString();
    }

    async function withUrl<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
      const handle: DatabaseHandle = await openDatabase({ url, poolMax: 2 });
      try {
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    }

    beforeAll(async () => {
      scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-backup-"));
      sourceUrl = await createEmptyDatabase();
      const handle = await openDatabase({ url: sourceUrl, poolMax: 2 });
      try {
        await migrateDatabase(handle);
        await seedWorld(handle.db);
        expected = await snapshot(handle.db);
      } finally {
        await handle.close();
      }
      expectWorldLooksSeeded(expected);
    }, SLOW);

    afterAll(async () => {
      for (const name of created) {
        await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
      }
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it(
      "restores a pg_dump into a freshly created database with every note, photo, registration and audit entry",
      async () => {
        const backup = await backupServer({
          url: sourceUrl,
          out: path.join(scratch, "backups", "b.dump"),
        });
        expect(readFileSync(backup.file).subarray(0, 5).toString("latin1")).toBe("PGDMP");
        expectOwnerOnly(backup.file, backup.manifestFile, path.join(scratch, "backups"));
        expect(sha256(readFileSync(backup.file))).toBe(backup.manifest.sha256);
        expect(backup.manifest.source.tool).toMatch(/pg_dump \(PostgreSQL\) \d+/);
        expect(backup.manifest.tables).toMatchObject({
          "public.field_notes": 3,
          "public.note_photos": 6,
          "public.registrations": 4,
          "public.audit_log": expected.audit.length,
          "public.users": expected.users.length,
        });
        expect(readdirSync(path.join(scratch, "backups")).sort()).toEqual([
          "b.dump",
          "b.dump.manifest.json",
        ]);
        backupFile = backup.file;

        const target = await createEmptyDatabase();
        const restored = await restoreServer({ file: backupFile, url: target });
        expect(restored).toMatchObject({ verified: true, warnings: [] });
        expect(restored.tables).toEqual(backup.manifest.tables);
        await withUrl(target, async (db) => {
          expect(await snapshot(db)).toEqual(expected);
          await expectWritable(db, expected);
        });
      },
      SLOW,
    );

    it(
      "refuses a database that has tables unless forced, then replaces its contents",
      async () => {
        const target = await createEmptyDatabase();
        await restoreServer({ file: backupFile, url: target });
        await withUrl(target, (db) => expectWritable(db, expected));

        const refused = await refusal(restoreServer({ file: backupFile, url: target }));
        expect(refused.code).toBe("not_empty");
        expect(refused.message).toContain("--force");
        await withUrl(target, async (db) =>
          expect((await snapshot(db)).notes).toHaveLength(expected.notes.length + 1),
        );

        // A database that was only migrated (as a server start does) is not empty either.
        const migrated = await createEmptyDatabase();
        const handle = await openDatabase({ url: migrated, poolMax: 1 });
        await migrateDatabase(handle).finally(() => handle.close());
        expect((await refusal(restoreServer({ file: backupFile, url: migrated }))).code).toBe(
          "not_empty",
        );

        const forced = await restoreServer({ file: backupFile, url: target, force: true });
        expect(forced.verified).toBe(true);
        await withUrl(target, async (db) => expect(await snapshot(db)).toEqual(expected));
        const forcedMigrated = await restoreServer({
          file: backupFile,
          url: migrated,
          force: true,
        });
        expect(forcedMigrated.verified).toBe(true);
        await withUrl(migrated, async (db) => expect(await snapshot(db)).toEqual(expected));
      },
      SLOW,
    );

    it("refuses a damaged backup, an embedded backup, and a database that does not exist", async () => {
      const target = await createEmptyDatabase();
      const damaged = damagedCopy(backupFile, scratch);
      expect((await refusal(restoreServer({ file: damaged, url: target }))).code).toBe("checksum");

      const fakeTarball = path.join(scratch, "pglite.tar.gz");
      writeFileSync(fakeTarball, Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
      const wrong = await refusal(restoreServer({ file: fakeTarball, url: target }));
      expect(wrong.code).toBe("wrong_kind");
      expect(wrong.message).toContain("DATABASE_URL");
      // Nothing was written into the target by either refusal: it is still empty.
      const restored = await restoreServer({ file: backupFile, url: target });
      expect(restored.verified).toBe(true);

      const missing = new URL(base);
      missing.pathname = `/t_missing_${randomBytes(4).toString("hex")}`;
      const absent = await refusal(restoreServer({ file: backupFile, url: missing.toString() }));
      expect(absent.code).toBe("no_database");
      expect(absent.message).toContain("createdb");
    });
  });
}

/** A backup holds password hashes and personal data: nobody but its owner may read it. */
function expectOwnerOnly(...paths: string[]) {
  for (const p of paths) expect(statSync(p).mode & 0o077, p).toBe(0);
}
