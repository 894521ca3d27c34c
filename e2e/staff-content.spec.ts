import { readFileSync } from "node:fs";
import type { APIRequestContext, Browser, BrowserContext, Download, Page } from "@playwright/test";
import { signInAs } from "./auth-helpers";
import { expect, expectNoAxeViolationsWithoutScripts, test } from "./fixtures";

/*
 * The staff content console and the public pages it feeds: the news editor (publish →
 * on /news at once, through the page cache), the events editor (cancel → the .ics says
 * so), registrations (phones masked, an admin's reveal audited, check-in by code, CSV),
 * opinions (submitted → pending → approved → shown), figures (charts + CSV with BOM), the
 * audit log (filters + CSV), the directory and accounts. Demo accounts: the editor works
 * for 新城街道联络室; admin (系统管理员) runs content and the directory, security
 * (安全管理员) the accounts, auditor (审计管理员) reads the audit log (三权分立).
 */

// Staff logins pass TOTP; a second login of the same account may wait for the next step.
test.describe.configure({ mode: "serial", timeout: 150_000 });

const BOM = "\uFEFF";
const stamp = Date.now().toString(36).slice(-5);
const shot = (name: string) => `${test.info().project.outputDir}/screenshots/cms-${name}.png`;

const contexts = new Map<string, BrowserContext>();

/** A page signed in as a demo staff account; each account logs in once per spec file. */
type Staff = "admin" | "security" | "auditor" | "editor";

async function staffPage(browser: Browser, who: Staff, path: string): Promise<Page> {
  let context = contexts.get(who);
  if (!context) {
    context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, who, { next: path });
    contexts.set(who, context);
    if (new URL(page.url()).pathname !== path.split("?")[0]) await page.goto(path);
    return page;
  }
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  contexts.clear();
});

/** Screenshots of a console page at desktop and phone widths. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: shot(name), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot(`${name}-phone`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** "2026-06-10T14:30" for a day `days` from now, in the committee's zone. */
function localInput(days: number, time: string): string {
  const date = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
  return `${date}T${time}`;
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, "utf8");
}

/** A public GET without cookies, twice: the second answer comes from the page cache. */
async function warmPageCache(request: APIRequestContext, path: string) {
  await request.get(path);
  const again = await request.get(path);
  expect(again.headers()["x-page-cache"], path).toBe("hit");
}

