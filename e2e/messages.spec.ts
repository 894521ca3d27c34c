import type { Browser, Page } from "@playwright/test";
import { demoPassword, signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { mailTo, waitForMail } from "./mail-sink";

/*
 * The message centre (站内信) after staff act on a member's notes: member1 files two notes
 * in 新城街道 (the demo editor's liaison office); the editor sees them in their own centre
 * and returns one with a reason; the admin accepts and transfers the other. The member sees
 * the unread count in the header and on the dashboard, reads the reason, and follows the
 * link to the note, without JavaScript too. Each change of a note also reaches its author by
 * e-mail: member1 gives an address on the profile (通知方式) first, and every change arrives
 * in the run's SMTP server (e2e/mail-sink.ts), titled as in the centre, with the reason and
 * the note's link on the site; the address is cleared again at the end (other specs read
 * member1's notifications, never its address). Screenshots at phone and desktop widths, in
 * normal and elder mode, go to test-results/ to be looked at.
 */

// Two staff logins with TOTP, two notes, the moves and their mail: more than the default.
test.describe.configure({ timeout: 240_000 });

const REASON = "请补充走访的具体时间、人数和群众的原话";

async function contextPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; elder?: boolean; width?: number } = {},
) {
  const baseURL = test.info().project.use.baseURL as string;
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1366, height: 900 },
  });
  if (options.elder) {
    await context.addCookies([{ name: "lvzhi_elder", value: "1", url: baseURL }]);
  }
  return context.newPage();
}

