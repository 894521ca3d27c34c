import type { Browser, Page } from "@playwright/test";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/*
 * The staff pipeline on the demo data (db/seed/demo-data/departments.ts): member2's notes
 * in 新城街道 (the demo editor's liaison office) await review; one in 王江泾镇 is outside
 * the editor's scope; 「生育补贴…」 has an overdue transfer.
 */
const CHILDCARE = "普惠托育托位不足，收费偏高";
const MARKET = "共富集市品类单一，可增加生鲜和文创";
const SILK_ROAD = "丝路通平台可向智能家居行业拓展";
const SUBSIDY = "生育补贴申领材料多、跑腿多";
const CONFLICT = "该记录已被其他工作人员处理，请刷新后重试";

// Staff logins pass TOTP; a second login of the same account may wait for the next step.
test.describe.configure({ timeout: 150_000 });

async function pageAs(
  browser: Browser,
  who: "admin" | "editor" | "member1" | "member2",
  next: string,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, who, { next });
  return page;
}

/** How many notes the public figures count in one status (the table beside the chart). */
async function publicStatusCount(browser: Browser, status: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto("/stats");
  // The data table sits in a closed <details> under the chart: read its text.
  const table = page.locator("table", {
    has: page.locator("caption", { hasText: /^走访记录办理状态$/ }),
  });
  await expect(table).toHaveCount(1);
  const row = table.locator("tr", {
    has: page.locator("th", { hasText: new RegExp(`^${status}$`) }),
  });
  const cells = await row.locator("td").allTextContents();
  await page.close();
  return cells.length === 0 ? 0 : Number.parseInt(cells[0] ?? "0", 10);
}

async function openNote(page: Page, title: string) {
  await page.goto("/admin/notes");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("an editor reviews, an admin accepts and transfers, answers are recorded, the member reads them", async ({
  browser,
  expectNoAxeViolations,
}) => {
  // The public figures, read (and so cached) before the pipeline moves the note.
  const answeredBefore = await publicStatusCount(browser, "已答复");

  // The editor: only notes of their liaison office, first review, no transfers.
  const editor = await pageAs(browser, "editor", "/admin/notes");
  await expect(editor.getByRole("heading", { level: 1, name: "走访记录审核" })).toBeVisible();
  const queue = editor.getByRole("table", { name: "走访记录列表" });
  await expect(queue.getByRole("link", { name: CHILDCARE })).toBeVisible();
  await expect(queue.getByRole("link", { name: MARKET })).toBeVisible();
  await expect(queue.getByRole("link", { name: SILK_ROAD })).toHaveCount(0);
  await expect(
    editor.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "职能部门" }),
  ).toHaveCount(0);
  await expectNoAxeViolations(editor);

  await openNote(editor, CHILDCARE);
  await expect(editor.getByRole("button", { name: "采纳", exact: true })).toBeVisible();
  await expect(editor.getByRole("button", { name: "转办", exact: true })).toHaveCount(0);
  await editor.getByLabel("新增备注").fill("初审：情况属实，建议采纳后移交卫健、民政部门。");
  await editor.getByRole("button", { name: "添加备注" }).click();
  await expect(
    editor.getByRole("main").getByRole("status").filter({ hasText: "已添加备注。" }),
  ).toBeVisible();
  await expect(editor.getByText("初审：情况属实，建议采纳后移交卫健、民政部门。")).toBeVisible();
  await expectNoAxeViolations(editor);

  // The department registry is the admin's: for an editor it does not exist.
  await editor.goto("/admin/departments");
  await expect(editor.getByRole("heading", { name: "页面不存在" })).toBeVisible();

  // The admin accepts and transfers to two departments.
  const admin = await pageAs(browser, "admin", "/admin/notes?status=submitted");
  await openNote(admin, CHILDCARE);
  await expect(admin.getByText("初审：情况属实，建议采纳后移交卫健、民政部门。")).toBeVisible();
  await admin.getByRole("button", { name: "采纳", exact: true }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "已采纳。" }),
  ).toBeVisible();
  await admin.getByLabel("区卫生健康局").check();
  await admin.getByLabel("区民政局").check();
  await admin.getByRole("button", { name: "转办", exact: true }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "已转办职能部门。" }),
  ).toBeVisible();
  await expect(admin.getByTestId("note-status")).toContainText("已转办");
  await expectNoAxeViolations(admin);

  // Each department's answer; the note is answered once both have answered.
  const health = admin.getByRole("form", { name: "记录区卫生健康局的答复" });
  await health.getByLabel("答复内容").fill("已在新城街道新增两处普惠托育点，明年一季度开园。");
  await health.getByLabel("满意", { exact: true }).check();
  await health.getByRole("button", { name: "保存答复" }).click();
  const transfers = admin.getByRole("region", { name: "转办与答复" });
  await expect(
    transfers.getByText("已在新城街道新增两处普惠托育点，明年一季度开园。"),
  ).toBeVisible();
  const civil = admin.getByRole("form", { name: "记录区民政局的答复" });
  await civil.getByLabel("答复内容").fill("将把托育补贴纳入明年民生实事项目。");
  await civil.getByRole("button", { name: "保存答复" }).click();
  await expect(transfers.getByText("将把托育补贴纳入明年民生实事项目。")).toBeVisible();
  await expect(admin.getByTestId("note-status")).toContainText("已答复");
  // The public figures count the answer at once, not when their cache expires.
  expect(await publicStatusCount(browser, "已答复")).toBeGreaterThan(answeredBefore);
  const noteUrl = new URL(admin.url()).pathname;
  const noteId = noteUrl.split("/").pop();

  // The member reads the transfer and both answers on the note's timeline.
  const member = await pageAs(browser, "member2", `/member/notes/${noteId}`);
  const timeline = member.getByRole("region", { name: "办理进程" });
  await expect(timeline).toContainText("转交区卫生健康局、区民政局办理");
  await expect(timeline).toContainText(
    "区卫生健康局答复：已在新城街道新增两处普惠托育点，明年一季度开园。",
  );
  await expect(timeline).toContainText("区民政局答复：将把托育补贴纳入明年民生实事项目。");
  // Internal comments are for staff only.
  await expect(member.getByText("初审：情况属实")).toHaveCount(0);
  await expectNoAxeViolations(member);
});

