import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEventReports } from "@/db/queries/news/event-reports";
import { events } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { monthRange } from "@/lib/calendar/month";
import { listCalendarEvents, listCalendarFilterOptions, listGridEvents } from "./calendar";
import { findCampaignProgramme } from "./campaigns";
import { findEventDetail } from "./public";

const NOW = new Date("2026-11-26T03:00:00Z"); // 11:00 in Shanghai
const TZ = "Asia/Shanghai";
const MAY = monthRange("2026-05", TZ);

let handle: TestDatabase;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { withAccounts: false, now: NOW });
});
afterAll(async () => {
  await handle?.close();
});

async function idOf(title: string): Promise<number> {
  const [row] = await handle.db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.title, title))
    .limit(1);
  if (!row) throw new Error(`no event ${title}`);
  return row.id;
}

describe(`calendar queries (${driverLabel()})`, () => {
  it("lists the seven events of May 2026 in start order", async () => {
    const list = await listCalendarEvents(handle.db, { ...MAY, filters: {}, limit: 500 });
    expect(list).toHaveLength(7);
    const starts = list.map((e) => e.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(list[0]).toMatchObject({
      title: "“AI+生物医药”主题走访：走进区人民医院高新院区",
      townName: "高照街道",
      townSlug: "gaozhao-jiedao",
      organisers: ["科技界", "教科卫体委员会"],
    });
  });

  it("narrows by service type, sector, town, kind and campaign, and combines them", async () => {
    const titles = async (filters: Parameters<typeof listCalendarEvents>[1]["filters"]) =>
      (await listCalendarEvents(handle.db, { ...MAY, filters, limit: 500 })).map((e) => e.title);

    expect(await titles({ service: "health" })).toEqual(["“嘉有名医 祝您健康”主题义诊"]);
    expect(await titles({ sector: "gongshanglian" })).toHaveLength(2);
    expect(await titles({ town: "wangjiangjing-zhen" })).toEqual([
      "“丝路通”平台建设与产业出海专题协商",
      "“致爱助侨”侨企服务活动",
    ]);
    expect(await titles({ town: "wangjiangjing-zhen", sector: "qiaolian-tailian" })).toEqual([
      "“致爱助侨”侨企服务活动",
    ]);
    expect(await titles({ kind: "consultation", town: "xincheng-jiedao" })).toEqual([
      "建设生育友好型社会专题协商",
    ]);
    expect(await titles({ campaign: "activity-week-2026" })).toHaveLength(7);
    expect(await titles({ campaign: "research-month-2026" })).toEqual([]);
    expect(await titles({ sector: "no-such-sector" })).toEqual([]);
  });

  it("finds events of a campaign with no date range, and the upcoming health services", async () => {
    const health = await listCalendarEvents(handle.db, {
      filters: { service: "health" },
      limit: 100,
    });
    expect(health.map((e) => e.title)).toEqual([
      "“嘉有名医 祝您健康”主题义诊",
      "“六送下乡”送卫生：洪合镇义诊和健康讲座",
    ]);
    const month = await listCalendarEvents(handle.db, {
      filters: { campaign: "research-month-2026" },
      limit: 100,
    });
    expect(month.length).toBeGreaterThan(5);
    expect(month.some((e) => e.status === "cancelled")).toBe(true);
  });

  it("gives the month grid the same events with only the columns it shows", async () => {
    const filterSets = [
      {},
      { town: "wangjiangjing-zhen", sector: "qiaolian-tailian" },
      { kind: "consultation" as const, town: "xincheng-jiedao" },
      { campaign: "activity-week-2026" },
      { service: "health" as const },
    ];
    for (const filters of filterSets) {
      const full = await listCalendarEvents(handle.db, { ...MAY, filters, limit: 500 });
      const grid = await listGridEvents(handle.db, { ...MAY, filters, limit: 500 });
      expect(grid).toEqual(
        full.map(({ id, title, kind, status, startsAt, endsAt }) => ({
          id,
          title,
          kind,
          status,
          startsAt,
          endsAt,
        })),
      );
    }
    // Narrow rows: no summary, organisers or town (the list view names them).
    const [first] = await listGridEvents(handle.db, { ...MAY, filters: {}, limit: 1 });
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ["endsAt", "id", "kind", "startsAt", "status", "title"].sort(),
    );
  });

  it("includes an event still running at the start of the range", async () => {
    const clinic = await idOf("“嘉有名医 祝您健康”主题义诊");
    // 22 May 09:00–10:00 Shanghai: the clinic runs 08:30–11:30.
    const list = await listCalendarEvents(handle.db, {
      from: new Date("2026-05-22T01:00:00Z"),
      to: new Date("2026-05-22T02:00:00Z"),
      filters: {},
      limit: 10,
    });
    expect(list.map((e) => e.id)).toEqual([clinic]);
  });

  it("offers the sectors, towns and campaigns to filter by", async () => {
    const options = await listCalendarFilterOptions(handle.db);
    expect(options.sectors).toHaveLength(19);
    expect(options.towns.map((t) => t.slug)).toContain("wangjiangjing-zhen");
    expect(options.campaigns.map((c) => c.slug)).toEqual(
      expect.arrayContaining(["activity-week-2026", "research-month-2026"]),
    );
    // Newest first.
    expect(options.campaigns.at(-1)?.slug).toBe("activity-week-2026");
  });

  it("reads an event with its organisers, links, campaign and topic", async () => {
    const id = await idOf("“致爱助侨”侨企服务活动");
    const detail = await findEventDetail(handle.db, id);
    expect(detail).toMatchObject({
      id,
      venue: "侨心家园委员工作室",
      townName: "王江泾镇",
      campaign: { slug: "activity-week-2026", name: "第十九届界别活动周" },
      topic: { name: "外贸出海" },
    });
    expect(detail?.organisers).toEqual([
      {
        name: "侨联、台联界",
        kind: "sector",
        slug: "qiaolian-tailian",
        href: "/sectors/qiaolian-tailian",
      },
      { name: "致公党秀洲区支部", kind: "party", slug: "zhigong-xiuzhou", href: null },
      {
        name: expect.stringContaining("侨心家园"),
        kind: "studio",
        slug: "qiaoxin-jiayuan",
        href: "/studios/qiaoxin-jiayuan",
      },
    ]);
    expect(await findEventDetail(handle.db, 999_999)).toBeNull();
  });

  it("links only reports the public may read now", async () => {
    const clinic = await idOf("“嘉有名医 祝您健康”主题义诊");
    const smartHome = await idOf("调研月走访：智能家居企业谈“丝路通”扩容");
    const reports = await listEventReports(handle.db, [clinic, smartHome], NOW);
    expect(reports.map((r) => [r.eventId, r.slug])).toEqual([[clinic, "2026-05-free-clinic"]]);
    // Three days later the scheduled report of the visit is out.
    const later = await listEventReports(
      handle.db,
      [smartHome],
      new Date(NOW.getTime() + 4 * 86_400_000),
    );
    expect(later).toHaveLength(1);
  });

  it("builds the activity week's programme and figures", async () => {
    const programme = await findCampaignProgramme(handle.db, "activity-week-2026");
    expect(programme?.campaign.name).toBe("第十九届界别活动周");
    expect(programme?.events).toHaveLength(7);
    expect(programme?.figures).toEqual({ events: 7, sectors: 10, towns: 5 });
    expect(await findCampaignProgramme(handle.db, "nope")).toBeNull();
  });
});
