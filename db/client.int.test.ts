import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "./client";
import { acquireDataDirLock, DataDirectoryBusyError, lockPathFor } from "./lock";
import * as schema from "./schema";
import { auditLog, events, files } from "./schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "./test-utils";

/** The messages of an error and of its causes (Drizzle wraps the driver's error). */
function errorChain(error: unknown): { text: string; codes: string[] } {
  const messages: string[] = [];
  const codes: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    messages.push(current.message);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = current.cause;
  }
  return { text: messages.join("\n<- "), codes };
}

async function refusal(
  statement: PromiseLike<unknown>,
): Promise<{ text: string; codes: string[] }> {
  try {
    await statement;
  } catch (error) {
    return errorChain(error);
  }
  throw new Error("the statement was expected to be refused, and it succeeded");
}

describe(`db client on ${driverLabel()}`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    console.info(`[integration] test database on ${t.label}`);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("runs on the driver the environment names", () => {
    expect(t.driver).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
    expect(t.label.startsWith(driverLabel())).toBe(true);
  });

  it("applies the migrations, and applying them again changes nothing", async () => {
    const tables = async () =>
      (
        await t.db.execute<{ table_name: string }>(
          sql`select table_name from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
        )
      ).rows.map((r) => r.table_name);
    const applied = async () =>
      Number(
        (
          await t.db.execute<{ n: string | number }>(
            sql`select count(*) as n from drizzle.__drizzle_migrations`,
          )
        ).rows[0]?.n,
      );
    const journal = JSON.parse(
      readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
    ) as { entries: unknown[] };

    const expected = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableName(table as PgTable))
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(expected));
    expect(await applied()).toBe(journal.entries.length);

    await migrateDatabase(t);
    await migrateDatabase(t);

    expect(await tables()).toEqual(before);
    expect(await applied()).toBe(journal.entries.length);
  });

  it("round-trips the exact instant of a timestamptz", async () => {
    const startsAt = new Date("2026-05-12T01:30:15.123Z");
    const endsAt = new Date("2026-05-12T09:59:59.999Z");
    const [inserted] = await t.db
      .insert(events)
      .values({ title: "政协委员进社区", kind: "visit", startsAt, endsAt })
      .returning();
    if (!inserted) throw new Error("insert returned no row");
    expect(inserted.startsAt.toISOString()).toBe(startsAt.toISOString());

    const [read] = await t.db.select().from(events).where(eq(events.id, inserted.id));
    expect(read?.title).toBe("政协委员进社区");
    expect(read?.startsAt.getTime()).toBe(startsAt.getTime());
    expect(read?.endsAt.getTime()).toBe(endsAt.getTime());

    // The server holds the instant itself: on the Shanghai wall clock it is 09:30:15.123.
    const wall = await t.db.execute<{ local: string }>(
      sql`select to_char(${events.startsAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS.MS') as local
          from ${events} where ${events.id} = ${inserted.id}`,
    );
    expect(wall.rows[0]?.local).toBe("2026-05-12 09:30:15.123");

    // A session in another time zone reads the same instant back.
    const inLosAngeles = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'America/Los_Angeles'`);
      const [row] = await tx.select().from(events).where(eq(events.id, inserted.id));
      return row;
    });
    expect(inLosAngeles?.startsAt.getTime()).toBe(startsAt.getTime());
  });

  it("keeps audit_log append-only: INSERT works, UPDATE, DELETE and TRUNCATE are refused", async () => {
    const [entry] = await t.db
      .insert(auditLog)
      .values({ action: "test.insert", actorLabel: "测试员", details: { note: "第一条" } })
      .returning();
    if (!entry) throw new Error("insert returned no row");

    const update = await refusal(
      t.db.update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, entry.id)),
    );
    expect(update.text).toMatch(/append-only \(UPDATE refused\)/);
    expect(update.codes).toContain("42501");

    const deletion = await refusal(t.db.delete(auditLog).where(eq(auditLog.id, entry.id)));
    expect(deletion.text).toMatch(/append-only \(DELETE refused\)/);

    const truncation = await refusal(t.db.execute(sql`truncate audit_log`));
    expect(truncation.text).toMatch(/append-only \(TRUNCATE refused\)/);

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.id, entry.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.action).toBe("test.insert");
    expect(rows[0]?.details).toEqual({ note: "第一条" });
  });

  it("stores a file's bytes in bytea and returns them identical", async () => {
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      randomBytes(64 * 1024),
      Buffer.from([0, 0, 0x5c, 0x27, 0]),
    ]);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const [stored] = await t.db
      .insert(files)
      .values({
        sha256,
        contentType: "application/octet-stream",
        byteSize: bytes.length,
        data: bytes,
      })
      .returning({ id: files.id });
    if (!stored) throw new Error("insert returned no row");

    const [read] = await t.db.select().from(files).where(eq(files.id, stored.id));
    expect(Buffer.isBuffer(read?.data)).toBe(true);
    expect(read?.data.length).toBe(bytes.length);
    expect(read?.data.equals(bytes)).toBe(true);

    // The server hashes the same bytes: nothing was re-encoded on the way in.
    const server = await t.db.execute<{ hash: string; size: number }>(
      sql`select encode(sha256(${files.data}), 'hex') as hash, octet_length(${files.data})::int as size
          from ${files} where ${files.id} = ${stored.id}`,
    );
    expect(server.rows[0]).toEqual({ hash: sha256, size: bytes.length });
  });

  it("creates pg_trgm and matches Chinese text (UTF-8 ctype)", async () => {
    await t.db.execute(sql`create extension if not exists pg_trgm`);
    await t.db.execute(sql`create extension if not exists pg_trgm`);

    const result = await t.db.execute<{
      ctype: string;
      hit: boolean;
      miss: boolean;
      trigrams: number;
    }>(
      sql`select (select datctype from pg_database where datname = current_database()) as ctype,
                 '政协委员' ilike '%政协%' as hit,
                 '政协委员' ilike '%人大%' as miss,
                 cardinality(show_trgm('政协委员')) as trigrams`,
    );
    const row = result.rows[0];
    expect(row?.ctype).toMatch(/utf-?8/i);
    expect(row?.hit).toBe(true);
    expect(row?.miss).toBe(false);
    // With ctype C, pg_trgm sees no word characters in Chinese and makes no trigrams at all.
    expect(Number(row?.trigrams)).toBeGreaterThan(0);

    // A trigram GIN index can be built and queried on Chinese text.
    await t.db.execute(sql`create table trgm_probe (body text not null)`);
    try {
      await t.db.execute(
        sql`create index trgm_probe_idx on trgm_probe using gin (body gin_trgm_ops)`,
      );
      await t.db.execute(
        sql`insert into trgm_probe (body) values ('政协委员进社区'), ('人大代表接待日'), ('界别活动周')`,
      );
      const found = await t.db.execute<{ body: string }>(
        sql`select body from trgm_probe where body ilike ${"%政协委员%"} order by body`,
      );
      expect(found.rows.map((r) => r.body)).toEqual(["政协委员进社区"]);
    } finally {
      await t.db.execute(sql`drop table trgm_probe`);
    }
  });
});

