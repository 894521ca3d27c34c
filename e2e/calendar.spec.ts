import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import ICAL from "ical.js";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/** The seven events of the 19th activity week, by their local (Shanghai) day. */
const ACTIVITY_WEEK: [string, RegExp][] = [
  ["2026-05-08", /AI\+生物医药/],
  ["2026-05-12", /丝路通”平台建设/],
  ["2026-05-14", /生育友好型社会/],
  ["2026-05-16", /共富集市/],
  ["2026-05-20", /印通小学/],
  ["2026-05-22", /嘉有名医/],
  ["2026-05-27", /致爱助侨/],
];

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Resolve TZID references with the file's own VTIMEZONE, as a calendar app does.
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  return calendar;
}

async function fetchCalendar(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  return { response, calendar: parseCalendar(await response.text()) };
}

/** A filter's select, by its label. */
function select(page: Page, label: string) {
  return page.getByRole("combobox", { name: label, exact: true });
}

function grid(page: Page) {
  return page.getByRole("table", { name: /活动日历/ });
}

/** The grid's event chips (named by their time and title; a day's number names the day). */
function chips(page: Page) {
  return grid(page).getByRole("link", { name: /\d\d:\d\d/ });
}

test.describe("activity calendar", () => {
  test("the month view of May 2026 shows the activity week's events on their days", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?month=2026-05");
    await expect(page.getByRole("heading", { level: 1, name: "活动日历" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "2026年5月" })).toBeVisible();
    await expect(page.getByText("共 7 场活动")).toBeVisible();
    for (const [date, title] of ACTIVITY_WEEK) {
      await expect(
        grid(page).locator(`td[data-date="${date}"]`).getByRole("link", { name: title }),
        date,
      ).toBeVisible();
    }
    // Monday first; the days of April and June around May are part of the grid.
    await expect(grid(page).getByRole("columnheader").first()).toHaveAccessibleName("星期一");
    await expect(grid(page).locator("td").first()).toHaveAttribute("data-date", "2026-04-27");
    await expect(chips(page)).toHaveCount(7);
    // Each day with events leads to that day in the list view, on a desktop too.
    await expect(grid(page).getByRole("link", { name: /^5月\d+日 星期.，1 场活动$/ })).toHaveCount(
      7,
    );
    await expectNoAxeViolations();

    // Chips lead to the event pages.
    await grid(page)
      .getByRole("link", { name: /嘉有名医/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/嘉有名医 祝您健康/);
    await expectNoAxeViolations();
  });

  test("moves between months and opens on the current month", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?month=2026-05");
    await page.getByRole("link", { name: /下个月/ }).click();
    await expect(page).toHaveURL(/month=2026-06/);
    await expect(page.getByRole("heading", { level: 2, name: "2026年6月" })).toBeVisible();
    await page.getByRole("link", { name: /上个月/ }).click();
    await expect(page).toHaveURL(/month=2026-05/);
    await page.getByRole("link", { name: /上个月/ }).click();
    await expect(page).toHaveURL(/month=2026-04/);
    await expect(page.getByRole("heading", { level: 2, name: "2026年4月" })).toBeVisible();
    await expect(page.getByText("这个月没有符合条件的活动。")).toBeVisible();
    await expectNoAxeViolations();

    await page.goto("/events");
    const today = await grid(page).locator('td[aria-current="date"]').getAttribute("data-date");
    const shanghaiToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
      new Date(),
    );
    expect(today).toBe(shanghaiToday);
    await expectNoAxeViolations();
  });

  test("filters narrow the results, combine, and stay in the URL", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?month=2026-05");
    await select(page, "六送服务").selectOption({ label: "送卫生" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/events\?month=2026-05&service=health$/);
    await expect(page.getByText("共 1 场活动")).toBeVisible();
    await expect(chips(page)).toHaveCount(1);
    await expect(
      grid(page)
        .locator('td[data-date="2026-05-22"]')
        .getByRole("link", { name: /嘉有名医/ }),
    ).toBeVisible();
    await expect(select(page, "六送服务")).toHaveValue("health");
    await expectNoAxeViolations();

    // Town and sector together, service cleared.
    await select(page, "六送服务").selectOption({ label: "全部" });
    await select(page, "镇街").selectOption({ label: "王江泾镇" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/events\?month=2026-05&town=wangjiangjing-zhen$/);
    await expect(chips(page)).toHaveCount(2);
    await select(page, "界别").selectOption({ label: "侨联、台联界" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(
      /\/events\?month=2026-05&sector=qiaolian-tailian&town=wangjiangjing-zhen$/,
    );
    await expect(page.getByText("共 1 场活动")).toBeVisible();
    await expect(grid(page).getByRole("link", { name: /致爱助侨/ })).toBeVisible();
    await expect(grid(page).getByRole("link", { name: /丝路通/ })).toHaveCount(0);

    // The URL is the state: reloading it or sharing it shows the same.
    await page.reload();
    await expect(select(page, "界别")).toHaveValue("qiaolian-tailian");
    await expect(select(page, "镇街")).toHaveValue("wangjiangjing-zhen");

    // Removing one filter keeps the other.
    await page.getByRole("link", { name: "取消筛选：界别：侨联、台联界" }).click();
    await expect(page).toHaveURL(/\/events\?month=2026-05&town=wangjiangjing-zhen$/);
    await expect(chips(page)).toHaveCount(2);
    await expectNoAxeViolations();

    // Kind and campaign filters.
    await page.goto("/events?month=2026-05&kind=consultation&campaign=activity-week-2026");
    await expect(page.getByText("共 2 场活动")).toBeVisible();
    await expect(select(page, "活动专题")).toHaveValue("activity-week-2026");
  });

  test("a campaign filter without a month opens on the campaign's month", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?campaign=activity-week-2026");
    await expect(page.getByRole("heading", { level: 2, name: "2026年5月" })).toBeVisible();
    await expect(page.getByText("共 7 场活动")).toBeVisible();
    await expectNoAxeViolations();
  });

  test("invalid filter values are ignored with a notice, never an error", async ({
    page,
    expectNoAxeViolations,
  }) => {
    const response = await page.goto(
      "/events?month=2026-13&sector=%3Cscript%3Ealert(1)%3C%2Fscript%3E&town=atlantis&service=health&view=week",
    );
    expect(response?.status()).toBe(200);
    const notice = page.getByRole("status").filter({ hasText: "已忽略" });
    await expect(notice).toContainText("月份：“2026-13”");
    await expect(notice).toContainText("界别：“<script>alert(1)</script>”");
    await expect(notice).toContainText("镇街：“atlantis”");
    await expect(notice).toContainText("显示方式：“week”");
    // The valid filter still applies.
    await expect(select(page, "六送服务")).toHaveValue("health");
    await expectNoAxeViolations();

    expect((await page.request.get("/events/abc")).status()).toBe(404);
    expect((await page.request.get("/events/99999999")).status()).toBe(404);
    expect((await page.request.get("/events/99999999/event.ics")).status()).toBe(404);
    expect((await page.request.get("/campaigns/no-such-campaign")).status()).toBe(404);
  });

  test("the list view groups the month's events by day", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?month=2026-05");
    await page.getByRole("link", { name: "列表" }).click();
    await expect(page).toHaveURL(/\/events\?view=list&month=2026-05$/);
    await expect(page.getByRole("link", { name: "列表" })).toHaveAttribute("aria-current", "page");
    const days = page.getByRole("heading", { level: 3 });
    await expect(days).toHaveCount(7);
    await expect(days.first()).toContainText("5月8日 星期五");
    await expect(days.last()).toContainText("5月27日 星期三");
    const may12 = page.getByRole("region", { name: /5月12日/ });
    await expect(may12.getByRole("link", { name: /丝路通/ })).toBeVisible();
    await expect(may12).toContainText("14:30–17:00");
    await expect(may12).toContainText("王江泾镇 · 王江泾镇委员之家");
    await expectNoAxeViolations();

    // Filters carry over to the list and back.
    await select(page, "活动类型").selectOption({ label: "专题协商" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/events\?view=list&month=2026-05&kind=consultation$/);
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(2);
    await expectNoAxeViolations();
    await page.getByRole("link", { name: "月视图" }).click();
    await expect(page).toHaveURL(/\/events\?month=2026-05&kind=consultation$/);
    await expectNoAxeViolations();
  });

  test("an event page shows organisers, venue, Shanghai time and its report", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?view=list&month=2026-05");
    await page.getByRole("link", { name: /丝路通”平台建设/ }).click();
    await expect(page).toHaveURL(/\/events\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "“丝路通”平台建设与产业出海专题协商",
    );
    const facts = page.getByRole("complementary", { name: "活动信息" });
    // Stored as 06:30 UTC; the server runs in UTC; shown on the Shanghai wall clock.
    await expect(facts).toContainText("2026年5月12日 周二");
    await expect(facts).toContainText("14:30–17:00");
    await expect(facts).toContainText("北京时间");
    await expect(facts).toContainText("王江泾镇委员之家");
    await expect(facts.getByRole("link", { name: "经济界" })).toHaveAttribute(
      "href",
      "/sectors/jingji",
    );
    await expect(facts).toContainText("王江泾镇联络室");
    await expect(facts).toContainText("经济委员会");
    await expect(facts.getByRole("link", { name: "第十九届界别活动周" })).toBeVisible();
    const reports = page.getByRole("region", { name: "活动报道" });
    await expect(reports.getByRole("link")).toHaveAttribute(
      "href",
      "/news/2026-05-silk-road-consultation",
    );
    await expectNoAxeViolations();

    // A studio organiser links to its page.
    await page.goto("/events?view=list&month=2026-05&service=law");
    await page.getByRole("link", { name: /致爱助侨/ }).click();
    await expect(
      page.getByRole("complementary").getByRole("link", { name: /侨心家园/ }),
    ).toHaveAttribute("href", "/studios/qiaoxin-jiayuan");
    await expectNoAxeViolations();

    // The campaign link leads to the campaign page.
    await page.getByRole("link", { name: "第十九届界别活动周" }).click();
    await expect(page).toHaveURL(/\/campaigns\/activity-week-2026$/);
    await expectNoAxeViolations();
  });

  test("an event downloads as an .ics file with its Shanghai time and a stable UID", async ({
    page,
    request,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?view=list&month=2026-05");
    await page.getByRole("link", { name: /丝路通”平台建设/ }).click();
    await expect(page).toHaveURL(/\/events\/\d+$/);
    await expectNoAxeViolations();
    const eventPath = new URL(page.url()).pathname;
    const eventId = eventPath.split("/").at(-1);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "添加到手机日历" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`event-${eventId}.ics`);
    const text = await readFile(await download.path(), "utf8");
    const calendar = parseCalendar(text);
    expect(calendar.getAllSubcomponents("vtimezone")[0]?.getFirstPropertyValue("tzid")).toBe(
      "Asia/Shanghai",
    );
    const vevent = calendar.getFirstSubcomponent("vevent");
    if (!vevent) throw new Error("no VEVENT");
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Shanghai");
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe("“丝路通”平台建设与产业出海专题协商");
    expect(event.startDate.toString()).toBe("2026-05-12T14:30:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-05-12T06:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-05-12T09:00:00.000Z");
    expect(event.location).toBe("王江泾镇 · 王江泾镇委员之家");
    expect(vevent.getFirstPropertyValue("url")).toBe(new URL(eventPath, page.url()).toString());
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");

    // Downloading again gives the same UID: calendar apps update, never duplicate.
    const again = await fetchCalendar(request, `${eventPath}/event.ics`);
    expect(again.response.headers()["content-disposition"]).toBe(
      `attachment; filename="event-${eventId}.ics"`,
    );
    expect(again.calendar.getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid")).toBe(
      `event-${eventId}@127.0.0.1`,
    );
    expect(event.uid).toBe(`event-${eventId}@127.0.0.1`);
  });

  test("the filtered calendar is subscribable, and a cancelled event says so", async ({
    page,
    request,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?month=2026-05&service=health");
    const subscribe = page.getByRole("link", { name: "下载日历文件" });
    await expect(subscribe).toHaveAttribute("href", "/events.ics?service=health");
    const webcal = await page.getByRole("link", { name: "订阅到手机日历" }).getAttribute("href");
    expect(webcal).toBe(`webcal://${new URL(page.url()).host}/events.ics?service=health`);
    await expectNoAxeViolations();

    const first = await fetchCalendar(request, "/events.ics?service=health");
    expect(first.response.headers()["content-disposition"]).toBe('inline; filename="events.ics"');
    expect(String(first.calendar.getFirstPropertyValue("x-wr-calname"))).toContain("送卫生");
    const events = first.calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      "“嘉有名医 祝您健康”主题义诊",
      "“六送下乡”送卫生：洪合镇义诊和健康讲座",
    ]);
    for (const event of events) expect(event.startDate.zone?.tzid).toBe("Asia/Shanghai");
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe("2026-05-22T00:30:00.000Z");
    const second = await fetchCalendar(request, "/events.ics?service=health");
    expect(
      second.calendar.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid")),
    ).toEqual(events.map((e) => e.uid));

    // Two filters combine in the feed as on the page.
    const combined = await fetchCalendar(
      request,
      "/events.ics?sector=qiaolian-tailian&town=wangjiangjing-zhen",
    );
    const combinedTitles = combined.calendar
      .getAllSubcomponents("vevent")
      .map((v) => String(v.getFirstPropertyValue("summary")));
    expect(combinedTitles).toContain("“致爱助侨”侨企服务活动");
    expect(combinedTitles).not.toContain("“丝路通”平台建设与产业出海专题协商");

    // The cancelled visit (塘汇街道) is marked cancelled in the feed and on its page.
    const tanghui = await fetchCalendar(request, "/events.ics?town=tanghui-jiedao");
    const cancelled = tanghui.calendar
      .getAllSubcomponents("vevent")
      .find((v) => String(v.getFirstPropertyValue("summary")).includes("加装电梯"));
    if (!cancelled) throw new Error("the cancelled demo event is missing from the feed");
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(String(cancelled.getFirstPropertyValue("summary"))).toMatch(/^【已取消】/);
    await page.goto(String(cancelled.getFirstPropertyValue("url")));
    await expect(page.getByText("本场活动已取消")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCSS(
      "text-decoration-line",
      "line-through",
    );
    await expectNoAxeViolations();

    // A feed naming a filter that does not exist is refused rather than sending everything.
    expect((await request.get("/events.ics?sector=no-such-sector")).status()).toBe(404);
  });

  test("the campaign page shows the programme by day, figures and reports", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/campaigns/activity-week-2026");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("第十九届界别活动周");
    await expect(page.getByText("2026年5月6日至31日")).toBeVisible();
    const figures = page.getByRole("region", { name: "活动概况" });
    await expect(figures.getByRole("definition")).toHaveText(["7", "10", "5"]);
    await expect(figures.getByRole("term")).toHaveText(["场活动", "个界别参与", "个镇街覆盖"]);

    const programme = page.getByRole("region", { name: "活动安排" });
    await expect(programme.getByRole("heading", { level: 3 })).toHaveCount(7);
    const may22 = programme.getByRole("region", { name: /5月22日/ });
    await expect(may22).toContainText("08:30–11:30");
    await expect(may22.getByRole("link", { name: /查看报道/ })).toHaveAttribute(
      "href",
      "/news/2026-05-free-clinic",
    );
    const reports = page.getByRole("region", { name: "活动报道" });
    await expect(reports.getByRole("heading", { level: 3 })).toHaveCount(7);
    await expectNoAxeViolations();

    await page.getByRole("link", { name: "在日历中查看" }).click();
    await expect(page).toHaveURL(/\/events\?month=2026-05&campaign=activity-week-2026$/);
    await expect(page.getByText("共 7 场活动")).toBeVisible();
    await expectNoAxeViolations();
  });
});

