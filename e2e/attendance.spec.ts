import type { Page, Route } from "@playwright/test";
import { expect, expectNoAxeViolationsWithoutScripts, test } from "./fixtures";
import { REGISTRATION_CODE as CODE, EVENTS, eventIdOf, shownRegistrationCode } from "./open-events";

/**
 * Open attendance (开门协商) as the public uses it: the panel on an event page, the
 * form with and without JavaScript, the confirmation with its code (in the form's place),
 * the waiting list, looking up and cancelling with the code, which only ever travels in
 * POST bodies and fragments, never in a request line. The demo data's open consultations (registration
 * open now) are the subjects; each test takes its own event, so order does not matter.
 *
 * Registrations are limited per client IP (10 per 10 minutes). The e2e server trusts its
 * loopback peer as a proxy (TRUSTED_PROXIES), so X-Forwarded-For names the client: each
 * test speaks from its own
 * documentation address (TEST-NET, RFC 5737) and none eats another's allowance.
 */
/** Screenshots to look at, beside the other outputs of the run. */
const shot = (name: string) => `${test.info().project.outputDir}/screenshots/${name}.png`;

function panel(page: Page) {
  return page.getByRole("region", { name: "报名列席" });
}

/** A text field of the form by the start of its label ("姓名", "手机号", "工作单位"). */
function field(page: Page, label: string) {
  return panel(page).getByRole("textbox", { name: new RegExp(`^${label}`) });
}

async function fillForm(
  page: Page,
  values: { name: string; phone: string; organisation?: string; consent?: boolean },
) {
  await field(page, "姓名").fill(values.name);
  await field(page, "手机号").fill(values.phone);
  await field(page, "工作单位").fill(values.organisation ?? "");
  const consent = panel(page).getByRole("checkbox", { name: /我已阅读上方说明/ });
  if (values.consent ?? true) await consent.check();
  else await consent.uncheck();
}

async function submit(page: Page) {
  await panel(page)
    .getByRole("button", { name: /提交报名|登记候补/ })
    .click();
}

/** A figure of the panel ("名额", "已报名", "剩余名额", "候补人数") as a number. */
async function figure(page: Page, label: string): Promise<number> {
  const text = await panel(page).locator(`dt:text-is("${label}") + dd`).textContent();
  return Number.parseInt(text ?? "", 10);
}

/**
 * Every URL the page requests from now on. Registration codes are secrets (the key to a
 * registration): they may travel in POST bodies and in fragments, never in what reaches a
 * server's request line (path and query), which proxies and access logs keep.
 */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

function expectCodeInNoRequestLine(urls: string[], code: string) {
  expect(urls.length).toBeGreaterThan(0);
  const secrets = [code, code.replace("-", "")].map((c) => c.toUpperCase());
  for (const url of urls) {
    const { pathname, search } = new URL(url);
    const line = decodeURIComponent(pathname + search).toUpperCase();
    for (const secret of secrets) expect(line, `request line of ${url}`).not.toContain(secret);
  }
}

/** Submits the registration form and returns what the server answered (HTML or RSC). */
async function submitAndRead(page: Page, button = /提交报名|登记候补/): Promise<string> {
  let body = "";
  const pattern = "**/events/**";
  const keep = async (route: Route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    body = await response.text();
    await route.fulfill({ response, body });
  };
  await page.route(pattern, keep);
  await panel(page).getByRole("button", { name: button }).click();
  await expect.poll(() => body.length).toBeGreaterThan(0);
  await page.unroute(pattern, keep);
  return body;
}

/** The confirmation in the form's place: the code, status and masked phone, no redirect. */
async function expectConfirmation(
  page: Page,
  answer: string,
  phone: string,
  masked: string,
): Promise<string> {
  const code = await shownRegistrationCode(page);
  expect(page.url()).toMatch(/\/events\/\d+(\/register)?$/);
  await expect(page.getByText(masked, { exact: true })).toBeVisible();
  // Nowhere in the page, nor in the HTML and data the server sends.
  expect(await page.content()).not.toContain(phone);
  expect(answer).toContain(masked);
  expect(answer).not.toContain(phone);
  return code;
}

/** The lookup page: the code typed and posted, the registration shown on the same address. */
async function openRegistration(page: Page, typed: string) {
  await page.goto("/registrations");
  await page.getByLabel("报名码").fill(typed);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("region", { name: "报名状态" })).toBeVisible();
  await expect(page).toHaveURL(/\/registrations$/);
}