describe("the embedded data directory is its owner's alone", () => {
  /** Every path under `root` that someone other than its owner may read, write or enter. */
  function openToOthers(root: string): string[] {
    const open: string[] = [];
    const walk = (target: string) => {
      const stat = lstatSync(target);
      if (stat.isSymbolicLink()) return;
      if ((stat.mode & 0o077) !== 0) open.push(`${target} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) for (const name of readdirSync(target)) walk(path.join(target, name));
    };
    walk(root);
    return open;
  }

  it("is created 0700/0600 whatever the umask, and an existing open one is closed", async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-modes-"));
    const dataDir = path.join(scratch, "pglite");
    const umask = process.umask(0);
    try {
      const handle = await openDatabase({ dataDir });
      await migrateDatabase(handle);
      await handle.close();
      expect(openToOthers(dataDir)).toEqual([]);

      // A directory from before (or opened up by hand) is closed again at the next start.
      chmodSync(dataDir, 0o755);
      const [first] = readdirSync(dataDir);
      if (first) chmodSync(path.join(dataDir, first), 0o777);
      const again = await openDatabase({ dataDir });
      await again.close();
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      process.umask(umask);
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("db/lock.ts: one process per PGlite data directory (no database)", () => {
  const lockModule = path.resolve("db", "lock.ts");
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "lvzhi-lock-test-"));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Runs a small TypeScript program in a child Node process (through tsx). */
  function startChild(name: string, source: string): ChildProcess {
    const file = path.join(scratch, `${name}.mts`);
    writeFileSync(file, source);
    return spawn(process.execPath, ["--import", "tsx", file], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  function finished(
    child: ChildProcess,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    return new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  function firstLine(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
      let buffered = "";
      let errors = "";
      child.stderr?.on("data", (chunk) => {
        errors += chunk;
      });
      child.stdout?.on("data", (chunk) => {
        buffered += chunk;
        const end = buffered.indexOf("\n");
        if (end >= 0) resolve(buffered.slice(0, end));
      });
      child.on("error", reject);
      child.on("exit", (code) => reject(new Error(`child exited (${code}) early: ${errors}`)));
    });
  }

  it("writes the holder's pid into <dir>.lock and removes it on release", () => {
    const dataDir = path.join(scratch, "own");
    const release = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPathFor(dataDir), "utf8")).toBe(String(process.pid));
    expect(lockPathFor(dataDir)).toBe(`${path.resolve(dataDir)}.lock`);
    release();
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it("refuses a second process while the holder lives, with the Chinese busy message", async () => {
    const dataDir = path.join(scratch, "held-here");
    const release = acquireDataDirLock(dataDir);
    try {
      const child = startChild(
        "second",
        `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
         try {
           acquireDataDirLock(${JSON.stringify(dataDir)});
           console.log("acquired");
         } catch (error) {
           console.error(\`\${error.name}: \${error.message}\`);
           process.exitCode = 3;
         }`,
      );
      const { code, stdout, stderr } = await finished(child);
      expect(stdout).not.toContain("acquired");
      expect(code).toBe(3);
      expect(stderr).toContain("DataDirectoryBusyError");
      expect(stderr).toContain(`正由进程 ${process.pid} 使用`);
      expect(stderr).toContain("请先停止它");
      // The holder's lock is untouched.
      expect(readFileSync(lockPathFor(dataDir), "utf8")).toBe(String(process.pid));
    } finally {
      release();
    }
  });

  it("refuses this process while a child holds it, and takes over once the child is killed", async () => {
    const dataDir = path.join(scratch, "held-by-child");
    const child = startChild(
      "holder",
      `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
       acquireDataDirLock(${JSON.stringify(dataDir)});
       console.log(\`locked \${process.pid}\`);
       setInterval(() => {}, 1000);`,
    );
    const exited = finished(child);
    try {
      expect(await firstLine(child)).toBe(`locked ${child.pid}`);
      let busy: unknown;
      try {
        acquireDataDirLock(dataDir);
      } catch (error) {
        busy = error;
      }
      expect(busy).toBeInstanceOf(DataDirectoryBusyError);
      expect((busy as DataDirectoryBusyError).pid).toBe(child.pid);
      expect((busy as Error).message).toMatch(/嵌入式数据库目录 .* 正由进程 \d+ 使用/);
    } finally {
      // SIGKILL: no exit handler runs, so the lock file stays behind, stale.
      child.kill("SIGKILL");
      await exited;
    }
    expect(readFileSync(lockPathFor(dataDir), "utf8")).toBe(String(child.pid));

    const release = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPathFor(dataDir), "utf8")).toBe(String(process.pid));
    release();
  });

  it("takes over a stale lock left by a dead pid", async () => {
    const dataDir = path.join(scratch, "stale");
    // A pid that certainly existed and is now dead: a child that has exited.
    const gone = startChild("gone", "process.exit(0);");
    await finished(gone);
    writeFileSync(lockPathFor(dataDir), String(gone.pid));

    const release = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPathFor(dataDir), "utf8")).toBe(String(process.pid));
    release();
  });
});
