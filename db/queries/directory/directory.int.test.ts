import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import {
  countUpcoming,
  getSectorDetail,
  getStudioDetail,
  listSectorCards,
  listStudios,
  listTownsWithOffices,
  settleTimeline,
} from "./public";

// The demo data hangs its upcoming events on the day the database is created.
const SEEDED_AT = new Date("2026-11-26T03:00:00Z"); // 11:00 in Asia/Shanghai
const DAY = 24 * 60 * 60 * 1000;

let handle: TestDatabase;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { now: SEEDED_AT, withAccounts: false });
});
afterAll(async () => {
  await handle?.close();
});

describe(`directory queries (${driverLabel()})`, () => {
  it("lists the 19 sectors in order, with studios and upcoming events counted", async () => {
    const cards = await listSectorCards(handle.db, SEEDED_AT);
    expect(cards).toHaveLength(19);
    expect(cards[0]?.name).toBe("中共界");
    const yiwei = cards.find((c) => c.slug === "yiwei");
    // 心灵之秀 and 健康守护 serve 医卫界; the 洪合镇 clinic (day 10) is still to come.
    expect(yiwei?.studioCount).toBe(2);
    expect(yiwei && countUpcoming(yiwei, SEEDED_AT)).toBe(1);
    // Every sector is served by at least one studio.
    expect(cards.every((c) => c.studioCount > 0)).toBe(true);
    // 社会福利 has only a cancelled visit ahead: cancelled events are not counted.
    const welfare = cards.find((c) => c.slug === "shehui-fuli");
    expect(welfare && countUpcoming(welfare, SEEDED_AT)).toBe(0);
    // Eleven days on, the clinic is over.
    expect(yiwei && countUpcoming(yiwei, new Date(SEEDED_AT.getTime() + 11 * DAY))).toBe(0);
  });

  it("lists 15 studios with their town, address and the sectors each serves", async () => {
    const studios = await listStudios(handle.db);
    expect(studios).toHaveLength(15);
    const bySlug = new Map(studios.map((s) => [s.slug, s]));
    expect(bySlug.get("xinling-zhixiu")).toMatchObject({
      name: "心灵之秀委员工作室",
      town: { slug: "xincheng-jiedao", name: "新城街道" },
      address: "秀洲区新城街道秀水路 21 号",
      sectors: [
        { slug: "jiaoyu", name: "教育界" },
        { slug: "yiwei", name: "医卫界" },
      ],
    });
    expect(bySlug.get("qingyuanhui")?.sectors.map((s) => s.name)).toEqual(["共青团", "妇联"]);
    expect(bySlug.get("yizhijia")?.sectors.map((s) => s.name)).toEqual([
      "社会福利和社会保障界",
      "特邀界",
    ]);
    // Together they serve all nineteen sectors.
    expect(new Set(studios.flatMap((s) => s.sectors.map((x) => x.slug))).size).toBe(19);
  });

  it("shows a sector's events, public news and studios", async () => {
    const detail = await getSectorDetail(handle.db, "yiwei", SEEDED_AT);
    expect(detail?.sector).toMatchObject({
      slug: "yiwei",
      name: "医卫界",
      description: "医疗卫生界委员，守护群众健康。",
      photo: { width: 360, height: 240 },
      contact: { person: expect.stringContaining("界别联络员"), phone: expect.any(String) },
    });
    expect(detail?.sector.address).toContain("区政协委员活动中心");
    expect(detail?.upcoming.map((e) => e.title)).toEqual([
      "“六送下乡”送卫生：洪合镇义诊和健康讲座",
    ]);
    expect(detail?.upcoming[0]?.organisers).toEqual(["医卫界", "农工党秀洲区支部", "洪合镇联络室"]);
    expect(detail?.past.map((e) => e.title)).toEqual(["“嘉有名医 祝您健康”主题义诊"]);
    expect(detail?.news.map((a) => a.slug)).toEqual([
      "2026-05-free-clinic",
      "2026-05-ai-biomed-visit",
    ]);
    expect(detail?.news[0]?.columnName).toBe("委员风采");
    expect(detail?.studios.map((s) => s.name)).toEqual([
      "心灵之秀委员工作室",
      "健康守护委员工作室",
    ]);
  });

  it("leaves scheduled articles out of a sector's news until they are due", async () => {
    const scheduled = "2026-11-29-smart-home-visit-report";
    const before = await getSectorDetail(handle.db, "jingji", SEEDED_AT);
    expect(before?.news.map((a) => a.slug)).not.toContain(scheduled);
    const after = await getSectorDetail(
      handle.db,
      "jingji",
      new Date(SEEDED_AT.getTime() + 4 * DAY),
    );
    expect(after?.news.map((a) => a.slug)).toContain(scheduled);
  });

  it("shows the events a studio co-organised, upcoming and past", async () => {
    const clinic = await getStudioDetail(handle.db, "jiankang-shouhu", SEEDED_AT);
    expect(clinic?.studio.name).toBe("健康守护委员工作室");
    expect(clinic?.upcoming).toEqual([]);
    expect(clinic?.past.map((e) => e.title)).toEqual(["“嘉有名医 祝您健康”主题义诊"]);
    const youth = await getStudioDetail(handle.db, "qingyuanhui", SEEDED_AT);
    expect(youth?.upcoming.map((e) => e.title)).toEqual(["“托育服务扩容”开门协商"]);
    expect(youth?.upcoming[0]).toMatchObject({ townName: "嘉北街道", openToPublic: true });
  });

  it("returns null for an unknown slug, and for an organisation that is not a studio", async () => {
    expect(await getSectorDetail(handle.db, "no-such-sector", SEEDED_AT)).toBeNull();
    expect(await getStudioDetail(handle.db, "no-such-studio", SEEDED_AT)).toBeNull();
    expect(await getStudioDetail(handle.db, "wangjiangjing-zhen-lianluoshi", SEEDED_AT)).toBeNull();
  });

  it("groups the nine towns with their liaison office and studios", async () => {
    const towns = await listTownsWithOffices(handle.db);
    expect(towns).toHaveLength(9);
    expect(towns.filter((t) => t.kind === "subdistrict").map((t) => t.name)).toEqual([
      "新城街道",
      "嘉北街道",
      "塘汇街道",
      "高照街道",
    ]);
    for (const town of towns) {
      expect(town.liaisonOffices.map((o) => o.name)).toEqual([`${town.name}联络室`]);
      expect(town.liaisonOffices[0]?.address).toContain(town.name);
    }
    const xincheng = towns.find((t) => t.slug === "xincheng-jiedao");
    expect(xincheng?.studios.map((s) => s.name)).toEqual(["心灵之秀委员工作室", "同心委员工作室"]);
    // Venues are not studios.
    expect(xincheng?.studios.map((s) => s.slug)).not.toContain("weiyuan-huiketing");
  });

  it("hides a studio that is no longer active", async () => {
    await handle.db
      .update(organisations)
      .set({ active: false })
      .where(eq(organisations.slug, "taoli"));
    try {
      expect(await listStudios(handle.db)).toHaveLength(14);
      expect(await getStudioDetail(handle.db, "taoli", SEEDED_AT)).toBeNull();
      const wangdian = (await listTownsWithOffices(handle.db)).find(
        (t) => t.slug === "wangdian-zhen",
      );
      expect(wangdian?.studios.map((s) => s.slug)).toEqual(["jiankang-shouhu"]);
    } finally {
      await handle.db
        .update(organisations)
        .set({ active: true })
        .where(eq(organisations.slug, "taoli"));
    }
  });
});

describe("settleTimeline", () => {
  const event = (id: number, startDay: number) => ({
    id,
    title: `event ${id}`,
    kind: "visit" as const,
    serviceType: null,
    status: "scheduled" as const,
    startsAt: new Date(SEEDED_AT.getTime() + startDay * DAY),
    endsAt: new Date(SEEDED_AT.getTime() + startDay * DAY + 2 * 60 * 60 * 1000),
    venue: "",
    townName: null,
    openToPublic: false,
    organisers: [],
  });

  it("moves events that ended since the timeline was read to the past, latest first", () => {
    const read = { upcoming: [event(3, 1), event(4, 2), event(5, 5)], past: [event(2, -1)] };
    const settled = settleTimeline(read, new Date(SEEDED_AT.getTime() + 3 * DAY));
    expect(settled.upcoming.map((e) => e.id)).toEqual([5]);
    expect(settled.past.map((e) => e.id)).toEqual([4, 3, 2]);
  });

  it("keeps a running event upcoming and leaves a fresh timeline as it is", () => {
    const read = { upcoming: [event(3, 0)], past: [] };
    const running = new Date(SEEDED_AT.getTime() + 60 * 60 * 1000);
    expect(settleTimeline(read, running)).toBe(read);
  });
});
