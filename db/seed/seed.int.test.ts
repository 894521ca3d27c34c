import { and, count, eq, gt, gte, lt } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/password";
import {
  articles,
  campaigns,
  committeeSettings,
  eventOrganisers,
  events,
  files,
  organisationSectors,
  organisations,
  sectors,
  topics,
  towns,
  users,
} from "../schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "../test-utils";
import { buildDemoData, seedDemoData } from ".";

const NOW = new Date("2026-11-26T03:00:00Z"); // 11:00 in Asia/Shanghai
const PASSWORDS = { admin: "admin-test-密码-1", member1: "member-test-pass-2" };

const opened: TestDatabase[] = [];
async function freshDatabase() {
  const handle = await createTestDatabase();
  opened.push(handle);
  return handle.db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()));
});

function shanghaiHour(instant: Date): number {
  return Number(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Shanghai",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(instant),
  );
}

describe(`demo data seed (${driverLabel()})`, () => {
  it("loads the committee's directory, campaigns, events and news", async () => {
    const db = await freshDatabase();
    const result = await seedDemoData(db, { now: NOW, withAccounts: false });
    expect(result).toEqual({ created: true, accounts: [] });

    const [settings] = await db.select().from(committeeSettings);
    expect(settings?.shortName).toBe("秀洲区政协");
    expect(settings?.timeZone).toBe("Asia/Shanghai");

    expect(await db.$count(sectors)).toBe(19);

    const townRows = await db.select().from(towns);
    expect(townRows).toHaveLength(9);
    const offices = await db
      .select()
      .from(organisations)
      .where(eq(organisations.kind, "liaison_office"));
    for (const town of townRows) {
      expect(offices.filter((o) => o.townId === town.id)).toHaveLength(1);
    }

    const studios = await db.select().from(organisations).where(eq(organisations.kind, "studio"));
    expect(studios).toHaveLength(15);
    expect(studios.map((s) => s.name)).toEqual(
      expect.arrayContaining(["心灵之秀委员工作室", "青缘汇委员工作室", "益之家委员工作室"]),
    );
    const served = await db
      .selectDistinct({ sectorId: organisationSectors.sectorId })
      .from(organisationSectors)
      .innerJoin(organisations, eq(organisations.id, organisationSectors.organisationId))
      .where(eq(organisations.kind, "studio"));
    expect(served).toHaveLength(19);

    const [week] = await db
      .select()
      .from(campaigns)
      .where(eq(campaigns.slug, "activity-week-2026"));
    expect(week?.kind).toBe("activity_week");
    const mayEvents = await db
      .select()
      .from(events)
      .where(
        and(
          gte(events.startsAt, new Date("2026-05-01T00:00:00+08:00")),
          lt(events.startsAt, new Date("2026-06-01T00:00:00+08:00")),
        ),
      );
    expect(mayEvents).toHaveLength(7);
    expect(mayEvents.every((e) => e.campaignId === week?.id)).toBe(true);
    expect(mayEvents.filter((e) => e.openToPublic && e.capacity)).toHaveLength(2);

    const upcoming = await db.select().from(events).where(gt(events.startsAt, NOW));
    expect(upcoming.length).toBeGreaterThanOrEqual(10);
    expect(upcoming.some((e) => e.status === "cancelled")).toBe(true);
    expect(upcoming.some((e) => e.kind === "meeting")).toBe(true);
    const openNow = upcoming.filter(
      (e) =>
        e.openToPublic &&
        e.capacity &&
        e.registrationOpensAt &&
        e.registrationClosesAt &&
        e.registrationOpensAt < NOW &&
        e.registrationClosesAt > NOW &&
        e.registrationClosesAt <= e.startsAt,
    );
    expect(openNow.length).toBeGreaterThanOrEqual(3);

    const allEvents = await db.select().from(events);
    for (const event of allEvents) {
      const hour = shanghaiHour(event.startsAt);
      expect(hour, event.title).toBeGreaterThanOrEqual(7);
      expect(hour, event.title).toBeLessThanOrEqual(21);
      expect(event.endsAt > event.startsAt).toBe(true);
    }
    const [{ value: organised } = { value: 0 }] = await db
      .select({ value: count() })
      .from(eventOrganisers);
    expect(organised).toBeGreaterThan(allEvents.length);

    const topicRows = await db.select().from(topics);
    expect(topicRows.map((t) => t.name).sort()).toEqual(
      ["产业升级", "外贸出海", "科技创新", "人口均衡", "基层共富"].sort(),
    );
    expect(topicRows.some((t) => t.openForOpinions)).toBe(true);

    const articleRows = await db.select().from(articles);
    expect(articleRows.length).toBeGreaterThanOrEqual(8);
    expect(articleRows.some((a) => a.publishedAt && a.publishedAt > NOW)).toBe(true);
    // Pictures drawn at seed time: every article credited with a picture has its cover, a
    // public JPEG of the size it says; the others get their designed cover when shown.
    const pictures = new Map((await db.select().from(files)).map((f) => [f.id, f] as const));
    for (const a of articleRows) {
      if (!a.coverCredit) continue;
      const cover = a.coverFileId ? pictures.get(a.coverFileId) : undefined;
      expect(cover?.visibility, a.slug).toBe("public");
      expect(cover?.contentType).toBe("image/jpeg");
      const meta = await sharp(cover?.data).metadata();
      expect([meta.width, meta.height]).toEqual([cover?.width, cover?.height]);
    }
    expect(articleRows.some((a) => a.coverFileId === null)).toBe(true);
    // Studios and liaison offices: a photo and how to reach them.
    const places = (await db.select().from(organisations)).filter(
      (o) => o.kind === "studio" || o.kind === "liaison_office",
    );
    expect(places.length).toBeGreaterThan(10);
    for (const place of places) {
      expect(place.photoFileId && pictures.get(place.photoFileId)?.visibility, place.slug).toBe(
        "public",
      );
      expect(place.contactPerson, place.slug).toBeTruthy();
      expect(place.contactPhone, place.slug).toMatch(/^0573-\d{8}$/);
      expect(place.openingHours, place.slug).toBeTruthy();
    }

    expect(await db.$count(users)).toBe(0);
  });

  it("creates nothing the second time", async () => {
    const db = await freshDatabase();
    await seedDemoData(db, { now: NOW, withAccounts: true });
    const before = await Promise.all([db.$count(sectors), db.$count(events), db.$count(users)]);
    const again = await seedDemoData(db, { now: NOW, withAccounts: true });
    expect(again).toEqual({ created: false, accounts: [] });
    expect(await Promise.all([db.$count(sectors), db.$count(events), db.$count(users)])).toEqual(
      before,
    );
  });

  it("creates the data once when two seeders race", async () => {
    const db = await freshDatabase();
    const results = await Promise.all([
      seedDemoData(db, { now: NOW, withAccounts: true }),
      seedDemoData(db, { now: NOW, withAccounts: true }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await db.$count(sectors)).toBe(19);
    expect(await db.$count(users)).toBe(6);
  });

  it("creates the demo accounts with passwords that verify", async () => {
    const db = await freshDatabase();
    const result = await seedDemoData(db, { now: NOW, withAccounts: true, passwords: PASSWORDS });
    expect(result.created).toBe(true);
    expect(result.accounts.map((a) => [a.username, a.role])).toEqual([
      ["admin", "admin"],
      // The three administrators of the separation of duties, one account each.
      ["security", "security"],
      ["auditor", "auditor"],
      ["editor", "editor"],
      ["member1", "member"],
      ["member2", "member"],
    ]);
    expect(result.accounts.find((a) => a.username === "admin")?.password).toBe(PASSWORDS.admin);
    expect(result.accounts.find((a) => a.username === "member1")?.password).toBe(PASSWORDS.member1);

    const rows = await db.select().from(users);
    expect(rows).toHaveLength(6);
    for (const account of result.accounts) {
      const row = rows.find((r) => r.username === account.username);
      expect(row?.status).toBe("active");
      expect(await verifyPassword(row?.passwordHash ?? "", account.password)).toBe(true);
      expect(await verifyPassword(row?.passwordHash ?? "", `${account.password}x`)).toBe(false);
    }
    const editor = rows.find((r) => r.username === "editor");
    const [office] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, editor?.organisationId ?? -1));
    expect(office?.name).toBe("新城街道联络室");
    expect(rows.find((r) => r.username === "member1")?.sectorId).not.toBeNull();
  });
});

