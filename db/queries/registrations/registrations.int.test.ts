import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, type DatabaseHandle, openDatabase } from "@/db/client";
import { auditLog, events, type NewEvent, registrations } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { AppError } from "@/lib/errors";
import { getRegistrationByCodeIn, getSeatSummaryIn } from "./public";
import {
  cancelRegistrationIn,
  type RegistrationReceipt,
  registerForEventIn as register,
} from "./write";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const opened: DatabaseHandle[] = [];
async function freshDatabase(): Promise<TestDatabase> {
  const handle = await createTestDatabase();
  opened.push(handle);
  return handle;
}
afterEach(async () => {
  // Extra pools first: the test database is dropped when its own handle closes.
  for (const handle of opened.splice(0).reverse()) await handle.close();
});

/** An open consultation whose registration window is open now. */
async function createOpenEvent(db: Database, overrides: Partial<NewEvent> = {}): Promise<number> {
  const now = Date.now();
  const [row] = await db
    .insert(events)
    .values({
      title: "“托育服务扩容”开门协商（测试）",
      kind: "consultation",
      startsAt: new Date(now + 5 * DAY),
      endsAt: new Date(now + 5 * DAY + 2 * HOUR),
      venue: "青缘汇委员工作室",
      openToPublic: true,
      capacity: 3,
      registrationOpensAt: new Date(now - DAY),
      registrationClosesAt: new Date(now + 4 * DAY),
      ...overrides,
    })
    .returning({ id: events.id });
  if (!row) throw new Error("no event");
  return row.id;
}