test("two staff acting on one note at once: the second is told it was handled", async ({
  browser,
}) => {
  const first = await pageAs(browser, "admin", "/admin/notes");
  const second = await first.context().newPage();
  await openNote(first, MARKET);
  await second.goto(first.url());
  await first.getByRole("button", { name: "采纳", exact: true }).click();
  await expect(
    first.getByRole("main").getByRole("status").filter({ hasText: "已采纳。" }),
  ).toBeVisible();

  const reason = second.getByLabel("理由（委员可见）");
  await reason.fill("与已有记录重复");
  await second.getByRole("button", { name: "不予采纳" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toHaveText(CONFLICT);
  await expect(reason).toHaveValue("与已有记录重复");
  await second.reload();
  await expect(second.getByTestId("note-status")).toContainText("已采纳");
});

test("bulk return needs a reason, keeps the ticks when refused, and then applies", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const admin = await pageAs(browser, "admin", "/admin/notes?status=submitted");
  const box = admin.getByRole("checkbox", { name: `选择「${SILK_ROAD}」` });
  await box.check();
  await admin.getByLabel("处理方式").selectOption({ label: "退回修改" });
  await admin.getByRole("button", { name: "批量处理" }).click();
  await expect(admin.getByRole("main").getByRole("alert")).toContainText("请填写理由");
  await expect(box).toBeChecked();
  await expectNoAxeViolations(admin);

  await admin.getByLabel("插入模板").first().selectOption({ label: "退回：请补充具体情况" });
  await admin.getByRole("button", { name: "插入" }).click();
  await expect(admin.getByLabel(/理由（退回、不予采纳时必填/)).toHaveValue(
    /请补充走访的时间、地点/,
  );
  await expect(box).toBeChecked();
  await admin.getByRole("button", { name: "批量处理" }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "已处理 1 条。" }),
  ).toBeVisible();
  await expect(admin.getByRole("link", { name: SILK_ROAD })).toHaveCount(0);
});