test.describe("open attendance with JavaScript", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.11" } });

  test("register, keep typed values on errors, see the code and masked phone, cancel with the code", async ({
    page,
    request,
    expectNoAxeViolations,
  }) => {
    // A dozen page loads and six axe scans, first in the run (cold server): 30 s is tight.
    test.setTimeout(90_000);
    const eventId = await eventIdOf(request, EVENTS.lecture);
    await page.goto(`/events/${eventId}`);
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByText("报名中", { exact: true })).toBeVisible();
    expect(await figure(page, "名额")).toBe(60);
    const before = await figure(page, "已报名");
    await expect(panel(page).getByText(/报名时间：.*至/)).toBeVisible();
    await expectNoAxeViolations();
    await panel(page).screenshot({ path: shot("attendance-panel-1280") });
    await page.screenshot({ path: shot("attendance-event-page-1280"), fullPage: true });

    // A wrong phone: its own message, every other value kept.
    await fillForm(page, { name: "王小红", phone: "12345", organisation: "嘉兴某外贸公司" });
    await submit(page);
    await expect(panel(page).getByRole("alert")).toContainText("报名未成功");
    await expect(panel(page).getByText("请填写正确的11位中国大陆手机号")).toBeVisible();
    await expect(field(page, "姓名")).toHaveValue("王小红");
    await expect(field(page, "手机号")).toHaveValue("12345");
    await expect(field(page, "工作单位")).toHaveValue("嘉兴某外贸公司");
    await expect(panel(page).getByRole("checkbox", { name: /我已阅读/ })).toBeChecked();
    await expect(field(page, "手机号")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations();
    await panel(page).screenshot({ path: shot("attendance-panel-errors-1280") });

    const requested = watchRequests(page);
    await field(page, "手机号").fill("+86 138-0000-0001");
    const answer = await submitAndRead(page);
    const code = await expectConfirmation(page, answer, "13800000001", "138****0001");
    await expect(page.getByText("已确认", { exact: true })).toBeVisible();
    await expect(page.getByText("嘉兴某外贸公司")).toBeVisible();
    await expectNoAxeViolations();
    await page.screenshot({ path: shot("attendance-confirmation-1280"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("attendance-confirmation-390"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The same phone again: refused, with what was typed still there.
    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "已报名")).toBe(before + 1);
    await fillForm(page, { name: "王小明", phone: "13800000001", organisation: "另一家公司" });
    await submit(page);
    await expect(panel(page).getByRole("alert")).toContainText("该手机号已报名本活动");
    await expect(field(page, "姓名")).toHaveValue("王小明");
    await expect(field(page, "手机号")).toHaveValue("13800000001");
    await expect(field(page, "工作单位")).toHaveValue("另一家公司");
    await expectNoAxeViolations();
    expect(await figure(page, "已报名")).toBe(before + 1);

    // The saved link carries the code in its fragment: the page looks it up by POST.
    await page.goto(`/registrations#code=${code}`);
    await expect(page.getByRole("region", { name: "报名码", exact: true })).toContainText(code);
    await expect(page.getByText("已确认", { exact: true })).toBeVisible();

    // Find the registration by its code (typed loosely), then cancel it.
    await page.goto("/registrations");
    await expectNoAxeViolations();
    await page.getByLabel("报名码").fill("ABCD-EFG0");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("报名码格式不对");
    await expect(page.getByLabel("报名码")).toHaveValue("ABCD-EFG0");
    await expectNoAxeViolations();
    await openRegistration(page, code.replace("-", " ").toLowerCase());
    await expect(page.getByRole("region", { name: "报名码", exact: true })).toContainText(code);
    await page.getByRole("checkbox", { name: "我确认取消本次报名" }).check();
    await page.getByRole("button", { name: "取消报名" }).click();
    await expect(page.getByText("已取消报名。")).toBeVisible();
    await expect(page.getByText("已取消", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "取消报名" })).toHaveCount(0);
    await expectNoAxeViolations();

    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "已报名")).toBe(before);
    // Register, look up (saved link and typed), cancel: the code never in a request line.
    expectCodeInNoRequestLine(requested, code);
  });

  test("the panel on a phone screen", async ({ page, request, expectNoAxeViolations }) => {
    const eventId = await eventIdOf(request, EVENTS.lecture);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/events/${eventId}`);
    await expect(panel(page)).toBeVisible();
    await panel(page).screenshot({ path: shot("attendance-panel-390") });
    await page.screenshot({ path: shot("attendance-event-page-390"), fullPage: true });
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    await expectNoAxeViolations();
  });

  test("a closed window shows 已截止 and no form; an unknown code is not found", async ({
    page,
    request,
    expectNoAxeViolations,
  }) => {
    test.setTimeout(90_000);
    const eventId = await eventIdOf(request, EVENTS.closed);
    await page.goto(`/events/${eventId}`);
    await expect(panel(page).getByText("已截止", { exact: true })).toBeVisible();
    await expect(panel(page).getByRole("button", { name: /提交报名|登记候补/ })).toHaveCount(0);
    await expectNoAxeViolations();

    await page.goto("/registrations");
    await page.getByLabel("报名码").fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("未找到该报名码");
    await expect(page.getByLabel("报名码")).toHaveValue("ZZZZ-ZZZZ");
    // A code in the query string is not looked up (it would sit in access logs).
    await page.goto("/registrations?code=ZZZZ-ZZZZ");
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
    // The old address of a registration: 404, the way to the lookup, the code not repeated.
    const response = await page.goto("/registrations/ZZZZ-ZZZZ");
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole("heading", { level: 1, name: "请在查询页输入报名码" }),
    ).toBeVisible();
    expect(await response?.text()).not.toContain("ZZZZ-ZZZZ");
  });
});

test.describe("open attendance without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.22" } });

  test("register with a plain form post, errors keep the values, the honeypot creates nothing, cancel", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(120_000);
    const eventId = await eventIdOf(request, EVENTS.market);
    await page.goto(`/events/${eventId}`);
    const before = await figure(page, "已报名");

    // Invalid phone: the form comes back on the registration page with the values.
    await fillForm(page, { name: "李建国", phone: "0573-82345678", organisation: "亚都社区" });
    await submit(page);
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}/register$`));
    await expect(panel(page).getByRole("alert")).toContainText("报名未成功");
    await expect(panel(page).getByText("请填写正确的11位中国大陆手机号")).toBeVisible();
    await expect(field(page, "姓名")).toHaveValue("李建国");
    await expect(field(page, "手机号")).toHaveValue("0573-82345678");
    await expect(field(page, "工作单位")).toHaveValue("亚都社区");
    await expectNoAxeViolationsWithoutScripts(browser, page);

    // The honeypot, filled as a bot would: refused, nothing stored.
    await fillForm(page, { name: "李建国", phone: "13700000002", organisation: "亚都社区" });
    await page.locator('input[name="website"]').fill("http://spam.example", { force: true });
    await submit(page);
    await expect(panel(page).getByRole("alert")).toContainText("未通过安全校验");
    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "已报名")).toBe(before);

    // The real thing, without JavaScript.
    const requested = watchRequests(page);
    await fillForm(page, { name: "李建国", phone: "137 0000 0002", organisation: "亚都社区" });
    const answer = await submitAndRead(page);
    const code = await expectConfirmation(page, answer, "13700000002", "137****0002");
    await expect(page.getByText("已确认", { exact: true })).toBeVisible();
    await expectNoAxeViolationsWithoutScripts(browser, page);

    // Again with the same phone: the clear message, the values kept.
    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "已报名")).toBe(before + 1);
    await fillForm(page, { name: "李建军", phone: "13700000002" });
    await submit(page);
    await expect(panel(page).getByRole("alert")).toContainText("该手机号已报名本活动");
    await expect(panel(page).getByText("该手机号已报名本活动", { exact: true })).toBeVisible();
    await expect(field(page, "姓名")).toHaveValue("李建军");
    await expect(field(page, "手机号")).toHaveValue("13700000002");

    // Look it up with the typed code and cancel, still without JavaScript.
    await openRegistration(page, code.toLowerCase());
    await expect(page.getByRole("region", { name: "报名码", exact: true })).toContainText(code);
    await expectNoAxeViolationsWithoutScripts(browser, page);
    await page.getByRole("checkbox", { name: "我确认取消本次报名" }).check();
    await page.getByRole("button", { name: "取消报名" }).click();
    await expect(page).toHaveURL(/\/registrations$/);
    await expect(page.getByText("已取消报名。")).toBeVisible();
    await expect(page.getByText("已取消", { exact: true })).toBeVisible();
    await expectNoAxeViolationsWithoutScripts(browser, page);
    expectCodeInNoRequestLine(requested, code);
  });

  test("a full event takes the waiting list, and a cancellation promotes the first in line", async ({
    page,
    request,
    baseURL,
    browser,
  }) => {
    test.setTimeout(120_000);
    const eventId = await eventIdOf(request, EVENTS.childcare);
    await page.goto(`/events/${eventId}/register`);
    const capacity = await figure(page, "名额");
    const taken = await figure(page, "已报名");
    expect(capacity).toBe(30);

    // Fill all seats but one with plain form posts, as a browser without JavaScript sends
    // them (the form's own hidden fields name the server action), each from its own IP.
    const hidden: Record<string, string> = {};
    for (const input of await panel(page).locator('input[type="hidden"]').all()) {
      const name = await input.getAttribute("name");
      if (name) hidden[name] = (await input.getAttribute("value")) ?? "";
    }
    const codes: string[] = [];
    for (let i = taken; i < capacity - 1; i++) {
      const response = await request.post(`/events/${eventId}/register`, {
        multipart: {
          ...hidden,
          name: "排队测试",
          phone: `1360000${String(i).padStart(4, "0")}`,
          organisation: "",
          consent: "yes",
        },
        headers: { origin: baseURL ?? "", "x-forwarded-for": `198.51.100.${i + 1}` },
        maxRedirects: 0,
      });
      // The registration in the answer itself: no redirect to an address with the code.
      const html = await response.text();
      expect(response.status(), html).toBe(200);
      codes.push(/\/registrations#code=([2-9A-Z]{4}-[2-9A-Z]{4})"/.exec(html)?.[1] ?? "");
    }
    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "剩余名额")).toBe(1);

    // The last seat, through the form.
    await fillForm(page, { name: "最后一位", phone: "13500000030" });
    const lastAnswer = await submitAndRead(page);
    const lastSeat = await expectConfirmation(page, lastAnswer, "13500000030", "135****0030");
    await expect(page.getByText("已确认", { exact: true })).toBeVisible();

    // Full: the panel says so, and the next person joins the waiting list.
    await page.goto(`/events/${eventId}`);
    await expect(panel(page).getByText("已满，可排队候补", { exact: true })).toBeVisible();
    await expect(panel(page).getByText(/名额已满。现在提交将进入候补名单/)).toBeVisible();
    expect(await figure(page, "候补人数")).toBe(0);
    await expectNoAxeViolationsWithoutScripts(browser, page);
    await panel(page).screenshot({ path: shot("attendance-panel-full-1280") });
    await fillForm(page, { name: "候补一号", phone: "13500000031" });
    const waitAnswer = await submitAndRead(page, /登记候补/);
    const waiting = await expectConfirmation(page, waitAnswer, "13500000031", "135****0031");
    await expect(page.getByText("候补第1位", { exact: true })).toBeVisible();
    await expectNoAxeViolationsWithoutScripts(browser, page);
    await page.screenshot({ path: shot("attendance-waitlisted-1280"), fullPage: true });

    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "候补人数")).toBe(1);

    // A seat frees up: the first on the waiting list moves up at once.
    await openRegistration(page, lastSeat);
    await page.getByRole("checkbox", { name: "我确认取消本次报名" }).check();
    await page.getByRole("button", { name: "取消报名" }).click();
    await expect(page.getByText("已取消报名。")).toBeVisible();
    await openRegistration(page, waiting);
    await expect(page.getByText("已确认", { exact: true })).toBeVisible();
    await expect(page.getByText("已由候补递补为正式名额")).toBeVisible();
    await page.goto(`/events/${eventId}`);
    await expect(panel(page).getByText("已满，可排队候补", { exact: true })).toBeVisible();
    expect(await figure(page, "已报名")).toBe(30);
    expect(codes.every((c) => CODE.test(c))).toBe(true);
  });

  test("more than 10 registrations from one IP in 10 minutes are refused, values kept", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(90_000);
    const eventId = await eventIdOf(request, EVENTS.trade);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
    for (let i = 0; i < 10; i++) {
      await page.goto(`/events/${eventId}`);
      await fillForm(page, { name: "限流测试", phone: `1330000${String(i).padStart(4, "0")}` });
      await submit(page);
      await expect(panel(page).getByText("提交成功！请保存下面的报名码")).toBeVisible();
    }
    await page.goto(`/events/${eventId}`);
    const before = await figure(page, "已报名");
    await fillForm(page, { name: "第十一位", phone: "13300000011", organisation: "某公司" });
    await submit(page);
    await expect(panel(page).getByRole("alert")).toContainText("提交过于频繁");
    await expect(field(page, "姓名")).toHaveValue("第十一位");
    await expect(field(page, "工作单位")).toHaveValue("某公司");
    await expectNoAxeViolationsWithoutScripts(browser, page);
    await page.goto(`/events/${eventId}`);
    expect(await figure(page, "已报名")).toBe(before);
  });
});
