import { randomInt } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { authMessages } from "../lib/messages/auth";
import { demoPassword, signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { localInput } from "./local-time";

/** The one answer to a wrong password, an unknown name or a locked account. */
const WRONG_PASSWORD = authMessages.login.errors.invalid;

/*
 * Two instances of the server (A and B) on one PostgreSQL database and one Redis, each
 * with its page cache on, as behind a load balancer (playwright.config.ts, project
 * "cluster"): what an editor publishes through A, B serves at once (its cached pages and
 * cached queries are dropped through Redis); an account locked through A is locked on B;
 * a per-IP rate limit counted on A is used up on B; a town an admin adds through A is
 * offered by the note form on B, and so is an event staff create through A.
 */

test.describe.configure({ mode: "serial", timeout: 120_000 });

const A = process.env.E2E_CLUSTER_A_URL ?? "";
const B = process.env.E2E_CLUSTER_B_URL ?? "";
const stamp = Date.now().toString(36).slice(-5);
/** Pub/sub delivery takes milliseconds; a few seconds is plenty, and nothing waits longer. */
const SOON = { timeout: 5_000, intervals: [50, 100, 250] };

const contexts: BrowserContext[] = [];
/** A fresh browser on one instance, speaking from `ip` (the servers trust 127.0.0.1). */
async function browse(browser: Browser, baseURL: string, ip?: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: ip ? { "x-forwarded-for": ip } : {},
  });
  contexts.push(context);
  return context.newPage();
}

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

const documentationIp = () => `198.51.100.${randomInt(1, 255)}`;

