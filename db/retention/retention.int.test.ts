import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../queries/audit/verify";
import { auditLog, auditLogAnchors, events, opinions, registrations, topics } from "../schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "../test-utils";
import { verifyArchiveFile } from "./archive";
import { ANONYMISED_NAME, RETENTION_LOCK_KEY, runRetention } from "./index";

const DAY = 86_400_000;
const now = Date.now();
const ago = (days: number) => new Date(now - days * DAY);

let handle: TestDatabase;
let archiveDir: string;
const ids = { oldEvent: 0, recentEvent: 0, closedTopic: 0, openTopic: 0, recentClosed: 0 };

beforeAll(async () => {
  handle = await createTestDatabase();
  archiveDir = mkdtempSync(path.join(tmpdir(), "lvzhi-archive-"));
  const db = handle.db;
  const event = async (endedDaysAgo: number) => {
    const [row] = await db
      .insert(events)
      .values({
        title: `活动 ${endedDaysAgo}`,
        kind: "consultation",
        startsAt: ago(endedDaysAgo + 0.1),
        endsAt: ago(endedDaysAgo),
        openToPublic: true,
      })
      .returning({ id: events.id });
    return row?.id ?? 0;
  };
  ids.oldEvent = await event(200);
  ids.recentEvent = await event(10);
  // Several live registrations of one event: the blanked phones must not collide.
  await db.insert(registrations).values([
    { eventId: ids.oldEvent, name: "张三", phone: "13800000001", code: "c1", status: "confirmed" },
    { eventId: ids.oldEvent, name: "李四", phone: "13800000002", code: "c2", status: "confirmed" },
    { eventId: ids.oldEvent, name: "王五", phone: "13800000003", code: "c3", status: "waitlisted" },
    {
      eventId: ids.recentEvent,
      name: "赵六",
      phone: "13800000004",
      code: "c4",
      status: "confirmed",
    },
  ]);
  const topic = async (slug: string, open: boolean, closedDaysAgo?: number) => {
    const [row] = await db
      .insert(topics)
      .values({
        slug,
        name: slug,
        openForOpinions: open,
        opinionsClosedAt: closedDaysAgo === undefined ? undefined : ago(closedDaysAgo),
      })
      .returning({ id: topics.id });
    return row?.id ?? 0;
  };
  ids.closedTopic = await topic("closed-long-ago", false, 190);
  ids.openTopic = await topic("still-open", true);
  ids.recentClosed = await topic("closed-recently", false, 190);
  // Open again and closed today: the period starts again.
  await db.update(topics).set({ openForOpinions: true }).where(eq(topics.id, ids.recentClosed));
  await db.update(topics).set({ openForOpinions: false }).where(eq(topics.id, ids.recentClosed));
  for (const topicId of [ids.closedTopic, ids.openTopic, ids.recentClosed]) {
    await db.insert(opinions).values({
      topicId,
      name: "市民甲",
      contact: "13900000000",
      body: "意见",
      ip: "198.51.100.1",
    });
  }
  // Audit entries: 5 old enough to archive, 1 young one in between (stops the prefix), more.
  for (const days of [400, 300, 250, 200, 190, 100, 185, 1]) {
    await db.insert(auditLog).values({ action: "test.entry", at: ago(days), details: { days } });
  }
});
afterAll(async () => {
  await handle?.close();
  rmSync(archiveDir, { recursive: true, force: true });
});

