import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { GridEvent } from "@/db/queries/events/calendar";
import { CalendarSection } from "./calendar-section";

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
