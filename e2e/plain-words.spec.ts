import { randomInt } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/**
 * Plain words (issue 13, items 5 and 6): no jargon or raw codes on any page a person
 * reads, registration first on an open event, 到场须知 on the receipt, the audit log and a
 * note's history in Chinese. Screenshots at 390 and 1366 px, normal and elder mode, go to
 * SHOTS_DIR (default: the run's output directory).
 */

const JARGON = /\b(RSS|Atom|iCal|webcal|CSV|create|update|note\.[a-z_]+)\b/;
const OPEN_EVENT = "“托育服务扩容”开门协商";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

// Many pages, four screenshots each, on a shared two-core machine: more than the default 30 s.
test.describe.configure({ timeout: 240_000 });

const shotsDir = () => process.env.SHOTS_DIR ?? `${test.info().project.outputDir}/screenshots`;

/** Four screenshots of the page as it is now: phone and desktop, normal and elder mode. */
async function shoot(page: Page, name: string) {
  mkdirSync(shotsDir(), { recursive: true });
  const url = page.url();
  const host = new URL(url).hostname;
  const size = page.viewportSize();
  for (const elder of [false, true]) {
    if (elder)
      await page
        .context()
        .addCookies([{ name: "lvzhi_elder", value: "1", domain: host, path: "/" }]);
    else await page.context().clearCookies({ name: "lvzhi_elder" });
    if (elder) await page.reload();
    for (const [label, viewport] of [
      ["390", PHONE],
      ["1366", DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({
        path: `${shotsDir()}/${name}-${label}${elder ? "-elder" : ""}.png`,
        fullPage: true,
      });
    }
  }
  await page.context().clearCookies({ name: "lvzhi_elder" });
  if (size) await page.setViewportSize(size);
}

/** What a reader sees on the page: no jargon, no code, no JSON. */
async function expectPlainWords(page: Page) {
  // biome-ignore lint/performance/useDomNodeTextContent: the text shown, hidden elements left out
  const text = await page.locator("body").innerText();
  const jargon = text.match(JARGON);
  expect(
    jargon?.[0] ?? null,
    `jargon on ${page.url()}: …${jargon ? text.slice(Math.max(0, (jargon.index ?? 0) - 30), (jargon.index ?? 0) + 30) : ""}…`,
  ).toBeNull();
  expect(text.includes('{"'), `JSON on ${page.url()}`).toBe(false);
}

/** The id of the demo event open for registration, through its registration page. */
/** The event page's main action: 我要报名, or 报名候补 when the seats are taken. */
const REGISTER = /^(我要报名|报名候补)$/;

async function openEventId(request: APIRequestContext): Promise<number> {
  for (let id = 1; id <= 80; id++) {
    const response = await request.get(`/events/${id}/register`);
    if (response.status() === 200 && (await response.text()).includes(OPEN_EVENT)) return id;
  }
  throw new Error(`no open event titled ${OPEN_EVENT}`);
}

async function signedIn(browser: Browser, who: "member2" | "admin" | "auditor", path: string) {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await signInAs(page, who, { next: path });
  if (new URL(page.url()).pathname !== path) await page.goto(path);
  return page;
}

test("the public pages speak plainly, with no jargon, codes or JSON", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto("/news");
  const article = await page.locator('main a[href^="/news/"]').first().getAttribute("href");
  await page.goto("/sectors");
  const sector = await page.locator('main a[href^="/sectors/"]').first().getAttribute("href");
  const pages = [
    "/",
    "/news",
    article ?? "/news",
    "/events",
    "/events?view=list",
    "/sectors",
    sector ?? "/sectors",
    "/studios",
    "/towns",
    "/cases",
    "/opinions",
    "/stats",
    "/search?q=%E6%94%BF%E5%8D%8F",
    "/registrations",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expectPlainWords(page);
  }
  // Subscriptions in words: 订阅 with what it does, the formats kept behind the links.
  await page.goto("/news");
  await expect(page.getByRole("link", { name: "用阅读器订阅新闻", exact: true })).toHaveAttribute(
    "href",
    /feed\.xml/,
  );
  await page.goto("/events");
  await expect(page.getByRole("link", { name: "订阅到手机日历" })).toHaveAttribute(
    "href",
    /^webcal:/,
  );
  await expect(page.getByText(/会自动出现在您的手机或电脑日历里/)).toBeVisible();

  await page.goto("/stats");
  await expectNoAxeViolations();
  // Sectors without an event are not a row of zeros.
  await page.getByText("查看数据表").first().click();
  const sectors = page.getByRole("table", { name: "各界别参与的活动" });
  await expect(sectors.getByRole("row").filter({ hasText: /^\S+\s+0$/ })).toHaveCount(0);
  // No year still to come is counted.
  const next = new Date().getUTCFullYear() + 1;
  // (The data tables sit in closed <details>: read the years' table as served.)
  const years = await page
    .locator("table", { has: page.locator("caption", { hasText: "历年活动和走访记录" }) })
    .textContent();
  expect(years).toContain(String(next - 1));
  expect(years).not.toContain(String(next));
  await shoot(page, "stats");
});

test("an open event puts registration first; the receipt says what to bring and when", async ({
  page,
  request,
  expectNoAxeViolations,
}) => {
  const id = await openEventId(request);
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await page.goto(`/events/${id}`);
    // 报名候补 once earlier tests have filled the seats.
    const register = page.getByRole("link", { name: REGISTER });
    await expect(register).toBeVisible();
    const box = await register.boundingBox();
    expect(box, "the 我要报名 button is on the page").not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    const calendar = page.getByRole("link", { name: "添加到手机日历" });
    await expect(calendar).toHaveAttribute("href", `/events/${id}/event.ics`);
    await expect(page.getByText(/手机会把这场活动加进日历/)).toBeVisible();
    await expectPlainWords(page);
  }
  await expectNoAxeViolations();
  await shoot(page, "event");

  // The button leads to the form.
  await page.setViewportSize(PHONE);
  await page.goto(`/events/${id}`);
  await page.getByRole("link", { name: REGISTER }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${id}#registration-${id}$`));
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` });
  const form = page.getByRole("region", { name: "报名列席" });
  await form.getByRole("textbox", { name: /姓名/ }).fill("王明");
  await form
    .getByRole("textbox", { name: /手机号/ })
    .fill(`139${String(randomInt(0, 1e8)).padStart(8, "0")}`);
  await form.getByLabel(/我已阅读上方说明/).check();
  await form.getByRole("button", { name: /提交报名|登记候补/ }).click();

  const visit = page.getByRole("region", { name: "到场须知" });
  await expect(visit).toBeVisible();
  await expect(visit).toContainText("北京时间");
  await expect(visit).toContainText("青缘汇委员工作室");
  await expect(visit).toContainText("二维码或报名码");
  await expect(visit).toContainText("请携带身份证");
  await expect(visit).toContainText("请提前 15 分钟到场");
  await expectPlainWords(page);
  await expectNoAxeViolations();
  await page.screenshot({ path: `${shotsDir()}/confirmation-390.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${shotsDir()}/confirmation-1366.png`, fullPage: true });
});

test("a member's note names the office that handled it, in the same words staff use", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const member = await signedIn(browser, "member2", "/member/notes");
  const hrefs = await member
    .locator('main a[href^="/member/notes/"]')
    .evaluateAll((links) =>
      links
        .map((a) => a.getAttribute("href") ?? "")
        .filter((h) => /^\/member\/notes\/\d+$/.test(h)),
    );
  expect(hrefs.length).toBeGreaterThan(0);
  let handled = 0;
  for (const href of [...new Set(hrefs)].slice(0, 6)) {
    await member.goto(href);
    await expectPlainWords(member);
    const timeline = member.getByRole("region", { name: "办理进程" });
    if ((await timeline.count()) && ((await timeline.textContent()) ?? "").includes("区政协办公室"))
      handled++;
    // An account's name never shows: the demo administrator is 系统管理员 in the console.
    await expect(member.getByRole("main")).not.toContainText("系统管理员");
  }
  expect(handled, "a note moved by the office names 区政协办公室").toBeGreaterThan(0);
  await expectNoAxeViolations(member);
  await member.context().close();
});

test("staff read a note's history and the audit log in Chinese, without versions or JSON", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const admin = await signedIn(browser, "admin", "/admin/notes?status=submitted");
  const hrefs = await admin
    .locator('main a[href^="/admin/notes/"]')
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute("href") ?? "").filter((h) => /^\/admin\/notes\/\d+$/.test(h)),
    );
  expect(hrefs.length).toBeGreaterThan(0);
  await admin.goto(hrefs[0] ?? "/admin/notes");
  await expect(admin.getByTestId("note-status")).toContainText("待审核");
  await admin.getByRole("button", { name: "采纳", exact: true }).click();
  await expect(admin.getByTestId("note-status")).toContainText("已采纳");
  await expect(admin.getByRole("heading", { name: "办理经过" })).toBeVisible();
  await expect(admin.getByRole("main")).not.toContainText(/版本 \d/);
  await expectPlainWords(admin);
  await expectNoAxeViolations(admin);
  await admin.context().close();

  const auditor = await signedIn(browser, "auditor", "/admin/audit");
  const log = auditor.getByRole("table", { name: "审计日志" });
  await expect(log).toBeVisible();
  await expectPlainWords(auditor);
  await expect(log).toContainText("登录成功");
  await auditor.goto("/admin/audit?action=note.");
  await expectPlainWords(auditor);
  await expect(
    log
      .getByRole("row")
      .filter({ hasText: /走访记录：/ })
      .first(),
  ).toBeVisible();
  await expect(log).toContainText(/原状态：/);
  await expectNoAxeViolations(auditor);
  await shoot(auditor, "audit");
  await auditor.context().close();
});
