import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { GridEvent } from "@/db/queries/events/calendar";
import { buildMonthGrid, groupEventsByDay } from "@/lib/calendar/month";
import { CalendarSection } from "./calendar-section";
import { MonthGrid } from "./month-grid";
import { MonthTable } from "./month-table";

const TZ = "Asia/Shanghai";

/** `count` events on 12 May 2026 (Shanghai), an hour apart from 08:00, and one on the 20th. */
function mayEvents(count: number): GridEvent[] {
  const busy = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    title: `测试活动第${i + 1}场`,
    kind: "visit" as const,
    status: "scheduled" as const,
    startsAt: new Date(Date.UTC(2026, 4, 12, i, 0)),
    endsAt: new Date(Date.UTC(2026, 4, 12, i, 30)),
  }));
  return [
    ...busy,
    {
      id: 99,
      title: "另一天的活动",
      kind: "clinic",
      status: "scheduled",
      startsAt: new Date(Date.UTC(2026, 4, 20, 1, 0)),
      endsAt: new Date(Date.UTC(2026, 4, 20, 2, 0)),
    },
  ];
}

function renderMonth(events: GridEvent[]): string {
  return renderToStaticMarkup(
    h(CalendarSection, {
      query: { view: "month", month: "2026-05", filters: {} },
      month: "2026-05",
      today: "2026-05-01",
      shown: { view: "month", events },
      labels: {},
      timeZone: TZ,
    }),
  );
}

/** Times `text` is shown (in text, not in attributes such as a chip's tooltip). */
const occurrences = (html: string, text: string) =>
  html.replace(/<[^>]*>/g, "").split(text).length - 1;

describe("the month view", () => {
  it("renders each event once: no second copy for phones", () => {
    const html = renderMonth(mayEvents(2));
    expect(occurrences(html, "测试活动第1场")).toBe(1);
    expect(occurrences(html, "测试活动第2场")).toBe(1);
    expect(occurrences(html, "另一天的活动")).toBe(1);
    expect(html).toContain("共 3 场活动");
  });

  it("shows three events of a busy day and links the rest to the day in the list", () => {
    const html = renderMonth(mayEvents(7));
    for (const n of [1, 2, 3]) expect(html).toContain(`测试活动第${n}场`);
    for (const n of [4, 5, 6, 7]) expect(html).not.toContain(`测试活动第${n}场`);
    const dayHref = "/events?view=list&amp;month=2026-05#list-2026-05-12";
    expect(html).toContain(`href="${dayHref}"`);
    expect(html).toMatch(
      new RegExp(`<a[^>]*href="${dayHref.replace(/[?]/g, "\\?")}"[^>]*>另有 4 场</a>`),
    );
    // The phone's day number leads there too (its label names the day and the count).
    expect(html).toMatch(/<a href="[^"]*#list-2026-05-12"[^>]*aria-label="5月12日[^"]*7 场活动"/);
  });
});

/** Four events on every day of the five-week grid of December 2026, as on the bench. */
function denseMonth(): GridEvent[] {
  const kinds = ["consultation", "visit", "service", "lecture", "clinic", "market", "meeting"];
  return Array.from({ length: 35 * 4 }, (_, i) => ({
    id: 19000 + i,
    title: `民生主题活动（第${18000 + i}场）`,
    kind: kinds[i % 7] as GridEvent["kind"],
    status: i % 29 === 0 ? ("cancelled" as const) : ("scheduled" as const),
    startsAt: new Date(Date.UTC(2026, 10, 29, 16 + (i % 4) * 3) + Math.floor(i / 4) * 86_400_000),
    endsAt: new Date(Date.UTC(2026, 10, 29, 17 + (i % 4) * 3) + Math.floor(i / 4) * 86_400_000),
  }));
}

describe("a busy month", () => {
  // Every element of the grid is sent twice (HTML and the RSC payload) and rendered twice
  // on the server: a busy month must stay small. Three chips a day and "另有 1 场".
  const html = renderToStaticMarkup(
    h(CalendarSection, {
      query: { view: "month", month: "2026-12", filters: {} },
      month: "2026-12",
      today: "2026-12-06",
      shown: { view: "month", events: denseMonth() },
      labels: {},
      timeZone: TZ,
    }),
  );
  const table = /<table[\s\S]*<\/table>/.exec(html)?.[0] ?? "";

  it("shows three events a day and the rest behind 另有 1 场", () => {
    expect(table.match(/href="\/events\/\d+"/g)).toHaveLength(35 * 3);
    expect(table.match(/>另有 1 场</g)).toHaveLength(35);
    expect(table).toContain("已取消：");
  });

  it("draws the grid in few elements and bytes", () => {
    const elements = table.match(/<[a-z]/g)?.length ?? 0;
    expect(elements).toBeLessThan(400); // 834 before
    expect(Buffer.byteLength(table)).toBeLessThan(28_000); // 51,980 before
  });
});

describe("the grid's RSC payload", () => {
  it("carries a busy month's events as data, not as an element tree", () => {
    // MonthTable is a client component: its props are what the page's RSC payload holds.
    const element = MonthGrid({
      month: "2026-12",
      weeks: buildMonthGrid("2026-12", "2026-12-06"),
      byDay: groupEventsByDay(denseMonth(), TZ, { spanDays: true }),
      timeZone: TZ,
      listHref: (month) => `/events?view=list&month=${month}`,
    });
    expect(element.type).toBe(MonthTable);
    const payload = JSON.stringify(element.props);
    expect(payload).toContain('"time":"06:00"');
    expect(Buffer.byteLength(payload)).toBeLessThan(13_000);
  });
});