test("the dashboard flags overdue transfers; departments, research, proposals and duty records work", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const admin = await pageAs(browser, "admin", "/admin");
  const overdue = admin.getByRole("region", { name: "超期未答复的转办" });
  await expect(overdue.getByRole("link", { name: SUBSIDY })).toBeVisible();
  await expect(overdue).toContainText("区卫生健康局");
  await expectNoAxeViolations(admin);

  await admin.goto("/admin/departments");
  const row = admin.getByRole("row", { name: /区卫生健康局/ });
  await expect(row).toBeVisible();
  const create = admin.getByRole("region", { name: "新增部门" });
  await create.getByLabel("联系人及电话").fill("办公室 0573-8000 1200");
  await create.getByRole("button", { name: "新增部门" }).click();
  await expect(admin.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(create.getByLabel("部门名称")).toHaveAttribute("aria-invalid", "true");
  await expect(create.getByLabel("联系人及电话")).toHaveValue("办公室 0573-8000 1200");
  await create.getByLabel("部门名称").fill("区文化广电旅游体育局");
  await create.getByRole("button", { name: "新增部门" }).click();
  await expect(admin.getByRole("link", { name: "区文化广电旅游体育局" })).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.goto("/admin/research");
  await admin.getByRole("link", { name: "生育友好型社会建设调研" }).click();
  await expect(admin.getByRole("link", { name: SUBSIDY })).toBeVisible();
  // The report is written in the rich-text editor (a heading, a bold phrase).
  const report = admin.getByRole("textbox", { name: "调研报告" });
  await report.click();
  await report.press("Control+a");
  await report.press("Delete");
  await admin.getByRole("button", { name: "小标题" }).click();
  await report.pressSequentially("结论");
  await report.press("Enter");
  await report.pressSequentially("推进");
  await admin.getByRole("button", { name: "加粗" }).click();
  await report.pressSequentially("一件事");
  await admin.getByRole("button", { name: "加粗" }).click();
  await report.pressSequentially("联办。");
  await admin.getByRole("button", { name: "报告预览" }).click();
  const preview = admin.getByRole("region", { name: "报告预览" });
  await expect(preview.locator("strong", { hasText: "一件事" })).toBeVisible();
  await admin.getByLabel("专家阅评", { exact: true }).selectOption({ label: "已阅评" });
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "已保存。" }),
  ).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.getByRole("link", { name: "汇编（打印）" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("重点课题调研报告汇编");
  await expect(admin.getByRole("heading", { name: "结论" })).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.goto("/admin/proposals");
  await expect(admin.getByRole("link", { name: /生育支持政策/ })).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.goto("/admin/duty");
  await admin.getByRole("link", { name: "查看李慧的履职档案" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("李慧");
  await expect(admin.getByRole("definition").first()).toContainText("2");
  await expectNoAxeViolations(admin);

  // A member reaches their duty record from the member area's navigation.
  const member = await pageAs(browser, "member2", "/member");
  await member
    .getByRole("navigation", { name: "委员中心导航" })
    .getByRole("link", { name: "履职档案" })
    .click();
  await expect(member).toHaveURL(/\/member\/duty/);
  await expect(member.getByRole("heading", { level: 1 })).toContainText("我的");
  await expect(member.getByText("生育友好型社会建设调研")).toBeVisible();
  await expectNoAxeViolations(member);
});

test("members and signed-out visitors never reach the console", async ({ page, browser }) => {
  // Signed out: to the login page, which will bring them back to the page they asked for.
  await page.goto("/admin/research/compilation?year=2026");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fresearch%2Fcompilation%3Fyear%3D2026/);
  const member = await pageAs(browser, "member1", "/member");
  for (const path of ["/admin", "/admin/notes", "/admin/departments", "/admin/research"]) {
    await member.goto(path);
    await expect(member.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
  // And a member's duty record is theirs alone.
  await member.goto("/member/duty");
  await expect(member.getByRole("heading", { level: 1 })).toContainText("我的");
  await expect(member.getByText("生育友好型社会建设调研")).toHaveCount(0);
});
