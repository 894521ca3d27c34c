import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../client";
import { auditLog } from "../../schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import {
  type AuditFilters,
  iterateAuditEntries,
  listAuditActions,
  listAuditEntries,
  oldestAuditEntry,
} from "./staff";

let handle: TestDatabase;
let db: Database;

const none: AuditFilters = {
  actor: "",
  action: "",
  targetType: "",
  targetId: "",
  from: null,
  to: null,
};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const base = new Date("2026-05-01T00:00:00Z").getTime();
  for (let i = 0; i < 120; i++) {
    await db.insert(auditLog).values({
      at: new Date(base + i * 3_600_000),
      actorId: i % 2 === 0 ? 1 : 2,
      actorLabel: i % 2 === 0 ? "admin" : "editor",
      ip: "192.0.2.1",
      action:
        i % 3 === 0
          ? "registration.reveal_phone"
          : i % 3 === 1
            ? "article.update"
            : "article.publish",
      targetType: i % 3 === 0 ? "registration" : "article",
      targetId: String(i % 10),
      details: { i },
    });
  }
});
afterAll(async () => {
  await handle?.close();
});

describe(`audit log on ${driverLabel()}`, () => {
  it("pages newest first and counts the matches", async () => {
    const first = await listAuditEntries(db, none, 1, 50);
    expect(first.total).toBe(120);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]?.details).toEqual({ i: 119 });
    const third = await listAuditEntries(db, none, 3, 50);
    expect(third.rows).toHaveLength(20);
  });

  it("filters by actor (name or id), exact action or prefix, target and time", async () => {
    expect((await listAuditEntries(db, { ...none, actor: "editor" }, 1)).total).toBe(60);
    expect((await listAuditEntries(db, { ...none, actor: "1" }, 1)).total).toBe(60);
    expect(
      (await listAuditEntries(db, { ...none, action: "registration.reveal_phone" }, 1)).total,
    ).toBe(40);
    expect((await listAuditEntries(db, { ...none, action: "article." }, 1)).total).toBe(80);
    expect((await listAuditEntries(db, { ...none, action: "article" }, 1)).total).toBe(0);
    expect(
      (await listAuditEntries(db, { ...none, targetType: "article", targetId: "1" }, 1)).total,
    ).toBe(8);
    const from = new Date("2026-05-02T00:00:00Z");
    const to = new Date("2026-05-03T00:00:00Z");
    expect((await listAuditEntries(db, { ...none, from, to }, 1)).total).toBe(24);
    // LIKE wildcards typed by the user match themselves only.
    expect((await listAuditEntries(db, { ...none, actor: "%" }, 1)).total).toBe(0);
  });

  it("exports every match in batches", async () => {
    const batches: number[] = [];
    for await (const batch of iterateAuditEntries(
      db,
      { ...none, action: "article." },
      { batchSize: 30 },
    )) {
      batches.push(batch.length);
    }
    expect(batches).toEqual([30, 30, 20]);
    const limited: number[] = [];
    for await (const batch of iterateAuditEntries(db, none, { batchSize: 50, limit: 70 }))
      limited.push(batch.length);
    expect(limited).toEqual([50, 20]);
  });

  it("lists the actions and the oldest entry", async () => {
    expect(await listAuditActions(db)).toEqual([
      "article.publish",
      "article.update",
      "registration.reveal_phone",
    ]);
    expect((await oldestAuditEntry(db))?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("refuses every change and deletion, whatever the SQL", async () => {
    const [row] = await db.select({ id: auditLog.id }).from(auditLog).limit(1);
    await expect(
      db
        .update(auditLog)
        .set({ action: "x" })
        .where(eq(auditLog.id, row?.id ?? 0)),
    ).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, row?.id ?? 0))).rejects.toThrow();
    await expect(
      db.execute(sql`delete from audit_log where at < now() - interval '180 days'`),
    ).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await listAuditEntries(db, none, 1)).total).toBe(120);
  });
});