test.describe("a busy day", () => {
  // Five events on one day, far ahead of the demo data: the grid shows three and
  // "另有 2 场", which leads to all five in the list.
  const DAY = "2027-03-10";
  const titles = ["甲", "乙", "丙", "丁", "戊"].map((t) => `繁忙日测试活动${t}`);

  test("shows a few events and leads to all of them", async ({
    browser,
    page,
    expectNoAxeViolations,
  }) => {
    // Five events through the editor's form first.
    test.setTimeout(120_000);
    const context = await browser.newContext();
    const editor = await context.newPage();
    await signInAs(editor, "editor", { next: "/admin/events/new" });
    for (const [i, title] of titles.entries()) {
      await editor.goto("/admin/events/new");
      await editor.getByRole("textbox", { name: /^活动名称/ }).fill(title);
      await editor.getByLabel(/^开始时间/).fill(`${DAY}T0${i + 1}:00`);
      await editor.getByLabel(/^结束时间/).fill(`${DAY}T0${i + 1}:30`);
      await editor.getByRole("textbox", { name: /^地点/ }).fill("区政协委员会客厅");
      await editor.getByRole("button", { name: "保存" }).click();
      await expect(editor.getByRole("status").filter({ hasText: "活动已创建。" })).toBeVisible();
    }
    await context.close();

    await page.goto("/events?month=2027-03");
    const cell = grid(page).locator(`td[data-date="${DAY}"]`);
    await expect(cell.getByRole("link", { name: /繁忙日测试活动/ })).toHaveCount(3);
    await expectNoAxeViolations();
    await cell.getByRole("link", { name: "另有 2 场" }).click();
    await expect(page).toHaveURL(new RegExp(`view=list&month=2027-03#list-${DAY}$`));
    const day = page.getByRole("region", { name: /3月10日/ });
    for (const title of titles) await expect(day.getByRole("link", { name: title })).toBeVisible();
    await expectNoAxeViolations();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // axe runs as a script in the page, so it cannot run here: these same pages are checked
  // with JavaScript on in the tests above.
  test("the calendar, its filters, views and event pages all work", async ({ page }) => {
    await page.goto("/events?month=2026-05");
    await select(page, "界别").selectOption({ label: "医卫界" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/events\?month=2026-05&sector=yiwei$/);
    await expect(chips(page)).toHaveCount(1);
    await page.getByRole("link", { name: "列表" }).click();
    await expect(page).toHaveURL(/view=list/);
    await page.getByRole("link", { name: /嘉有名医/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/嘉有名医/);
    await expect(page.getByRole("complementary")).toContainText("08:30–11:30");
    await page.getByRole("link", { name: "活动日历" }).last().click();
    await expect(page).toHaveURL(/\/events$/);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the month grid stays usable; a day leads to its events in the list", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/events?month=2026-05");
    await expect(grid(page)).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // No second copy of the month's events under the grid: the day number leads to the
    // day in the list view.
    await expect(page.getByRole("link", { name: /丝路通/ })).toHaveCount(0);
    await expectNoAxeViolations();
    await grid(page)
      .getByRole("link", { name: /5月12日/ })
      .click();
    await expect(page).toHaveURL(/\/events\?view=list&month=2026-05#list-2026-05-12$/);
    const day = page.getByRole("region", { name: /5月12日/ });
    await expect(day.getByRole("link", { name: /丝路通/ })).toBeInViewport();
    await expectNoAxeViolations();

    await page.goto("/campaigns/activity-week-2026");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations();
  });
});
