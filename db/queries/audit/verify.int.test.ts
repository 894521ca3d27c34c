import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeChainResult } from "@/lib/audit/chain";
import { auditLog } from "../../schema";
import {
  createTestDatabase,
  driverLabel,
  migrationsBefore,
  type TestDatabase,
} from "../../test-utils";
import { verifyAuditChain } from "./verify";
import { writeAudit } from "./write";

const opened: TestDatabase[] = [];
async function freshDatabase(migrationsFolder?: string) {
  const handle = await createTestDatabase({ migrationsFolder });
  opened.push(handle);
  return handle.db;
}
afterAll(async () => {
  for (const handle of opened) await handle.close();
});

type Db = Awaited<ReturnType<typeof freshDatabase>>;

/** Strings the canonical text must escape exactly as PostgreSQL does. */
const awkward = ['引号"与\\反斜杠', "换行\n制表\t回车\r", "\u0001\u001f\u007f", "😀 \u2028", ""];

async function writeSample(db: Db, n: number) {
  for (let i = 0; i < n; i++) {
    await writeAudit(db, {
      action: i % 2 ? "article.update" : "user.login",
      actorId: i % 3 ? i : null,
      actorLabel: i % 3 ? awkward[i % awkward.length] : null,
      ip: i % 4 ? "203.0.113.7" : null,
      targetType: "article",
      targetId: String(i),
      details: { i, text: awkward[i % awkward.length], nested: { b: [1, 2.5, null], a: true } },
    });
  }
}

/** Changes a row behind the app's back, as a database superuser could. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await db.execute(statement);
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
}

async function idOfSeq(db: Db, seq: number): Promise<number> {
  const { rows } = (await db.execute(
    sql`select id::int as id from audit_log where seq = ${seq}`,
  )) as unknown as { rows: { id: number }[] };
  return rows[0]?.id ?? 0;
}

describe(`audit hash chain on ${driverLabel()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
  });

  it("chains every entry, whatever the writer passed, and the JS check agrees", async () => {
    await writeSample(db, 25);
    // A multi-row insert (as registrations do) and a writer trying to set the chain itself.
    await db.insert(auditLog).values([
      { action: "a.one", seq: 999, hash: "0".repeat(64), prevHash: "x" },
      { action: "a.two", details: { k: "v" } },
    ]);
    const result = await verifyAuditChain(db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, count: 27 });
    expect(describeChainResult(result)).toBe("审计日志完整性：已校验 27 条，链完整。");
    const rows = await db
      .select({ seq: auditLog.seq, prevHash: auditLog.prevHash, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(rows[0]?.prevHash).toBeNull();
    expect(rows[26]?.prevHash).toBe(rows[25]?.hash);
    expect(result.ok && result.head).toEqual({ seq: 27, hash: rows[26]?.hash });
  });

  it("names an entry whose details were changed in SQL", async () => {
    const target = await freshDatabase();
    await writeSample(target, 12);
    const id = await idOfSeq(target, 5);
    await tamper(target, sql`update audit_log set details = '{"i": 0}' where seq = 5`);
    const result = await verifyAuditChain(target, { batchSize: 4 });
    expect(result).toEqual({
      ok: false,
      count: 4,
      broken: { id, seq: 5, problem: "content", expectedSeq: 5 },
    });
    expect(describeChainResult(result)).toContain(`第 5 条（编号 ${id}）的内容在写入后被改动过`);
  });

  it("names the entry after one rewritten with a fresh hash", async () => {
    const target = await freshDatabase();
    await writeSample(target, 8);
    await tamper(
      target,
      sql`update audit_log set action = 'nothing.happened',
            hash = audit_log_entry_hash(prev_hash, seq, at, actor_id, actor_label, ip,
                     'nothing.happened', target_type, target_id, details)
          where seq = 3`,
    );
    const result = await verifyAuditChain(target);
    expect(result).toMatchObject({ ok: false, count: 3, broken: { seq: 4, problem: "link" } });
    expect(describeChainResult(result)).toContain("第 3 条被改写过");
  });

  it("names the gap where entries were deleted, in the middle or at the start", async () => {
    const target = await freshDatabase();
    await writeSample(target, 10);
    const id = await idOfSeq(target, 7);
    await tamper(target, sql`delete from audit_log where seq in (5, 6)`);
    const result = await verifyAuditChain(target);
    expect(result).toEqual({
      ok: false,
      count: 4,
      broken: { id, seq: 7, problem: "gap", expectedSeq: 5 },
    });
    expect(describeChainResult(result)).toContain("之前的第 5–6 条被删除");

    await tamper(target, sql`delete from audit_log where seq = 1`);
    expect(await verifyAuditChain(target)).toMatchObject({
      ok: false,
      count: 0,
      broken: { seq: 2, problem: "gap", expectedSeq: 1 },
    });
  });

  it("keeps one valid chain under 20 concurrent writers", async () => {
    const target = await freshDatabase();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        target.transaction(async (tx) => {
          await writeAudit(tx, { action: "concurrent.write", details: { i } });
          // Hold the transaction open a little so the writers overlap.
          await tx.execute(sql`select pg_sleep(0.02)`);
          await writeAudit(tx, { action: "concurrent.second", details: { i } });
        }),
      ),
    );
    expect(await verifyAuditChain(target)).toMatchObject({ ok: true, count: 40 });
  });

  it("chains the entries that existed before the migration", async () => {
    // A copy of the migrations that stops before the chain, then the rest.
    const folder = migrationsBefore("_audit_hash_chain");
    try {
      const handle = await createTestDatabase({ migrationsFolder: folder });
      opened.push(handle);
      for (let i = 0; i < 5; i++)
        await handle.db.execute(
          sql`insert into audit_log (action, details) values (${`old.${i}`}, ${JSON.stringify({ i })}::jsonb)`,
        );
      const { migrateDatabase } = await import("../../client");
      await migrateDatabase(handle);
      await writeAudit(handle.db, { action: "new.entry" });
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, count: 6 });
      // The append-only trigger is back on after the backfill.
      await expect(handle.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