describe(`retention on ${driverLabel()}`, () => {
  it("anonymises, archives the old audit prefix, and the chain still verifies", async () => {
    const db = handle.db;
    const report = await runRetention(db, {
      retentionDays: 180,
      auditRetentionDays: 180,
      archiveDir,
      batchSize: 2,
    });
    expect(report).toMatchObject({ ran: true, registrations: 3, opinions: 1, auditArchived: 5 });

    const regs = await db
      .select({
        eventId: registrations.eventId,
        name: registrations.name,
        phone: registrations.phone,
        at: registrations.anonymisedAt,
      })
      .from(registrations)
      .orderBy(registrations.id);
    expect(regs).toHaveLength(4);
    for (const r of regs.slice(0, 3)) {
      expect(r).toMatchObject({ name: ANONYMISED_NAME, phone: "" });
      expect(r.at).toBeInstanceOf(Date);
    }
    expect(regs[3]).toMatchObject({ name: "赵六", phone: "13800000004", at: null });

    const ops = await db
      .select({
        topicId: opinions.topicId,
        name: opinions.name,
        contact: opinions.contact,
        ip: opinions.ip,
      })
      .from(opinions)
      .orderBy(opinions.id);
    expect(ops).toEqual([
      { topicId: ids.closedTopic, name: ANONYMISED_NAME, contact: "", ip: null },
      { topicId: ids.openTopic, name: "市民甲", contact: "13900000000", ip: "198.51.100.1" },
      { topicId: ids.recentClosed, name: "市民甲", contact: "13900000000", ip: "198.51.100.1" },
    ]);

    // The archive: 0600 in a 0700 directory, one line per entry, verifying on its own,
    // and ending where the database's anchor says.
    const file = report.ran ? report.archiveFile : null;
    expect(file).not.toBeNull();
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
    expect(statSync(archiveDir).mode & 0o777).toBe(0o700);
    const lines = readFileSync(file as string, "utf8")
      .trim()
      .split("\n");
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual(["1", "2", "3", "4", "5"]);
    const archive = await verifyArchiveFile(file as string);
    expect(archive).toMatchObject({ ok: true, count: 5, head: { seq: 5 } });
    const [anchor] = await db.select().from(auditLogAnchors);
    expect(anchor).toMatchObject({ seq: 5, entries: 5, file: path.basename(file as string) });
    expect(archive.ok && archive.head?.hash).toBe(anchor?.hash);

    // What is left: from seq 6 on, plus the run's own entry with its counts.
    const left = await db
      .select({ seq: auditLog.seq, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .orderBy(auditLog.seq);
    expect(left.map((r) => r.seq)).toEqual([6, 7, 8, 9]);
    expect(left[3]).toMatchObject({
      action: "retention.run",
      details: { registrationsAnonymised: 3, opinionsAnonymised: 1, auditArchived: 5 },
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 4, anchor: { seq: 5 } });
  });

  it("keeps the audit log closed to ordinary deletes, and the prune path to young entries", async () => {
    const db = handle.db;
    await expect(db.delete(auditLog).where(eq(auditLog.seq, 6))).rejects.toThrow();
    await expect(
      db.execute(sql`delete from audit_log where at < now() - interval '180 days'`),
    ).rejects.toThrow();
    await expect(db.delete(auditLogAnchors)).rejects.toThrow();
    // Entry 7 is 100 days old, so the prefix through 7 may not go, even called directly.
    await expect(db.execute(sql`select audit_log_prune(7, 'x.jsonl')`)).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('lvzhi.audit_prune', 'on', true)`);
        // 185 days old, but no anchor records it as archived.
        await tx.execute(sql`delete from audit_log where seq = 7`);
      }),
    ).rejects.toThrow();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 4 });
  });

  it("does nothing new on a second run; a scheduled run skips when one ran recently", async () => {
    const db = handle.db;
    expect(
      await runRetention(db, {
        retentionDays: 180,
        auditRetentionDays: 180,
        archiveDir,
        scheduled: true,
      }),
    ).toEqual({ ran: false, reason: "recent" });
    expect(
      await runRetention(db, { retentionDays: 180, auditRetentionDays: 180, archiveDir }),
    ).toMatchObject({
      ran: true,
      registrations: 0,
      opinions: 0,
      auditArchived: 0,
      archiveFile: null,
    });
    // A shorter period reaches the recently ended event; the audit minimum stays 180 days.
    expect(
      await runRetention(db, { retentionDays: 5, auditRetentionDays: 30, archiveDir }),
    ).toMatchObject({ ran: true, registrations: 1, opinions: 0, auditArchived: 0 });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 6 });
  });

  it("runs in one place at a time", async () => {
    const db = handle.db;
    const options = { retentionDays: 180, auditRetentionDays: 180, archiveDir };
    if (driverLabel() === "PostgreSQL") {
      // Another instance's run holds the lock (a transaction on another connection of the
      // pool): this one steps aside instead of waiting or running twice.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const other = db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`);
        locked();
        await held;
      });
      await lockTaken;
      expect(await runRetention(db, options)).toEqual({ ran: false, reason: "busy" });
      release();
      await other;
    }
    // Once free, it runs (PGlite has one connection: its transactions queue, never meet).
    expect((await runRetention(db, options)).ran).toBe(true);
  });
});
