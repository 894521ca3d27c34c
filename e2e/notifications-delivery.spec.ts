import { demoPassword, signIn, signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { mailTo, waitForMail } from "./mail-sink";

/**
 * Notifications leave the site: a member gives an e-mail address on the account page
 * (with the current password: security mail goes there), changes the password (a
 * security event), and the mail arrives in the run's SMTP server
 * (playwright.config.ts starts it; e2e/mail-sink.ts reads it) within seconds, sent by the
 * server's own delivery worker. The administrators' page of failed and waiting deliveries
 * is the system administrator's alone.
 */

const NEW_PASSWORD = "Quiet rivers under plum trees";

test.describe("notifications by e-mail", () => {
  test("a member's password change reaches their mailbox", async ({ page, baseURL }) => {
    // Three logins and two password changes (each hashed with argon2).
    test.setTimeout(150_000);
    const address = `member2-${Date.now()}@example.org`;
    await signInAs(page, "member2", { next: "/member/profile" });
    const channels = page.getByRole("region", { name: "通知方式" });
    const email = channels.getByLabel("电子邮箱");

    // Bad input: a Chinese message at the field, what was typed kept, nothing saved.
    await email.fill("member2@");
    await channels.getByRole("button", { name: "保存通知方式" }).click();
    await expect(channels.getByRole("alert")).toHaveText("提交的内容有误，请按提示修改。");
    await expect(
      channels.getByText("请填写有效的电子邮箱地址，例如 name@example.org。"),
    ).toBeVisible();
    await expect(email).toHaveValue("member2@");
    await page.reload();
    await expect(page.getByRole("region", { name: "通知方式" }).getByLabel("电子邮箱")).toHaveValue(
      "",
    );

    // Security mail goes to this address: a change takes the current password. A wrong
    // one: the message at the field, the address kept, nothing saved.
    await email.fill(address);
    await expect(channels.getByLabel("通过电子邮件通知我")).toBeChecked();
    const current = channels.getByLabel("当前密码");
    await current.fill("not the password");
    await channels.getByRole("button", { name: "保存通知方式" }).click();
    await expect(channels.getByRole("alert")).toHaveText("当前密码不正确");
    await expect(current).toHaveAccessibleDescription(/当前密码不正确/);
    await expect(email).toHaveValue(address);
    await page.reload();
    await expect(email).toHaveValue("");

    await email.fill(address);
    await current.fill(demoPassword());
    await channels.getByRole("button", { name: "保存通知方式" }).click();
    await expect(channels.getByRole("status")).toHaveText("通知方式已保存。");
    await page.reload();
    await expect(email).toHaveValue(address);

    const password = page.getByRole("region", { name: "修改密码" });
    await password.getByLabel("当前密码").fill(demoPassword());
    await password.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await password.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
    const changedAt = Date.now();
    await password.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password_changed$/);

    const mail = await waitForMail(address, (m) => m.subject === "账号安全提醒：修改了密码");
    // Sent by the server's worker, woken by the new notification: within seconds.
    expect(Date.parse(mail.at) - changedAt).toBeLessThan(8_000);
    expect(mail.from).toContain("noreply@lvzhi.example.org");
    expect(mail.text).toContain("如果这不是您本人");
    expect(mail.text).toContain(`${baseURL}/member/profile`);
    expect(mail.html).toContain(`href="${baseURL}/member/profile"`);
    expect(mail.messageId).toMatch(/^<notification\.[0-9a-f]{40}@127\.0\.0\.1>$/);

    // Put the demo password back for the other specs: a second event, a second mail.
    await signIn(page, "member2", NEW_PASSWORD, { next: "/member/profile" });
    await password.getByLabel("当前密码").fill(NEW_PASSWORD);
    await password.getByLabel("新密码", { exact: true }).fill(demoPassword());
    await password.getByLabel("再次输入新密码").fill(demoPassword());
    await password.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password_changed$/);
    await expect.poll(async () => (await mailTo(address)).length, { timeout: 15_000 }).toBe(2);
    const ids = (await mailTo(address)).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(2);

    // Pointing the mail elsewhere is told to the address it leaves, not to the new one.
    const elsewhere = `elsewhere-${Date.now()}@example.org`;
    await signInAs(page, "member2", { next: "/member/profile" });
    await email.fill(elsewhere);
    await current.fill(demoPassword());
    await channels.getByRole("button", { name: "保存通知方式" }).click();
    await expect(channels.getByRole("status")).toHaveText("通知方式已保存。");
    const notice = await waitForMail(
      address,
      (m) => m.subject === "账号安全提醒：修改了通知方式（电子邮箱或短信）",
    );
    expect(notice.text).toContain("如果这不是您本人");
    expect(await mailTo(elsewhere)).toEqual([]);
  });

  test("the deliveries page is the system administrator's", async ({ page, browser, baseURL }) => {
    await signInAs(page, "admin", { next: "/admin/notifications" });
    await expect(page.getByRole("heading", { level: 1, name: "通知发送" })).toBeVisible();
    await expect(page.getByRole("link", { name: "发送失败" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByRole("link", { name: "通知发送", exact: true })).toBeVisible();

    const context = await browser.newContext({ baseURL });
    const member = await context.newPage();
    await signInAs(member, "member1");
    const response = await member.goto("/admin/notifications");
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