async function fileNote(page: Page, title: string): Promise<string> {
  await page.goto("/member/notes/new");
  await page.getByLabel(/^标题/).fill(title);
  await page.getByLabel(/^镇街/).selectOption({ label: "新城街道" });
  await page.getByLabel(/^具体地点/).fill("新城社区服务中心");
  await page
    .getByLabel(/^所见所闻/)
    .fill("走访新城街道两个小区，居民反映晚上小区门口路灯不亮，老人出门散步很不安全。");
  await page.getByLabel(/^意见建议/).fill("建议街道尽快排查维修，并建立路灯巡查制度。");
  await page.getByLabel(/^走访对象/).fill("小区物业和十几位居民");
  await page.getByLabel("民生服务堵点").check();
  await page.getByRole("button", { name: /^(提交记录|重新提交)$/ }).click();
  await expect(page).toHaveURL(/\/member\/notes\/\d+\?submitted=1$/);
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/** The member's e-mail address on the profile (通知方式, with the password); "" takes it away. */
async function setEmail(page: Page, address: string) {
  await page.goto("/member/profile");
  const channels = page.getByRole("region", { name: "通知方式" });
  await channels.getByLabel("电子邮箱").fill(address);
  if (address) await expect(channels.getByLabel("通过电子邮件通知我")).toBeChecked();
  await channels.getByLabel("当前密码").fill(demoPassword());
  await channels.getByRole("button", { name: "保存通知方式" }).click();
  await expect(channels.getByRole("status")).toHaveText("通知方式已保存。");
  await page.reload();
  await expect(page.getByRole("region", { name: "通知方式" }).getByLabel("电子邮箱")).toHaveValue(
    address,
  );
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("staff moves reach the member's message centre; staff see submissions in theirs", async ({
  browser,
  expectNoAxeViolations,
}) => {
  const stamp = Date.now().toString(36);
  const returned = `路灯不亮夜间出行难${stamp}`;
  const accepted = `小区门口缺少无障碍坡道${stamp}`;

  const site = test.info().project.use.baseURL as string;
  const address = `member1-notes-${stamp}@example.org`;

  const member = await contextPage(browser);
  await signInAs(member, "member1", { next: "/member/profile" });
  await setEmail(member, address);
  const returnedId = await fileNote(member, returned);
  const acceptedId = await fileNote(member, accepted);

  // The editor's own centre: both submissions, with the way to each note.
  const editor = await contextPage(browser);
  await signInAs(editor, "editor", { next: "/admin/messages" });
  await expect(editor.getByRole("heading", { level: 1, name: "消息中心" })).toBeVisible();
  const banner = editor.getByRole("banner");
  await expect(banner.getByRole("link", { name: /^消息/ })).toHaveAccessibleName(/\d+条未读/);
  const submitted = editor.getByRole("listitem").filter({
    has: editor.getByRole("heading", { name: `新的走访记录待审核：《${returned}》` }),
  });
  await expect(submitted).toContainText("张明华委员提交了这条走访记录");
  await expect(submitted).toContainText("未读");
  await expectNoAxeViolations(editor);
  await submitted.getByRole("button", { name: /^查看详情/ }).click();
  await expect(editor).toHaveURL(new RegExp(`/admin/notes/${returnedId}$`));
  await editor.getByLabel("理由（委员可见）").fill(REASON);
  await editor.getByRole("button", { name: "退回修改" }).click();
  await expect(editor.getByTestId("note-status")).toContainText("退回");

  // The admin accepts the other one and transfers it.
  const admin = await contextPage(browser);
  await signInAs(admin, "admin", { next: `/admin/notes/${acceptedId}` });
  await admin.getByRole("button", { name: "采纳", exact: true }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "已采纳。" }),
  ).toBeVisible();
  await admin.getByLabel("区综合行政执法局").check();
  await admin.getByRole("button", { name: "转办", exact: true }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "已转办职能部门。" }),
  ).toBeVisible();

  // The member: the count in the header and on the dashboard.
  await member.goto("/member");
  const header = member.getByRole("banner");
  const link = header.getByRole("link", { name: /^消息/ });
  await expect(link).toHaveAccessibleName(/\d+条未读/);
  const unread = Number(await link.getByTestId("unread-count").textContent());
  expect(unread).toBeGreaterThanOrEqual(3);
  await expect(member.getByRole("main")).toContainText(`您有${unread}条未读消息`);
  await link.click();
  await expect(member).toHaveURL(/\/member\/messages$/);
  const item = (title: string) =>
    member.getByRole("listitem").filter({ has: member.getByRole("heading", { name: title }) });
  await expect(item(`您的走访记录《${returned}》被退回修改`)).toContainText(`原因：${REASON}`);
  await expect(item(`您的走访记录《${accepted}》已被采纳`)).toBeVisible();
  await expect(item(`您的走访记录《${accepted}》已转交区综合行政执法局办理`)).toContainText(
    "要求在",
  );
  await expectNoAxeViolations(member);

  // The same three changes by e-mail, in the test's SMTP server: the centre's title as the
  // subject, the reason, and the way to the note on the site.
  const mailed = (title: string) => waitForMail(address, (m) => m.subject === title, 30_000);
  const returnedMail = await mailed(`您的走访记录《${returned}》被退回修改`);
  expect(returnedMail.text).toContain(`原因：${REASON}`);
  expect(returnedMail.text).toContain(`${site}/member/notes/${returnedId}`);
  expect(returnedMail.html).toContain(`href="${site}/member/notes/${returnedId}"`);
  const acceptedMail = await mailed(`您的走访记录《${accepted}》已被采纳`);
  expect(acceptedMail.text).toContain(`${site}/member/notes/${acceptedId}`);
  const transferredMail = await mailed(`您的走访记录《${accepted}》已转交区综合行政执法局办理`);
  expect(transferredMail.text).toContain("要求在");
  expect(transferredMail.text).toContain(`${site}/member/notes/${acceptedId}`);
  expect(transferredMail.html).toContain(`href="${site}/member/notes/${acceptedId}"`);
  // Once each: no change of these notes is mailed twice.
  const subjects = (await mailTo(address))
    .map((m) => m.subject)
    .filter((subject) => subject.includes(stamp));
  expect(subjects.sort()).toEqual(
    [returnedMail.subject, acceptedMail.subject, transferredMail.subject].sort(),
  );

  // Screenshots of both centres: phone and desktop, normal and elder mode.
  for (const elder of [false, true]) {
    for (const width of [390, 1366]) {
      const view = await contextPage(browser, { elder, width });
      await view.context().addCookies(await member.context().cookies());
      await view.goto("/member/messages");
      await expect(view.getByRole("heading", { level: 1, name: "消息中心" })).toBeVisible();
      await shoot(view, `member-messages-${width}${elder ? "-elder" : ""}`);
      const staffView = await contextPage(browser, { elder, width });
      await staffView.context().addCookies(await editor.context().cookies());
      await staffView.goto("/admin/messages");
      await expect(staffView.getByRole("heading", { level: 1, name: "消息中心" })).toBeVisible();
      await shoot(staffView, `staff-messages-${width}${elder ? "-elder" : ""}`);
      if (elder && width === 390) await expectNoAxeViolations(view);
      await view.context().close();
      await staffView.context().close();
    }
  }

  // Without JavaScript: open the returned note's message; it is read and leads to the note.
  const plain = await contextPage(browser, { javaScriptEnabled: false, width: 390 });
  await plain.context().addCookies(await member.context().cookies());
  await plain.goto("/member/messages");
  const message = plain.getByRole("listitem").filter({
    has: plain.getByRole("heading", { name: `您的走访记录《${returned}》被退回修改` }),
  });
  await message.getByRole("button", { name: /^查看详情/ }).click();
  await expect(plain).toHaveURL(new RegExp(`/member/notes/${returnedId}$`));
  await expect(plain.getByRole("main")).toContainText(REASON);
  await plain.goto("/member/messages");
  await expect(message).toContainText("已读");
  await expect(message.getByRole("button", { name: /^标为已读/ })).toHaveCount(0);
  const after = Number(await plain.getByRole("banner").getByTestId("unread-count").textContent());
  expect(after).toBe(unread - 1);

  // Mark all read: the count leaves the header.
  await plain.getByRole("button", { name: "全部标为已读" }).click();
  await expect(plain.getByRole("status")).toContainText(`已将${after}条消息标为已读`);
  await expect(plain.getByRole("banner").getByTestId("unread-count")).toHaveCount(0);

  // The editor's centre still holds the other submission, unread: each centre is its own.
  await editor.goto("/admin/messages");
  await expect(
    editor.getByRole("listitem").filter({
      has: editor.getByRole("heading", { name: `新的走访记录待审核：《${accepted}》` }),
    }),
  ).toContainText("未读");

  // member1's address taken away again, as it was.
  await setEmail(member, "");
});
