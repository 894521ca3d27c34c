import type { Browser, BrowserContext, Page } from "@playwright/test";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/*
 * The public results board: an admin writes an anonymised case from a handled demo note
 * (「医院高新院区就诊停车难」, closed, by member2 李慧), the board and the case page show
 * it, and nothing personal reaches a public page. Uses the demo data only.
 */

const NOTE = "医院高新院区就诊停车难";
const AUTHOR = "李慧";
const CASE_TITLE = "高新院区周边停车难得到缓解";
const SUMMARY =
  "有群众反映，医院高新院区就诊高峰时段周边道路排队停车，老年患者步行距离较远。建议增设停车位、开通公交接驳。";

// Staff logins pass TOTP; a second login of the same account may wait for the next step.
test.describe.configure({ mode: "serial", timeout: 150_000 });

const shot = (name: string) => `${test.info().project.outputDir}/screenshots/cases-${name}.png`;

const contexts = new Map<string, BrowserContext>();

/** A context signed in as a demo staff account, once per spec file (one TOTP step each). */
async function staffPage(browser: Browser, who: "admin" | "editor", next: string): Promise<Page> {
  let context = contexts.get(who);
  if (!context) {
    context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, who, { next });
    contexts.set(who, context);
    return page;
  }
  const page = await context.newPage();
  await page.goto(next);
  return page;
}

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  contexts.clear();
});

test("the console's case pages are an admin's: the public is sent to log in, an editor finds nothing", async ({
  browser,
  page,
}) => {
  await page.goto("/admin/cases");
  await expect(page).toHaveURL(/\/login/);
  const editor = await staffPage(browser, "editor", "/admin/cases");
  await expect(editor.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await editor.goto("/admin/opinions");
  await expect(editor.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("an admin writes an anonymised case from a handled note; the public reads the case and nothing personal", async ({
  browser,
  page,
  expectNoAxeViolations,
}) => {
  const admin = await staffPage(browser, "admin", "/admin/cases");
  await expect(admin.getByRole("heading", { level: 1, name: "公开案例管理" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.screenshot({ path: shot("admin-list"), fullPage: true });

  const eligible = admin.getByRole("region", { name: "可撰写案例的走访记录" });
  await eligible.getByRole("link", { name: `撰写案例：${NOTE}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "撰写公开案例" })).toBeVisible();
  // The draft comes from the note's title, suggestion, departments and answers …
  await expect(admin.getByLabel("案例标题")).toHaveValue(NOTE);
  await expect(admin.getByLabel("办理部门")).toHaveValue("区综合行政执法局");
  // (The outcome is written in the rich-text editor: the answers are its paragraphs.)
  const outcome = admin.getByRole("textbox", { name: /^办理结果/ });
  await expect(outcome).toContainText(/临时停车泊位 120 个/);
  // … never from its author, the people met or the raw observation.
  const form = admin.locator("form").filter({ has: admin.getByLabel("案例标题") });
  await expect(form).not.toContainText(AUTHOR);
  expect(await admin.getByLabel("问题概述").inputValue()).not.toContain("患者家属");
  await expectNoAxeViolations(admin);
  await admin.screenshot({ path: shot("admin-new"), fullPage: true });

  // Not reviewed: refused, nothing lost.
  await admin.getByLabel("案例标题").fill(CASE_TITLE);
  await admin.getByLabel("问题概述").fill(`委员${AUTHOR}反映：${SUMMARY}`);
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByText("请核对内容后勾选确认。")).toBeVisible();
  await expect(admin.getByLabel("问题概述")).toHaveValue(`委员${AUTHOR}反映：${SUMMARY}`);

  // Reviewed, but the author's name is still there: refused, with the reason.
  await admin.getByLabel(/我已核对/).check();
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("main").getByRole("alert")).toContainText("委员的姓名");
  await expect(admin.getByLabel("案例标题")).toHaveValue(CASE_TITLE);
  await expectNoAxeViolations(admin);

  // A phone number in the outcome: refused too.
  await admin.getByLabel("问题概述").fill(SUMMARY);
  await outcome.click();
  await outcome.press("Control+End");
  await outcome.press("Enter");
  await outcome.pressSequentially("咨询电话 0573-86661234。");
  await admin.getByLabel(/我已核对/).check();
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("main").getByRole("alert")).toContainText("电话号码");

  // Refused, the editor still holds what was typed: the phone's paragraph is taken out again.
  await expect(outcome).toContainText("0573-86661234");
  await outcome.click();
  await outcome.press("Control+End");
  await outcome.press("Shift+Home");
  await outcome.press("Backspace");
  await outcome.press("Backspace");
  await expect(outcome).not.toContainText("0573-86661234");
  await admin.getByLabel(/我已核对/).check();
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "案例已公开" })).toBeVisible();
  const caseUrl = new URL(admin.url());
  const caseId = caseUrl.pathname.split("/").pop();
  await admin.screenshot({ path: shot("admin-edit"), fullPage: true });

  // The board and the case page, as the public sees them (no session: the page cache).
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: "公开案例" })).toBeVisible();
  const board = page.getByRole("list", { name: "公开案例列表" });
  await expect(board.getByRole("link", { name: CASE_TITLE })).toBeVisible();
  await expectNoAxeViolations(page);
  await board.getByRole("link", { name: CASE_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(page.getByRole("heading", { level: 1, name: CASE_TITLE })).toBeVisible();
  await expect(page.getByText("区综合行政执法局")).toBeVisible();
  await expect(page.getByText(/临时停车泊位 120 个/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: shot("public-case"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("public-case-phone"), fullPage: true });
  await page.goto("/cases");
  await page.screenshot({ path: shot("public-board-phone"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Nothing personal anywhere public: not in the board, the case, or the search.
  for (const path of ["/cases", `/cases/${caseId}`, "/search?q=停车"]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).not.toContain(AUTHOR);
    expect(html, path).not.toContain("member2");
    expect(html, path).not.toContain("患者家属");
    expect(html, path).not.toContain("0573-86661234");
  }
  await page.goto("/search?q=停车难");
  await expect(page.getByRole("link", { name: CASE_TITLE })).toBeVisible();
  await expectNoAxeViolations(page);

  // Withdrawn: gone from the board at once.
  await admin.getByRole("button", { name: "撤回" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "案例已撤回" })).toBeVisible();
  const gone = await page.request.get(`/cases/${caseId}`);
  expect(gone.status()).toBe(404);
  await admin.getByRole("button", { name: "公开" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "案例已公开" })).toBeVisible();
  expect((await page.request.get(`/cases/${caseId}`)).status()).toBe(200);
});

test("the board filters by category and refuses made-up pages", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto("/cases?category=governance");
  await expect(page.getByRole("link", { name: "基层治理难点", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("link", { name: CASE_TITLE })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/cases?category=industry");
  await expect(page.getByRole("link", { name: CASE_TITLE })).toHaveCount(0);
  expect((await page.request.get("/cases?category=secret")).status()).toBe(404);
  expect((await page.request.get("/cases?page=99")).status()).toBe(404);
  expect((await page.request.get("/cases/999999")).status()).toBe(404);
  expect((await page.request.get("/cases/abc")).status()).toBe(404);
});