/** Creates an event through the editor's form; returns its id. */
async function createEvent(
  page: Page,
  title: string,
  options: { capacity?: string } = {},
): Promise<number> {
  await page.goto("/admin/events/new");
  await page.getByRole("textbox", { name: /^活动名称/ }).fill(title);
  await page.getByLabel(/^开始时间/).fill(localInput(12, "14:30"));
  await page.getByLabel(/^结束时间/).fill(localInput(12, "16:30"));
  await page.getByRole("textbox", { name: /^地点/ }).fill("区政协委员会客厅");
  await page.getByLabel("开放公众报名列席").check();
  if (options.capacity) await page.getByRole("textbox", { name: /^名额/ }).fill(options.capacity);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "活动已创建。" })).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("the console is for staff: the public logs in first; an editor cannot open admin-only pages", async ({
  browser,
  page,
}) => {
  for (const path of ["/admin/news", "/admin/audit", "/admin/users"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
  const editor = await staffPage(browser, "editor", "/admin/news");
  for (const path of ["/admin/audit", "/admin/users", "/admin/directory", "/admin/users/1"]) {
    await editor.goto(path);
    await expect(editor.getByRole("heading", { name: "页面不存在" }), path).toBeVisible();
  }
  // Exports refuse anyone else, and requests from other sites.
  expect((await page.request.post("/admin/audit/export")).status()).toBe(404);
  expect((await editor.request.post("/admin/audit/export")).status()).toBe(404);
  expect((await page.request.get("/admin/stats/csv/years")).status()).toBe(404);
});

test("separation of duties: the system administrator has no accounts or audit log; the auditor only that", async ({
  browser,
}) => {
  const admin = await staffPage(browser, "admin", "/admin/news");
  const nav = admin.getByRole("navigation", { name: "工作台导航" });
  await expect(nav.getByRole("link", { name: "新闻" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "用户" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  for (const path of ["/admin/users", "/admin/users/new", "/admin/users/1", "/admin/audit"]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(admin.getByRole("heading", { name: "页面不存在" }), path).toBeVisible();
  }
  expect((await admin.request.post("/admin/audit/export")).status()).toBe(404);

  // The auditor lands on the audit log, sees nothing else in the console, and opens nothing else.
  const auditor = await staffPage(browser, "auditor", "/admin");
  await expect(auditor).toHaveURL(/\/admin\/audit$/);
  const links = auditor.getByRole("navigation", { name: "工作台导航" }).getByRole("link");
  // Every staff role also has its own message centre.
  await expect(links).toHaveText(["审计日志", "消息中心"]);
  for (const path of ["/admin/news", "/admin/users", "/admin/stats", "/admin/notes"]) {
    expect((await auditor.goto(path))?.status(), path).toBe(404);
  }
  // The security administrator: accounts only.
  const security = await staffPage(browser, "security", "/admin/users");
  await expect(
    security.getByRole("navigation", { name: "工作台导航" }).getByRole("link"),
  ).toHaveText(["用户", "消息中心"]);
  expect((await security.goto("/admin/news/new"))?.status()).toBe(404);
  expect((await security.goto("/admin/audit"))?.status()).toBe(404);
});

test("news: an editor previews the rich text, is told what to fix, publishes; /news shows it at once", async ({
  browser,
  request,
  expectNoAxeViolations,
}) => {
  const title = `共富集市周末夜市开张（${stamp}）`;
  await warmPageCache(request, "/news");

  const editor = await staffPage(browser, "editor", "/admin/news");
  await expect(editor.getByRole("heading", { level: 1, name: "新闻管理" })).toBeVisible();
  await expectNoAxeViolations(editor);
  await shoot(editor, "news-list");

  await editor.getByRole("link", { name: "写新闻" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "写新闻" })).toBeVisible();
  await editor.getByLabel("栏目").selectOption({ label: "界别动态" });
  await editor
    .getByRole("textbox", { name: /^摘要/ })
    .fill("新城街道共富集市增设生鲜区和文创区，周末夜市人气旺。");
  // The body is rich text now (e2e/rich-text.spec.ts has the rest): a heading, a bold
  // word, and a script tag typed as words, which stay words.
  const body = editor.getByRole("textbox", { name: /^正文/ });
  await body.click();
  await editor.getByRole("button", { name: "大标题" }).click();
  await body.pressSequentially("夜市新变化");
  await body.press("Enter");
  await editor.getByRole("button", { name: "加粗" }).click();
  await body.pressSequentially("生鲜");
  await editor.getByRole("button", { name: "加粗" }).click();
  await body.pressSequentially("和文创摊位首次亮相。");
  await body.press("Enter");
  await body.pressSequentially("<script>alert(1)</script>");
  await editor.getByRole("button", { name: "预览正文" }).click();
  const preview = editor.getByRole("region", { name: "正文预览" });
  await expect(preview.getByRole("heading", { level: 2, name: "夜市新变化" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("生鲜");
  await expect(preview).toContainText("<script>alert(1)</script>");
  await expectNoAxeViolations(editor);

  // No title, a file that is not an image: refused, everything typed kept.
  await editor.getByLabel("封面图片").setInputFiles({
    name: "cover.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("not an image"),
  });
  await editor.getByLabel("发布", { exact: true }).check();
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByRole("main").getByRole("alert").first()).toContainText("有内容需要修改");
  await expect(editor.getByText("请填写标题。")).toBeVisible();
  await expect(editor.getByLabel("发布", { exact: true })).toBeChecked();
  await expect(editor.getByLabel("栏目")).toHaveValue(
    (await editor.getByRole("option", { name: "界别动态" }).getAttribute("value")) ?? "",
  );
  await expect(editor.getByRole("textbox", { name: /^正文/ })).toContainText("夜市新变化");
  // A refused form keeps what was typed; a chosen file must be chosen again.
  await editor.getByRole("textbox", { name: /^标题/ }).fill(title);
  await editor.getByLabel("封面图片").setInputFiles({
    name: "cover.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("not an image"),
  });
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText(/无法识别这张图片/).first()).toBeVisible();
  await expect(editor.getByRole("textbox", { name: /^标题/ })).toHaveValue(title);
  await expectNoAxeViolations(editor);
  await shoot(editor, "news-new-refused");

  // A real cover (a 1×1 PNG), published.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  await editor
    .getByLabel("封面图片")
    .setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
  await editor.getByLabel("图片来源").fill("新城街道联络室 供图");
  await editor.getByLabel("发布", { exact: true }).check();
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(
    editor.getByRole("status").filter({ hasText: "已发布，网站已更新。" }),
  ).toBeVisible();
  await expectNoAxeViolations(editor);
  await shoot(editor, "news-edit");

  // The cached list was dropped: the very next anonymous request shows the article.
  const list = await request.get("/news");
  expect(list.headers()["x-page-cache"]).toBe("miss");
  expect(await list.text()).toContain(title);
  const link = editor.getByRole("link", { name: "在网站上查看" });
  const href = await link.getAttribute("href");
  const article = await request.get(href ?? "");
  expect(article.status()).toBe(200);
  const html = await article.text();
  expect(html).toContain("<strong>生鲜</strong>");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toMatch(/\/files\/[0-9a-f-]{36}/);
  // The cover file keeps its own inert policy, not the pages' one.
  const coverPath = /\/files\/[0-9a-f-]{36}/.exec(html)?.[0] ?? "";
  const cover = await request.get(coverPath);
  expect(cover.status()).toBe(200);
  expect(cover.headers()["content-security-policy"]).toMatch(/^default-src 'none';.*\bsandbox$/);
  expect(cover.headers()["x-content-type-options"]).toBe("nosniff");

  // Editing the published article refreshes it too.
  await warmPageCache(request, "/news");
  await editor.goto(new URL(editor.url()).pathname);
  await expect(editor.getByRole("status")).toHaveCount(0);
  await editor.getByRole("textbox", { name: /^标题/ }).fill(`${title}（更新）`);
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(
    editor.getByRole("status").filter({ hasText: "已发布，网站已更新。" }),
  ).toBeVisible();
  expect(await (await request.get("/news")).text()).toContain(`${title}（更新）`);

  // Withdrawn: off the site at once.
  await editor.getByRole("button", { name: "撤回发布" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已撤回" })).toBeVisible();
  expect((await request.get(href ?? "")).status()).toBe(404);
});

test("events: an editor stays within their office; cancelling shows in the event's .ics at once", async ({
  browser,
  request,
  expectNoAxeViolations,
}) => {
  const editor = await staffPage(browser, "editor", "/admin/events");
  await expect(editor.getByRole("heading", { level: 1, name: "活动管理" })).toBeVisible();
  await expectNoAxeViolations(editor);
  await shoot(editor, "events-list");

  await editor.getByRole("link", { name: "新建活动" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "新建活动" })).toBeVisible();
  await expect(editor.getByLabel("新城街道联络室")).toBeChecked();
  await expectNoAxeViolations(editor);
  await shoot(editor, "events-new");
  const title = `社区议事厅开门协商（${stamp}）`;
  await editor.getByRole("textbox", { name: /^活动名称/ }).fill(title);
  await editor.getByLabel(/^开始时间/).fill(localInput(14, "09:30"));
  await editor.getByLabel(/^结束时间/).fill(localInput(14, "08:30"));
  await editor.getByRole("textbox", { name: /^地点/ }).fill("新城街道社区议事厅");
  // Only their own office and its town are offered: no other office, no other town.
  await expect(editor.getByLabel("洪合镇联络室")).toHaveCount(0);
  await expect(editor.getByLabel("镇街").getByRole("option")).toHaveText(["（无）", "新城街道"]);
  // Without their own office, and an end before the start: refused, values kept.
  await editor.getByLabel("新城街道联络室").uncheck();
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText("结束时间不能早于开始时间。")).toBeVisible();
  await expect(editor.getByText("请至少选择一个主办或协办单位。")).toBeVisible();
  await editor.getByLabel(/^结束时间/).fill(localInput(14, "11:30"));
  await expect(editor.getByRole("textbox", { name: /^活动名称/ })).toHaveValue(title);
  await editor.getByLabel("新城街道联络室").check();
  // Another office slipped into the post beside their own: refused in words, nothing saved.
  const admin = await staffPage(browser, "admin", "/admin/events/new");
  const otherOffice = (await admin.getByLabel("洪合镇联络室").getAttribute("value")) ?? "";
  await admin.close();
  const save = editor.getByRole("button", { name: "保存" });
  await save.evaluate((button, value) => {
    const forged = document.createElement("input");
    Object.assign(forged, { type: "hidden", name: "organisationIds", value, id: "forged" });
    button.closest("form")?.append(forged);
  }, otherOffice);
  await save.click();
  await expect(editor.getByRole("main").getByRole("alert").first()).toContainText(
    "主办单位只能选本界别或本单位",
  );
  await expect(editor.getByRole("textbox", { name: /^活动名称/ })).toHaveValue(title);
  await editor.locator("#forged").evaluateAll((inputs) => {
    for (const input of inputs) input.remove();
  });
  await save.click();
  await expect(editor.getByRole("status").filter({ hasText: "活动已创建。" })).toBeVisible();
  const id = new URL(editor.url()).pathname.split("/").pop();
  await expectNoAxeViolations(editor);
  await shoot(editor, "events-edit");

  const ics = `/events/${id}/event.ics`;
  await warmPageCache(request, ics);
  expect(await (await request.get(ics)).text()).toContain("STATUS:CONFIRMED");

  await editor.getByLabel(/取消原因/).fill("场地临时维修");
  await editor.getByRole("button", { name: "确认取消这场活动" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "活动已取消" })).toBeVisible();
  const cancelled = await (await request.get(ics)).text();
  expect(cancelled).toContain("STATUS:CANCELLED");
  expect(cancelled).toContain("【已取消】");
  await expect(editor.getByRole("button", { name: "恢复活动" })).toBeVisible();
  await expectNoAxeViolations(editor);
});

test("registrations: phones masked for the editor, revealed to an admin and audited; check-in by code; CSV", async ({
  browser,
  page,
  expectNoAxeViolations,
}) => {
  const editor = await staffPage(browser, "editor", "/admin/events");
  const title = `报名测试协商会（${stamp}）`;
  const eventId = await createEvent(editor, title, { capacity: "1" });

  // Two people register on the public form, from two addresses.
  const codes: string[] = [];
  for (const [i, person] of [
    { name: "王小明", phone: "13912345678" },
    { name: "李红", phone: "13887654321" },
  ].entries()) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${120 + i}` });
    await page.goto(`/events/${eventId}/register`);
    await page.getByRole("textbox", { name: /^姓名/ }).fill(person.name);
    await page.getByRole("textbox", { name: /^手机号/ }).fill(person.phone);
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: /^(提交报名|登记候补)$/ }).click();
    // The receipt answers in place (the code never goes into an address).
    const receipt = page.getByRole("region", { name: "报名码", exact: true });
    await expect(receipt).toContainText(/[2-9A-Z]{4}-[2-9A-Z]{4}/);
    codes.push(/[2-9A-Z]{4}-[2-9A-Z]{4}/.exec((await receipt.textContent()) ?? "")?.[0] ?? "");
  }

  await editor.goto("/admin/registrations");
  await expect(editor.getByRole("heading", { level: 1, name: "报名管理" })).toBeVisible();
  await expectNoAxeViolations(editor);
  await shoot(editor, "registrations-list");
  await editor.getByRole("link", { name: title }).click();
  const people = editor.getByRole("table", { name: "报名名单" });
  await expect(people.getByRole("row", { name: /王小明/ })).toContainText("139****5678");
  await expect(people.getByRole("row", { name: /李红/ })).toContainText("候补");
  await expect(editor.getByText("13912345678")).toHaveCount(0);
  await expect(editor.getByRole("button", { name: /查看号码/ })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "导出表格（含完整手机号）" })).toHaveCount(0);
  await expectNoAxeViolations(editor);

  // Check-in at the door with the code as typed (lower case, no hyphen).
  await editor
    .getByRole("textbox", { name: /^报名码/ })
    .fill((codes[0] ?? "").toLowerCase().replace("-", ""));
  await editor.getByRole("button", { name: "签到", exact: true }).click();
  await expect(editor.getByRole("status").filter({ hasText: "王小明 已签到。" })).toBeVisible();
  await editor.getByRole("textbox", { name: /^报名码/ }).fill(codes[0] ?? "");
  await editor.getByRole("button", { name: "签到", exact: true }).click();
  await expect(
    editor.getByRole("main").getByRole("alert").filter({ hasText: "已经签到过了" }),
  ).toBeVisible();
  await editor.getByRole("textbox", { name: /^报名码/ }).fill(codes[1] ?? "");
  await editor.getByRole("button", { name: "签到", exact: true }).click();
  await expect(
    editor.getByRole("main").getByRole("alert").filter({ hasText: "候补名单" }),
  ).toBeVisible();
  await expectNoAxeViolations(editor);
  await shoot(editor, "registrations-event");

  const [masked] = await Promise.all([
    editor.waitForEvent("download"),
    editor.getByRole("button", { name: "导出表格（手机号隐藏）" }).click(),
  ]);
  const maskedCsv = await downloadText(masked);
  expect(maskedCsv.startsWith(BOM)).toBe(true);
  expect(maskedCsv).toContain("139****5678");
  expect(maskedCsv).not.toContain("13912345678");

  // The admin reveals one number; the reveal is in the audit log.
  const admin = await staffPage(browser, "admin", `/admin/registrations/${eventId}`);
  await admin.getByRole("button", { name: "查看号码（王小明）" }).click();
  await expect(admin.getByText("13912345678")).toBeVisible();
  await expect(admin.getByText("13887654321")).toHaveCount(0);
  await expectNoAxeViolations(admin);
  const [full] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("button", { name: "导出表格（含完整手机号）" }).click(),
  ]);
  expect(await downloadText(full)).toContain("13887654321");

  // The audit administrator reads it.
  const auditor = await staffPage(
    browser,
    "auditor",
    "/admin/audit?action=registration.reveal_phone",
  );
  const log = auditor.getByRole("table", { name: "审计日志" });
  await expect(
    log.getByRole("row").filter({ hasText: "查看报名者完整手机号" }).first(),
  ).toContainText("admin");
  await auditor.goto("/admin/audit?action=registration.");
  await expect(
    log.getByRole("row").filter({ hasText: "导出报名名单（含完整手机号）" }).first(),
  ).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "报名者现场签到" }).first()).toBeVisible();
});

test("audit log: filters, pages and a CSV export that Excel opens, itself logged", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const auditor = await staffPage(browser, "auditor", "/admin/audit");
  await expect(auditor.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  await expect(auditor.getByText(/不能修改或删除，至少保留 180 天/)).toBeVisible();
  // The hash chain is checked on every visit (db/queries/audit/verify.ts).
  await expect(auditor.getByText(/^审计日志完整性：已校验 \d+ 条，链完整。$/)).toBeVisible();
  await expectNoAxeViolations(auditor);
  await shoot(auditor, "audit");

  await auditor.getByLabel("操作人").fill("editor");
  await auditor.getByLabel("操作", { exact: true }).fill("event.");
  await auditor.getByRole("button", { name: "筛选" }).click();
  await expect(auditor).toHaveURL(/actor=editor/);
  const rows = auditor.getByRole("table", { name: "审计日志" }).getByRole("row");
  // Actions read in Chinese, never as their codes (event.cancel → 取消活动).
  await expect(rows.filter({ hasText: "取消活动" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /(新建|修改|发布|撤回)新闻/ })).toHaveCount(0);
  await expect(auditor.getByRole("table", { name: "审计日志" })).not.toContainText("event.");

  const [download] = await Promise.all([
    auditor.waitForEvent("download"),
    auditor.getByRole("button", { name: "导出表格" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloadText(download);
  expect(
    csv.startsWith(`${BOM}编号,时间,操作人编号,操作人,IP 地址,操作,对象类型,对象编号,详情\r\n`),
  ).toBe(true);
  expect(csv).toContain("event.cancel");
  expect(csv).not.toContain("article.publish");

  await auditor.goto("/admin/audit?action=audit.export");
  await expect(
    auditor
      .getByRole("table", { name: "审计日志" })
      .getByRole("row")
      .filter({ hasText: "导出审计日志" })
      .first(),
  ).toBeVisible();
  await auditor.goto("/admin/audit?from=2026-02-30");
  await expect(auditor.getByRole("main").getByRole("alert")).toContainText("日期格式不正确");
});

test("opinions: sent by the public, pending until an admin approves, then shown with the name masked", async ({
  browser,
  page,
  expectNoAxeViolations,
}) => {
  const body = `集市能不能周末晚上也开？下班后想带孩子去逛逛（${stamp}）。`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.150" });
  await page.goto("/opinions");
  await expect(page.getByRole("heading", { level: 1, name: "意见征集" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "opinions-public");

  const form = page.getByRole("region", { name: "提交意见" });
  await form.getByLabel("议题").selectOption({ label: "基层共富" });
  await form.getByLabel(/您的称呼/).fill("张三丰");
  await form.getByLabel(/联系方式/).fill("13900001111");
  await form.getByLabel(/意见内容/).fill("太短");
  await form.getByRole("button", { name: "提交意见" }).click();
  await expect(form.getByText("意见内容至少 10 个字。")).toBeVisible();
  await expect(form.getByLabel(/您的称呼/)).toHaveValue("张三丰");
  await expect(form.getByLabel("议题")).not.toHaveValue("");
  await expect(form.getByLabel("议题").locator("option:checked")).toHaveText("基层共富");
  await form.getByLabel(/意见内容/).fill(body);
  await form.getByRole("button", { name: "提交意见" }).click();
  await expect(page.getByRole("status").filter({ hasText: "提交成功，审核后公开" })).toBeVisible();
  await expect(page.getByText(body)).toHaveCount(0);
  // After a client-side navigation the metadata streams in: wait for the title as a reader would.
  await expect(page).toHaveTitle(/意见征集/);
  await expectNoAxeViolations(page);

  const admin = await staffPage(browser, "admin", "/admin/opinions");
  await expect(admin.getByRole("heading", { level: 1, name: "意见审核" })).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: body });
  await expect(row).toContainText("张三丰");
  await expect(row).toContainText("13900001111");
  await expectNoAxeViolations(admin);
  await shoot(admin, "opinions-admin");
  await row.getByRole("button", { name: /^公开/ }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已公开 1 条意见" })).toBeVisible();

  await page.goto("/opinions");
  const shown = page.getByRole("article", { name: "基层共富" });
  await expect(shown.getByText(body)).toBeVisible();
  await expect(shown).toContainText("张**：");
  const html = await page.content();
  expect(html).not.toContain("张三丰");
  expect(html).not.toContain("13900001111");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "192.0.2.151" } });

  test("the opinion form works as a plain form: refused with values kept, then accepted", async ({
    page,
    browser,
  }) => {
    await page.goto("/opinions?topic=renkou-junheng");
    const form = page.getByRole("region", { name: "提交意见" });
    await expect(form.getByLabel("议题").locator("option:checked")).toHaveText("人口均衡");
    await form.getByLabel(/您的称呼/).fill("王五");
    await form.getByLabel(/意见内容/).fill("<b>希望增加托育名额，延长服务时间</b>");
    await form.getByRole("button", { name: "提交意见" }).click();
    await expect(form.getByText("意见内容中不能包含 < 或 > 等符号。")).toBeVisible();
    await expect(form.getByLabel(/您的称呼/)).toHaveValue("王五");
    await expect(form.getByLabel("议题").locator("option:checked")).toHaveText("人口均衡");
    await expectNoAxeViolationsWithoutScripts(browser, page);
    await form
      .getByLabel(/意见内容/)
      .fill(`希望社区托育点周六也开放，方便上班的家长（${stamp}）。`);
    await form.getByRole("button", { name: "提交意见" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "提交成功，审核后公开" }),
    ).toBeVisible();
    await expectNoAxeViolationsWithoutScripts(browser, page);
  });
});

test("figures: charts drawn on the server with their data, and CSV with a BOM, for the public and for staff", async ({
  browser,
  page,
  expectNoAxeViolations,
}) => {
  await page.goto("/stats");
  await expect(page.getByRole("heading", { level: 1, name: /数据统计/ })).toBeVisible();
  const chart = page.getByRole("img", { name: /各界别参与的活动/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "各镇街的活动" })).toBeVisible();
  await page.getByText("查看数据表").first().click();
  await expect(
    page
      .getByRole("table", { name: "各界别参与的活动" })
      .getByRole("rowheader", { name: "科技界" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "stats-public");

  await page.getByLabel("年份").selectOption("2026");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/year=2026/);
  const csv = await page.request.get("/stats/csv/events-by-sector?year=2026");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  const text = await csv.text();
  expect(text.startsWith(`${BOM}项目,数量\r\n`)).toBe(true);
  expect(text).toMatch(/\r\n科技界,\d+\r\n/);
  expect((await page.request.get("/stats/csv/departments")).status()).toBe(404);

  const admin = await staffPage(browser, "admin", "/admin/stats");
  await expect(admin.getByRole("heading", { level: 2, name: "各部门办理情况" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await shoot(admin, "stats-admin");
  const departments = await admin.request.get("/admin/stats/csv/departments");
  const departmentsCsv = await departments.text();
  expect(
    departmentsCsv.startsWith(`${BOM}部门,转办,已答复,超期未答复,答复用时中位数（天）\r\n`),
  ).toBe(true);
});

test("directory and accounts: the system administrator adds a venue, is refused a slug in use; the security administrator invites a member once, disables them", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const admin = await staffPage(browser, "admin", "/admin/directory");
  await expect(admin.getByRole("heading", { level: 1, name: "目录管理" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await shoot(admin, "directory-sectors");
  await admin.getByRole("link", { name: "单位", exact: true }).click();
  await expect(admin).toHaveURL(/tab=organisations/);
  await shoot(admin, "directory-organisations");
  await admin.getByRole("link", { name: "协商议题" }).click();
  await expect(admin.getByRole("table", { name: "协商议题" })).toContainText("征集意见中");
  await expectNoAxeViolations(admin);

  await admin.goto("/admin/directory?tab=organisations");
  await admin.getByRole("link", { name: "新建单位" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "新建单位" })).toBeVisible();
  await admin.getByLabel("名称").fill(`测试委员之家${stamp}`);
  await admin.getByLabel("网址标识").fill("xincheng-jiedao-lianluoshi");
  await admin.getByLabel("类别").selectOption({ label: "委员之家" });
  await admin.getByLabel(/在用/).uncheck();
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("main").getByRole("alert").first()).toContainText(
    "网址标识已被使用",
  );
  await expect(admin.getByLabel("名称")).toHaveValue(`测试委员之家${stamp}`);
  await admin.getByLabel("网址标识").fill(`e2e-venue-${stamp}`);
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已创建。" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await shoot(admin, "directory-edit");

  // Accounts are the security administrator's (三权分立); the audit administrator reads the log.
  const security = await staffPage(browser, "security", "/admin/users");
  await expect(security.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();
  await expectNoAxeViolations(security);
  await shoot(security, "users-list");
  await security.getByRole("link", { name: "新建用户" }).click();
  await expect(security.getByRole("heading", { level: 1, name: "新建用户" })).toBeVisible();
  const username = `e2e${stamp}`;
  await security.getByRole("textbox", { name: /^用户名/ }).fill("13800000001");
  await security.getByRole("textbox", { name: /^姓名/ }).fill("测试委员");
  await security.getByRole("button", { name: "新建用户" }).click();
  await expect(security.getByText(/不能是手机号/)).toBeVisible();
  await security.getByRole("textbox", { name: /^用户名/ }).fill(username);
  await security.getByRole("button", { name: "新建用户" }).click();
  const link = security.getByRole("textbox", { name: "邀请链接" });
  // The token in the fragment, which no browser sends: no access log ever holds it.
  await expect(link).toHaveValue(/\/invite#[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(security);
  await shoot(security, "users-new");

  await security.goto(`/admin/users?q=${username}`);
  await expect(security.getByRole("row").filter({ hasText: username })).toContainText("待激活");
  await security.getByRole("link", { name: "测试委员" }).click();
  await expect(security.getByRole("heading", { level: 1, name: "用户：测试委员" })).toBeVisible();
  // The link is not shown again; a new one can be issued.
  await expect(security.getByRole("textbox", { name: "邀请链接" })).toHaveCount(0);
  await security.getByRole("button", { name: "停用账号" }).click();
  await expect(security.getByRole("status").filter({ hasText: "账号已停用" })).toBeVisible();
  await expect(security.getByRole("button", { name: "启用账号" })).toBeVisible();
  await expectNoAxeViolations(security);
  await shoot(security, "users-edit");
  const auditor = await staffPage(browser, "auditor", "/admin/audit?targetType=user");
  await expect(auditor.getByRole("table", { name: "审计日志" })).toContainText("停用账号");
});