describe("demo data", () => {
  it("is dated relative to now and refers only to what it defines", () => {
    const data = buildDemoData(NOW);
    const keys = new Set(data.events.map((e) => e.key));
    expect(keys.size).toBe(data.events.length);
    expect(new Set(data.events.map((e) => e.title)).size).toBe(data.events.length);
    const inFiveWeeks = NOW.getTime() + 35 * 24 * 3600 * 1000;
    const soon = data.events.filter(
      (e) => e.startsAt > NOW && e.startsAt.getTime() < inFiveWeeks && e.status === "scheduled",
    );
    expect(soon.length).toBeGreaterThanOrEqual(8);
    expect(soon.length).toBeLessThanOrEqual(12);
    const month = data.campaigns.find((c) => c.kind === "research_month");
    expect(month?.name).toBe("2026年界别调研月");
    expect(month && month.startsOn < "2026-11-26" && month.endsOn > "2026-12-28").toBe(true);
    expect(data.articles.every((a) => !a.event || keys.has(a.event))).toBe(true);
  });

  it.each([
    "2026-11-26T03:00:00Z",
    "2026-11-26T15:59:00Z", // 23:59 in Shanghai
    "2026-12-31T16:30:00Z", // 00:30 on New Year's Day in Shanghai
    "2027-06-15T08:00:00Z",
  ])("keeps sensible local times and an open registration for now = %s", (iso) => {
    const now = new Date(iso);
    const data = buildDemoData(now);
    for (const e of data.events) {
      expect(shanghaiHour(e.startsAt), e.title).toBeGreaterThanOrEqual(7);
      expect(shanghaiHour(e.startsAt), e.title).toBeLessThanOrEqual(21);
    }
    const open = data.events.filter(
      (e) =>
        e.openToPublic &&
        e.startsAt > now &&
        (e.registrationOpensAt ?? now) < now &&
        (e.registrationClosesAt ?? now) > now,
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    const relative = data.articles.filter(
      (a) => a.publishedAt.getUTCFullYear() !== 2026 || a.publishedAt.getUTCMonth() !== 4,
    );
    expect(relative.filter((a) => a.publishedAt > now)).toHaveLength(1);
    expect(relative.filter((a) => a.publishedAt <= now)).toHaveLength(2);
    for (const a of data.articles) {
      expect(shanghaiHour(a.publishedAt), a.title).toBeGreaterThanOrEqual(7);
      expect(shanghaiHour(a.publishedAt), a.title).toBeLessThanOrEqual(21);
    }
  });
});