const phone = (n: number) => `139${String(n).padStart(8, "0")}`;
const person = (n: number) => ({
  name: `报名者${"甲乙丙丁戊己庚辛壬癸"[n % 10]}`,
  phone: phone(n),
  organisation: "",
  ip: `198.51.100.${n % 250}`,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "accepted";
}

describe(`open attendance (${driverLabel()})`, () => {
  it("confirms until the seats are taken, then puts people on the waiting list in order", async () => {
    const { db } = await freshDatabase();
    const eventId = await createOpenEvent(db, { capacity: 3 });

    const receipts = [];
    for (let i = 1; i <= 5; i++) receipts.push(await register(db, { eventId, ...person(i) }));
    expect(receipts.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ["confirmed", null],
      ["confirmed", null],
      ["confirmed", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    expect(new Set(receipts.map((r) => r.code)).size).toBe(5);
    for (const r of receipts) expect(r.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await getSeatSummaryIn(db, eventId)).toEqual({ confirmed: 3, waitlisted: 2 });

    // Each registration is audited in its transaction, with the IP and without the phone.
    const audit = await db
      .select({ action: auditLog.action, ip: auditLog.ip, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, "registration.create"));
    expect(audit).toHaveLength(5);
    expect(audit[0]?.ip).toBe("198.51.100.1");
    expect(JSON.stringify(audit)).not.toContain(phone(1));
  });

  it("refuses a second registration of the same phone, confirmed or waitlisted, until it is cancelled", async () => {
    const { db } = await freshDatabase();
    const eventId = await createOpenEvent(db, { capacity: 1 });
    const first = await register(db, { eventId, ...person(1) });
    const waiting = await register(db, { eventId, ...person(2) });
    expect(waiting.status).toBe("waitlisted");

    expect(await refusal(register(db, { eventId, ...person(1), name: "另一个人" }))).toBe(
      "duplicate_phone",
    );
    expect(await refusal(register(db, { eventId, ...person(2) }))).toBe("duplicate_phone");
    expect(await db.$count(registrations)).toBe(2);

    // Another event takes the same phone; a cancelled registration frees it.
    const otherEventId = await createOpenEvent(db);
    expect((await register(db, { eventId: otherEventId, ...person(1) })).status).toBe("confirmed");
    await cancelRegistrationIn(db, { code: first.code, ip: "127.0.0.1" });
    const again = await register(db, { eventId, ...person(1) });
    // Person 2 moved up when person 1 cancelled; person 1 now queues behind.
    expect([again.status, again.waitlistPosition]).toEqual(["waitlisted", 1]);
  });

  it("promotes the first on the waiting list when a confirmed registration is cancelled", async () => {
    const { db } = await freshDatabase();
    const eventId = await createOpenEvent(db, { capacity: 2 });
    const r = [];
    for (let i = 1; i <= 5; i++) r.push(await register(db, { eventId, ...person(i) }));
    const [first, , firstWaiting, secondWaiting, thirdWaiting] = r;
    if (!first || !firstWaiting || !secondWaiting || !thirdWaiting) throw new Error("setup");

    // Cancelling a waitlisted registration frees no seat: nobody moves up.
    const quiet = await cancelRegistrationIn(db, { code: thirdWaiting.code, ip: "127.0.0.1" });
    expect(quiet).toMatchObject({ previousStatus: "waitlisted", promotedIds: [] });

    const receipt = await cancelRegistrationIn(db, { code: first.code, ip: "203.0.113.9" });
    expect(receipt).toEqual({
      eventId,
      previousStatus: "confirmed",
      promotedIds: [firstWaiting.id],
    });
    const promoted = await getRegistrationByCodeIn(db, firstWaiting.code);
    expect(promoted?.status).toBe("confirmed");
    expect(promoted?.promotedAt).toBeInstanceOf(Date);
    const stillWaiting = await getRegistrationByCodeIn(db, secondWaiting.code);
    expect([stillWaiting?.status, stillWaiting?.waitlistPosition]).toEqual(["waitlisted", 1]);
    const cancelled = await getRegistrationByCodeIn(db, first.code);
    expect(cancelled?.status).toBe("cancelled");
    expect(cancelled?.cancelledAt).toBeInstanceOf(Date);
    expect(await getSeatSummaryIn(db, eventId)).toEqual({ confirmed: 2, waitlisted: 1 });

    expect(await refusal(cancelRegistrationIn(db, { code: first.code, ip: "x" }))).toBe(
      "already_cancelled",
    );
    expect(await refusal(cancelRegistrationIn(db, { code: "ZZZZ-ZZZZ", ip: "x" }))).toBe(
      "not_found",
    );
    const actions = await db
      .select({ action: auditLog.action, targetId: auditLog.targetId })
      .from(auditLog)
      .where(sql`${auditLog.action} in ('registration.cancel', 'registration.promote')`)
      .orderBy(auditLog.id);
    expect(actions).toEqual([
      { action: "registration.cancel", targetId: String(thirdWaiting.id) },
      { action: "registration.cancel", targetId: String(first.id) },
      { action: "registration.promote", targetId: String(firstWaiting.id) },
    ]);
  });

  it("shows a registration with the phone masked, never in clear", async () => {
    const { db } = await freshDatabase();
    const eventId = await createOpenEvent(db);
    const receipt = await register(db, {
      eventId,
      name: "王小红",
      phone: "13800000001",
      organisation: "嘉兴某外贸公司",
      ip: "127.0.0.1",
    });
    const view = await getRegistrationByCodeIn(db, receipt.code);
    expect(view).toMatchObject({
      code: receipt.code,
      status: "confirmed",
      name: "王小红",
      phoneMasked: "138****0001",
      organisation: "嘉兴某外贸公司",
      event: { id: eventId, status: "scheduled" },
    });
    expect(JSON.stringify(view)).not.toContain("13800000001");
    expect(await getRegistrationByCodeIn(db, "ZZZZ-ZZZZ")).toBeNull();
  });

  it("refuses registrations outside the window, for cancelled events and closed ones", async () => {
    const { db } = await freshDatabase();
    const now = Date.now();
    const notYet = await createOpenEvent(db, { registrationOpensAt: new Date(now + HOUR) });
    const closed = await createOpenEvent(db, { registrationClosesAt: new Date(now - HOUR) });
    const cancelled = await createOpenEvent(db, { status: "cancelled" });
    const internal = await createOpenEvent(db, { openToPublic: false });
    // No explicit end: registration closes when the event starts.
    const started = await createOpenEvent(db, {
      startsAt: new Date(now - HOUR),
      endsAt: new Date(now + HOUR),
      registrationClosesAt: null,
    });

    expect(await refusal(register(db, { eventId: notYet, ...person(1) }))).toBe("not_open");
    expect(await refusal(register(db, { eventId: closed, ...person(1) }))).toBe("closed");
    expect(await refusal(register(db, { eventId: cancelled, ...person(1) }))).toBe(
      "event_cancelled",
    );
    expect(await refusal(register(db, { eventId: internal, ...person(1) }))).toBe("not_public");
    expect(await refusal(register(db, { eventId: started, ...person(1) }))).toBe("closed");
    expect(await refusal(register(db, { eventId: 999_999, ...person(1) }))).toBe("not_found");
    expect(await db.$count(registrations)).toBe(0);
    expect(await db.$count(auditLog)).toBe(0);
  });

  it("lets a registration be cancelled until the event starts, and promotes nobody for a cancelled event", async () => {
    const { db } = await freshDatabase();
    const eventId = await createOpenEvent(db, { capacity: 1 });
    const seat = await register(db, { eventId, ...person(1) });
    const waiting = await register(db, { eventId, ...person(2) });
    const [event] = await db.select().from(events).where(eq(events.id, eventId));
    if (!event) throw new Error("setup");

    const afterStart = new Date(event.startsAt.getTime() + 60_000);
    expect(
      await refusal(cancelRegistrationIn(db, { code: seat.code, ip: "x", now: afterStart })),
    ).toBe("started");

    await db.update(events).set({ status: "cancelled" }).where(eq(events.id, eventId));
    const receipt = await cancelRegistrationIn(db, { code: seat.code, ip: "x" });
    expect(receipt.promotedIds).toEqual([]);
    expect((await getRegistrationByCodeIn(db, waiting.code))?.status).toBe("waitlisted");
  });

  it("registers for a demo open consultation", async () => {
    const { db } = await freshDatabase();
    await seedDemoData(db, { withAccounts: false });
    const [childcare] = await db
      .select({ id: events.id, capacity: events.capacity })
      .from(events)
      .where(and(eq(events.openToPublic, true), sql`${events.title} like '%托育服务扩容%'`));
    expect(childcare?.capacity).toBe(30);
    if (!childcare) return;
    const receipt = await register(db, { eventId: childcare.id, ...person(7) });
    expect(receipt.status).toBe("confirmed");
    expect(await getSeatSummaryIn(db, childcare.id)).toEqual({ confirmed: 1, waitlisted: 0 });
  });
});

const WIDE_POOL = "lvzhi-test-wide-pool";

async function backendsOf(db: Database, applicationName: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = ${applicationName}`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Where the concurrency is real: on PostgreSQL, a second pool of 20 connections on the
 * test's database, every task started at once; on PGlite (one connection), the same
 * tasks one after another, so the test still checks the counting.
 */
async function runner(handle: TestDatabase) {
  if (handle.driver !== "postgres") {
    return {
      db: handle.db,
      all: async <T>(tasks: (() => Promise<T>)[]) => {
        const results: T[] = [];
        for (const task of tasks) results.push(await task());
        return results;
      },
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const result = await handle.db.execute<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(serverUrl);
  url.pathname = `/${result.rows[0]?.name}`;
  url.searchParams.set("application_name", WIDE_POOL);
  const wide = await openDatabase({ url: url.toString(), poolMax: 20 });
  opened.push({
    ...wide,
    // pool.end() resolves before the server has let go of every backend: wait for it, so
    // that dropping the database does not kill connections that are already closing.
    close: async () => {
      await wide.close();
      for (let i = 0; i < 100 && (await backendsOf(handle.db, WIDE_POOL)) > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  });
  return {
    db: wide.db,
    all: <T>(tasks: (() => Promise<T>)[]) => Promise.all(tasks.map((task) => task())),
  };
}

describe(`capacity under concurrency (${driverLabel()}: ${process.env.TEST_DATABASE_URL ? "all at once on 20 connections" : "one after another"})`, () => {
  it("gives 500 registrations for 50 seats exactly 50 seats and 450 places in the queue", async () => {
    const handle = await freshDatabase();
    const eventId = await createOpenEvent(handle.db, { capacity: 50 });
    const { db, all } = await runner(handle);

    const receipts: RegistrationReceipt[] = await all(
      Array.from({ length: 500 }, (_, i) => () => register(db, { eventId, ...person(1_000 + i) })),
    );
    const confirmed = receipts.filter((r) => r.status === "confirmed");
    const waitlisted = receipts.filter((r) => r.status === "waitlisted");
    console.info(
      `[${handle.label}] 500 registrations for 50 seats: ${confirmed.length} confirmed, ${waitlisted.length} waitlisted`,
    );
    expect(confirmed).toHaveLength(50);
    expect(waitlisted).toHaveLength(450);
    // The queue positions handed out are 1…450, each once.
    const positions = waitlisted.map((r) => r.waitlistPosition ?? 0).sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));

    const rows = await handle.db
      .select({ phoneHash: registrations.phoneHash, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.eventId, eventId));
    expect(rows).toHaveLength(500);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(50);
    // Distinct people: the blind index (the stored phones are ciphertexts, always distinct).
    expect(new Set(rows.map((r) => r.phoneHash)).size).toBe(500);
    expect(await getSeatSummaryIn(handle.db, eventId)).toEqual({ confirmed: 50, waitlisted: 450 });

    // 30 cancellations at once: the first 30 of the queue move up, the seats stay at 50.
    const cancellations = await all(
      confirmed
        .slice(0, 30)
        .map((r) => () => cancelRegistrationIn(db, { code: r.code, ip: "127.0.0.1" })),
    );
    const promoted = cancellations.flatMap((c) => c.promotedIds).sort((x, y) => x - y);
    const headOfQueue = [...waitlisted]
      .sort((x, y) => (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0))
      .slice(0, 30)
      .map((r) => r.id)
      .sort((x, y) => x - y);
    expect(promoted).toEqual(headOfQueue);
    expect(await getSeatSummaryIn(handle.db, eventId)).toEqual({ confirmed: 50, waitlisted: 420 });
  });

  it("lets 100 registrations of one phone make exactly one", async () => {
    const handle = await freshDatabase();
    const eventId = await createOpenEvent(handle.db, { capacity: 50 });
    const { db, all } = await runner(handle);

    const outcomes = await all(
      Array.from(
        { length: 100 },
        (_, i) => () =>
          refusal(register(db, { eventId, ...person(42), name: `同号${"甲乙丙丁戊"[i % 5]}` })),
      ),
    );
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate_phone")).toHaveLength(99);
    expect(await handle.db.$count(registrations, eq(registrations.eventId, eventId))).toBe(1);
  });
});