test("news published through instance A is served by instance B at once, cached pages included", async ({
  browser,
  request,
  expectNoAxeViolations,
}) => {
  expect(A).not.toBe(B);
  const title = `城西片区开展“请你来协商”活动（${stamp}）`;

  // A reader on B: the list comes from B's page cache on the second request.
  await request.get(`${B}/news`);
  const cached = await request.get(`${B}/news`);
  expect(cached.headers()["x-page-cache"]).toBe("hit");
  expect(await cached.text()).not.toContain(title);

  // The editor works on A.
  const editor = await browse(browser, A);
  await signInAs(editor, "editor", { next: "/admin/news" });
  await editor.goto("/admin/news/new");
  await expect(editor.getByRole("heading", { level: 1, name: "写新闻" })).toBeVisible();
  await editor.getByRole("textbox", { name: /^标题/ }).fill(title);
  await editor.getByLabel("栏目").selectOption({ label: "界别动态" });
  await editor
    .getByRole("textbox", { name: /^摘要/ })
    .fill("委员、居民代表和部门负责人围坐一起，商量老旧小区加装电梯的事。");
  const body = editor.getByRole("textbox", { name: /^正文/ });
  await body.click();
  await body.pressSequentially("老旧小区加装电梯，");
  await editor.getByRole("button", { name: "加粗" }).click();
  await body.pressSequentially("一梯一策");
  await editor.getByRole("button", { name: "加粗" }).click();
  await body.pressSequentially("。");
  await editor.getByLabel("发布", { exact: true }).check();
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(
    editor.getByRole("status").filter({ hasText: "已发布，网站已更新。" }),
  ).toBeVisible();

  // B, which never saw the write, serves the new list (not its cached copy).
  await expect.poll(async () => (await request.get(`${B}/news`)).text(), SOON).toContain(title);
  const href = await editor.getByRole("link", { name: "在网站上查看" }).getAttribute("href");
  expect(href).toMatch(/^\/news\//);
  const articlePath = href ?? "";

  // The article on B, cached there too; an edit through A replaces it on B.
  await request.get(`${B}${articlePath}`);
  const article = await request.get(`${B}${articlePath}`);
  expect(article.headers()["x-page-cache"]).toBe("hit");
  expect(await article.text()).toContain("<strong>一梯一策</strong>");

  await editor.goto(new URL(editor.url()).pathname);
  await expect(editor.getByRole("status")).toHaveCount(0);
  await editor.getByRole("textbox", { name: /^标题/ }).fill(`${title}（更新）`);
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(
    editor.getByRole("status").filter({ hasText: "已发布，网站已更新。" }),
  ).toBeVisible();
  await expect
    .poll(async () => (await request.get(`${B}${articlePath}`)).text(), SOON)
    .toContain(`${title}（更新）`);

  // What a reader on B sees.
  const reader = await browse(browser, B);
  await reader.goto(articlePath);
  await expect(reader.getByRole("heading", { level: 1, name: `${title}（更新）` })).toBeVisible();
  await expectNoAxeViolations(reader);
  await reader.goto("/news");
  await expect(reader.getByRole("link", { name: `${title}（更新）` })).toBeVisible();
  await expectNoAxeViolations(reader);
});

test("five wrong passwords on A lock the account; the right password on B is refused", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const ip = documentationIp();
  const onA = await browse(browser, A, ip);
  const onB = await browse(browser, B, ip);
  const login = async (page: Page, password: string) => {
    await page.goto("/login");
    await page.getByLabel("用户名或手机号").fill("member2");
    await page.getByLabel("密码", { exact: true }).fill(password);
    await page.getByRole("button", { name: "登录" }).click();
  };

  for (let i = 1; i <= 4; i++) {
    await login(onA, `wrong password ${i}`);
    await expect(onA.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
  }
  // The fifth locks, answering like the others (the answer is no oracle for names).
  await login(onA, "wrong password 5");
  await expect(onA.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);

  // The right password on B is refused: the lock is in the database, not in A's memory.
  await login(onB, demoPassword());
  await expect(onB.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
  await expect(onB).toHaveURL(/\/login$/);
  await expectNoAxeViolations(onB);
});

test("a per-IP rate limit counted on A is used up on B", async ({
  browser,
  expectNoAxeViolations,
}) => {
  // Opinions: five per address in ten minutes, whichever instance receives them.
  const ip = documentationIp();
  const send = async (page: Page, n: number) => {
    await page.goto("/opinions");
    const form = page.getByRole("region", { name: "提交意见" });
    await form.getByLabel("议题").selectOption({ label: "基层共富" });
    await form.getByLabel(/您的称呼/).fill("李四");
    await form.getByLabel(/联系方式/).fill("13900002222");
    await form
      .getByLabel(/意见内容/)
      .fill(`建议共富集市增加便民维修摊位，第 ${n} 条（${stamp}）。`);
    await form.getByRole("button", { name: "提交意见" }).click();
    return form;
  };

  const onA = await browse(browser, A, ip);
  for (let n = 1; n <= 5; n++) {
    await send(onA, n);
    await expect(onA.getByRole("status").filter({ hasText: "提交成功，审核后公开" })).toBeVisible();
  }

  const onB = await browse(browser, B, ip);
  const form = await send(onB, 6);
  await expect(form.getByText(/提交太频繁，请 \d+ 分钟后再试。/)).toBeVisible();
  await expect(form.getByLabel(/意见内容/)).toHaveValue(/第 6 条/);
  await expectNoAxeViolations(onB);

  // Another address is not affected, on either instance.
  const other = await browse(browser, B, documentationIp());
  await send(other, 7);
  await expect(other.getByRole("status").filter({ hasText: "提交成功，审核后公开" })).toBeVisible();
});

test("a town an admin adds on A is offered at once by the note form on B", async ({
  browser,
  expectNoAxeViolations,
}) => {
  // The form's towns, sectors, topics and events come from each instance's data cache
  // (db/queries/notes/choices.ts): a member on B loads the form first, so B holds them.
  const name = `运河新城${stamp}`;
  const member = await browse(browser, B);
  await signInAs(member, "member1", { next: "/member/notes/new" });
  const towns = () => member.getByLabel(/^镇街/).locator("option");
  await expect(towns().filter({ hasText: "王店镇" })).toHaveCount(1);
  await expect(towns().filter({ hasText: name })).toHaveCount(0);

  const admin = await browse(browser, A);
  await signInAs(admin, "admin", { next: "/admin/directory/towns/new" });
  await admin.getByLabel(/^名称/).fill(name);
  await admin.getByLabel(/^网址标识/).fill(`yunhe-${stamp}`);
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByText("已创建。")).toBeVisible();

  // B dropped its cached lists when A saved: the next form load offers the new town.
  await expect
    .poll(async () => {
      await member.reload();
      return towns().filter({ hasText: name }).count();
    }, SOON)
    .toBe(1);
  await expectNoAxeViolations(member);
});

test("an event staff create on A is offered at once by the note form on B", async ({
  browser,
  expectNoAxeViolations,
}) => {
  // The form's events come from B's data cache, one read per minute (db/queries/notes/
  // choices.ts). Were A's save not to drop it, B would offer the old list until the minute
  // turns: so B's form is loaded early in a minute, and the poll below ends within it.
  const title = `委员走访议事会${stamp}`;
  const staff = await browse(browser, A);
  await signInAs(staff, "editor", { next: "/admin/events/new" });
  await staff.getByRole("textbox", { name: /^活动名称/ }).fill(title);
  // Began ten minutes ago: a visit made today may be linked to it.
  await staff.getByLabel(/^开始时间/).fill(localInput(new Date(Date.now() - 10 * 60_000)));
  await staff.getByLabel(/^结束时间/).fill(localInput(new Date(Date.now() + 110 * 60_000)));
  await staff.getByRole("textbox", { name: /^地点/ }).fill("区政协委员会客厅");

  const secondOfMinute = (Date.now() % 60_000) / 1000;
  if (secondOfMinute > 40) await new Promise((r) => setTimeout(r, (61 - secondOfMinute) * 1000));
  const member = await browse(browser, B);
  await signInAs(member, "member1", { next: "/member/notes/new" });
  const events = () => member.getByLabel(/^关联活动/).locator("option");
  await expect(events().filter({ hasText: title })).toHaveCount(0);

  await staff.getByRole("button", { name: "保存" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "活动已创建。" })).toBeVisible();

  // B dropped its cached events when A saved: the next form load offers the new one.
  await expect
    .poll(async () => {
      await member.reload();
      return events().filter({ hasText: title }).count();
    }, SOON)
    .toBe(1);
  await expectNoAxeViolations(member);
});
