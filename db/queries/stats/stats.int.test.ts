import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../client";
import {
  campaigns,
  departments,
  events,
  fieldNotes,
  noteTransfers,
  noteTransitions,
  users,
} from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { selectPublicFigures, selectStatsOptions } from "./public";
import { selectDepartmentRows } from "./staff";

const TZ = "Asia/Shanghai";
let handle: TestDatabase;
let db: Database;
let campaignId: number;

const DAY = 86_400_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  // Without the demo accounts there are no demo notes: the notes below are all there is.
  await seedDemoData(db, { withAccounts: false });
  const [campaign] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.slug, "activity-week-2026"));
  campaignId = campaign?.id ?? 0;
  const [author] = await db
    .insert(users)
    .values({
      username: "stats-member",
      displayName: "统计测试委员",
      role: "member",
      status: "active",
    })
    .returning({ id: users.id });
  const [event] = await db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.campaignId, campaignId))
    .limit(1);
  const [department] = await db
    .insert(departments)
    .values({ slug: "test-weijian", name: "测试卫健局" })
    .returning({ id: departments.id });

  // Four notes of May 2026 (one in the activity week), one draft, one of 2025.
  const base = new Date("2026-05-10T02:00:00Z");
  const plan = [
    { status: "answered", category: "livelihood", days: 4, eventId: event?.id ?? null },
    { status: "closed", category: "industry", days: 10, eventId: null },
    { status: "accepted", category: "industry", days: null, eventId: null },
    { status: "submitted", category: null, days: null, eventId: null },
  ] as const;
  for (const p of plan) {
    const [note] = await db
      .insert(fieldNotes)
      .values({
        clientId: randomUUID(),
        authorId: author?.id ?? 0,
        status: p.status,
        title: "t",
        category: p.category,
        eventId: p.eventId,
        submittedAt: base,
      })
      .returning({ id: fieldNotes.id });
    if (p.days !== null) {
      const at = new Date(base.getTime() + p.days * DAY);
      await db.insert(noteTransitions).values({
        noteId: note?.id ?? 0,
        fromStatus: "transferred",
        toStatus: p.status,
        action: p.status === "closed" ? "close" : "answer",
        createdAt: at,
      });
      await db.insert(noteTransfers).values({
        noteId: note?.id ?? 0,
        departmentId: department?.id ?? 0,
        dueOn: "2026-06-01",
        status: "answered",
        answer: "ok",
        answeredAt: at,
        createdAt: base,
      });
    }
  }
  const [late] = await db
    .insert(fieldNotes)
    .values({
      clientId: randomUUID(),
      authorId: author?.id ?? 0,
      status: "transferred",
      title: "t",
      category: "governance",
      submittedAt: base,
    })
    .returning({ id: fieldNotes.id });
  await db.insert(noteTransfers).values({
    noteId: late?.id ?? 0,
    departmentId: department?.id ?? 0,
    dueOn: "2026-05-20",
    status: "pending",
    createdAt: base,
  });
  await db
    .insert(fieldNotes)
    .values({ clientId: randomUUID(), authorId: author?.id ?? 0, status: "draft", title: "draft" });
  await db.insert(fieldNotes).values({
    clientId: randomUUID(),
    authorId: author?.id ?? 0,
    status: "submitted",
    title: "old",
    category: "industry",
    // 31 Dec 2025 at 20:00 UTC is 1 Jan 2026 in Shanghai: counted in 2026.
    submittedAt: new Date("2025-12-31T20:00:00Z"),
  });
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe(`figures on ${driverLabel()}`, () => {
  it("counts submitted notes by category and status, leaving drafts out", async () => {
    const f = await selectPublicFigures(db, { year: 2026, campaignId: null }, TZ);
    const byCategory = Object.fromEntries(f.notesByCategory.map((r) => [r.key, r.value]));
    expect(byCategory).toEqual({ industry: 3, livelihood: 1, governance: 1, none: 1 });
    const byStatus = Object.fromEntries(f.notesByStatus.map((r) => [r.key, r.value]));
    expect(byStatus).toEqual({ answered: 1, closed: 1, accepted: 1, submitted: 2, transferred: 1 });
    expect(byStatus.draft).toBeUndefined();
  });

  it("computes the handling rate and the median days to an answer", async () => {
    const f = await selectPublicFigures(db, { year: 2026, campaignId: null }, TZ);
    // Adopted: answered, closed, accepted, transferred = 4; handled: answered, closed = 2.
    expect(f.handling).toEqual({ submitted: 6, adopted: 4, handled: 2, rate: 0.5, medianDays: 7 });
  });

  it("filters notes by campaign (through their event) and by local year", async () => {
    const inWeek = await selectPublicFigures(db, { year: null, campaignId }, TZ);
    expect(inWeek.handling.submitted).toBe(1);
    const y2025 = await selectPublicFigures(db, { year: 2025, campaignId: null }, TZ);
    expect(y2025.handling.submitted).toBe(0);
  });

  it("counts events by sector, kind and town without cancelled ones", async () => {
    const all = await db
      .select({ id: events.id, status: events.status, campaignId: events.campaignId })
      .from(events);
    const f = await selectPublicFigures(db, { year: null, campaignId }, TZ);
    const expected = all.filter(
      (e) => e.campaignId === campaignId && e.status === "scheduled",
    ).length;
    expect(f.eventsTotal).toBe(expected);
    expect(f.eventsByKind.reduce((s, r) => s + r.value, 0)).toBe(expected);
    expect(f.eventsByTown.length).toBe(9);
    expect(f.eventsBySector.length).toBe(19);
    expect(f.eventsBySector[0]?.value).toBeGreaterThanOrEqual(f.eventsBySector[18]?.value ?? 0);
    expect(f.eventsBySector.find((r) => r.key === "keji")?.name).toBe("科技界");
    expect(f.years.find((y) => y.year === 2026)?.events).toBe(expected);
  });

  it("sums the departments' transfers, answers and overdue ones", async () => {
    const rows = await selectDepartmentRows(db, { year: 2026, campaignId: null }, TZ, "2026-06-01");
    expect(rows).toEqual([
      { name: "测试卫健局", transfers: 3, answered: 2, overdue: 1, medianDays: 7 },
    ]);
  });

  it("never counts events that have not happened yet, nor offers a future year", async () => {
    const [future] = await db
      .insert(events)
      .values({
        title: "二〇三〇年的协商",
        kind: "consultation",
        startsAt: new Date("2030-03-01T02:00:00Z"),
        endsAt: new Date("2030-03-01T04:00:00Z"),
        venue: "委员之家",
      })
      .returning({ id: events.id });
    try {
      const f = await selectPublicFigures(db, { year: null, campaignId: null }, TZ);
      expect(f.years.map((y) => y.year)).not.toContain(2030);
      const held = await db
        .select({ startsAt: events.startsAt, status: events.status })
        .from(events);
      const now = Date.now();
      expect(f.eventsTotal).toBe(
        held.filter((e) => e.status === "scheduled" && e.startsAt.getTime() <= now).length,
      );
      expect(Math.max(...f.years.map((y) => y.year))).toBeLessThanOrEqual(
        new Date().getUTCFullYear() + 1,
      );
      const options = await selectStatsOptions(db, TZ);
      expect(options.years).not.toContain(2030);
    } finally {
      await db.delete(events).where(eq(events.id, future?.id ?? 0));
    }
  });

  it("offers the years with data and the campaigns", async () => {
    const options = await selectStatsOptions(db, TZ);
    expect(options.years).toContain(2026);
    expect(options.campaigns.map((c) => c.id)).toContain(campaignId);
  });
});
