import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { authMessages } from "../lib/messages/auth";
import {
  enrolTotp,
  inviteUser,
  nextCode,
  passTotp,
  readShownSecret,
  runUserCli,
  signIn,
} from "./auth-helpers";
import { expect, test } from "./fixtures";

/** The one answer to a wrong password, an unknown name or a locked account. */
const WRONG_PASSWORD = authMessages.login.errors.invalid;

/**
 * Accounts and logins, on the "postgres" project: a server on a real PostgreSQL database,
 * so that these tests can run the account command line (scripts/user-invite.ts) while the
 * server runs, as an administrator would.
 */

const PASSWORD = "Lotus pond by the South Lake";
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${randomInt(100, 999)}`;

/** Every test speaks from its own address, so the per-IP login limit stays out of the way. */
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` });
});

/** Invites a member, sets the password through the invitation page; returns the username. */
async function newMember(page: Page, baseURL: string): Promise<string> {
  const username = unique("m");
  const link = inviteUser(baseURL, { username, name: "王晓梅", role: "member" });
  await page.goto(link);
  // The page has read the token from the link's fragment and asked who it is for.
  await expect(page.getByText(`请为账号 ${username} 设置登录密码`)).toBeVisible();
  await page.getByLabel("新密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("再次输入新密码").fill(PASSWORD);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByText("密码设置成功，请用新密码登录。")).toBeVisible();
  return username;
}

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名或手机号").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function newPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` },
  });
  return context.newPage();
}

test.describe("invitations without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 90_000 });

  test("the link pasted into the form sets the password; the old /invite/<token> address is a 404 that does not repeat it", async ({
    page,
    baseURL,
  }) => {
    const base = baseURL ?? "";
    const username = unique("nj");
    const link = inviteUser(base, { username, name: "李无脚本", role: "member" });
    const token = link.slice(link.indexOf("#") + 1);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));

    // The older form of link: 404, the way to go on, the token neither looked up nor echoed.
    const old = await page.goto(`/invite/${token}`);
    expect(old?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "请使用新的邀请页面" })).toBeVisible();
    expect(await old?.text()).not.toContain(token);

    // Without JavaScript the fragment is not read: the link is pasted into the form.
    await page.goto(link);
    const pasted = page.getByRole("textbox", { name: "邀请链接" });
    await pasted.fill(`${base}/invite#${"x".repeat(43)}`);
    await page.getByLabel("新密码", { exact: true }).fill(PASSWORD);
    await page.getByLabel("再次输入新密码").fill(PASSWORD);
    await page.getByRole("button", { name: "设置密码" }).click();
    await expect(page.getByRole("main").getByRole("alert").first()).toContainText(
      "该链接已经使用过、已过期或不存在",
    );
    await expect(pasted).toHaveValue(`${base}/invite#${"x".repeat(43)}`);
    await pasted.fill(`${base}${link}`);
    await page.getByLabel("新密码", { exact: true }).fill(PASSWORD);
    await page.getByLabel("再次输入新密码").fill(PASSWORD);
    await page.getByRole("button", { name: "设置密码" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password_set$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "密码设置成功，请用新密码登录。",
    );

    // Only the old address carried the token (asked for on purpose above).
    const lines = requested.map((url) => {
      const { pathname, search } = new URL(url);
      return decodeURIComponent(pathname + search);
    });
    expect(lines.filter((line) => line.includes(token))).toEqual([`/invite/${token}`]);
  });
});

test.describe("accounts and logins", () => {
  // Long walks through several pages, each with the account CLI (a tsx start) in between.
  test.describe.configure({ timeout: 90_000 });

  test("invitation, password, an editor's TOTP enrolment and logins, logging out", async ({
    page,
    browser,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const base = baseURL ?? "";
    const username = unique("ed");
    const link = inviteUser(base, {
      username,
      name: "周编辑",
      role: "editor",
      extra: ["--organisation", "xincheng-jiedao-lianluoshi"],
    });

    // The invitation: a weak password is refused with a clear message, then one is set.
    // The token is in the link's fragment: it must reach no request line (path or query).
    const token = link.slice(link.indexOf("#") + 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "设置登录密码" })).toBeVisible();
    await expect(page.getByText(`请为账号 ${username} 设置登录密码`)).toBeVisible();
    await expectNoAxeViolations();
    await page.getByLabel("新密码", { exact: true }).fill("1234567890");
    await page.getByLabel("再次输入新密码").fill("1234567890");
    await page.getByRole("button", { name: "设置密码" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("常见密码");
    await page.getByLabel("新密码", { exact: true }).fill(PASSWORD);
    await page.getByLabel("再次输入新密码").fill(`${PASSWORD}!`);
    await page.getByRole("button", { name: "设置密码" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("两次输入的新密码不一致");
    await page.getByLabel("新密码", { exact: true }).fill(PASSWORD);
    await page.getByLabel("再次输入新密码").fill(PASSWORD);
    await page.getByRole("button", { name: "设置密码" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password_set$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "密码设置成功，请用新密码登录。",
    );
    await expectNoAxeViolations();

    // The link works once.
    await page.goto(link);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "该链接已经使用过、已过期或不存在",
    );
    expect(requested.length).toBeGreaterThan(0);
    for (const url of requested) {
      const { pathname, search } = new URL(url);
      expect(decodeURIComponent(pathname + search), url).not.toContain(token);
    }

    // First login of an editor: the password, then TOTP enrolment before any session.
    await page.goto("/login?next=/member/profile");
    await fillLogin(page, username, PASSWORD);
    await expect(page).toHaveURL(/\/login\/enrol$/);
    await expect(page.getByRole("heading", { level: 1, name: "设置两步验证" })).toBeVisible();
    await expect(page.getByRole("img", { name: /两步验证二维码/ })).toBeVisible();
    await expectNoAxeViolations();
    // Not signed in yet: the member area sends to the login page.
    const other = await page.context().newPage();
    await other.goto("/member/profile");
    await expect(other).toHaveURL(/\/login\?next=%2Fmember%2Fprofile$/);
    await other.close();

    await page.getByLabel("应用显示的 6 位验证码").fill("000000");
    await page.getByRole("button", { name: "确认开启" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("验证码不正确");
    const recoveryCodes = await enrolTotp(page, username);
    expect(recoveryCodes).toHaveLength(10);
    await expect(page).toHaveURL(/\/member\/profile$/);
    await expect(page.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();
    await expect(page.getByText("管理员和编辑账号必须开启两步验证，不能关闭。")).toBeVisible();
    await expect(page.getByRole("button", { name: "关闭两步验证" })).toHaveCount(0);
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: /我的履职\s*周编辑/ })).toBeVisible();

    // The session cookie: HttpOnly, SameSite=Lax (not Secure: this test site is plain HTTP).
    const session = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");

    // Log out from the header.
    await header.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login\?notice=signed_out$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("您已安全退出。");
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
    await page.goto("/member/profile");
    await expect(page).toHaveURL(/\/login\?next=/);
    // A copy of the session cookie taken before "退出" (another tab, a thief) is dead too.
    const elsewhere = await browser.newContext();
    if (session) await elsewhere.addCookies([session]);
    const copy = await elsewhere.newPage();
    await copy.goto("/member/profile");
    await expect(copy).toHaveURL(/\/login\?next=/);
    await elsewhere.close();

    // The next login asks for a code: a wrong one is refused, the app's code passes.
    await fillLogin(page, username, PASSWORD);
    await expect(page).toHaveURL(/\/login\/verify$/);
    await expect(page.getByRole("heading", { level: 1, name: "两步验证" })).toBeVisible();
    await expectNoAxeViolations();
    await page.getByLabel("验证码", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("验证码不正确或已使用过");
    await passTotp(page, username);
    await expect(page).toHaveURL(/\/member\/profile$/);
    await expectNoAxeViolations();

    // A recovery code stands in for a lost phone, once.
    await page.context().clearCookies();
    await page.goto("/login?next=/member/profile");
    await fillLogin(page, username, PASSWORD);
    await page.getByLabel("验证码", { exact: true }).fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page).toHaveURL(/\/member\/profile$/);
    await expect(page.getByText("剩余恢复码：9 个")).toBeVisible();
  });

  test("five wrong passwords lock the account; the right one is then refused too", async ({
    page,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const username = await newMember(page, baseURL ?? "");
    await page.goto("/login");
    for (let i = 1; i <= 4; i++) {
      await fillLogin(page, username, `wrong password ${i}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
      // A fresh page each time: the message must come from this attempt.
      await page.goto("/login");
    }
    // The fifth locks the account, and answers like the four before it (no oracle).
    await fillLogin(page, username, "wrong password 5");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
    await expectNoAxeViolations();

    await page.goto("/login");
    await fillLogin(page, username, PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/member/profile");
    await expect(page).toHaveURL(/\/login\?next=/);

    // A name that is no account gets the very same answers, the sixth time too.
    const nobody = unique("nobody");
    for (let i = 1; i <= 6; i++) {
      await page.goto("/login");
      await fillLogin(page, nobody, `wrong password ${i}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
    }
  });

  test("a disabled account's open session fails on its next request", async ({ page, baseURL }) => {
    const username = await newMember(page, baseURL ?? "");
    await signIn(page, username, PASSWORD, { next: "/member/profile" });
    await expect(page.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();

    expect(runUserCli(baseURL ?? "", ["disable", username])).toContain("已停用");
    await page.reload();
    await expect(page).toHaveURL(/\/login\?next=%2Fmember%2Fprofile$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
    // And it cannot log in again, with the same message as any wrong password.
    await fillLogin(page, username, PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);

    runUserCli(baseURL ?? "", ["enable", username]);
    await signIn(page, username, PASSWORD, { next: "/member/profile" });
    await expect(page.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();
  });

  test("changing the password asks for the current one and ends every session", async ({
    page,
    browser,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const base = baseURL ?? "";
    const username = await newMember(page, base);
    await signIn(page, username, PASSWORD, { next: "/member/profile" });
    const elsewhere = await newPage(browser, base);
    await signIn(elsewhere, username, PASSWORD, { next: "/member/profile" });
    await expectNoAxeViolations();

    const form = page.getByRole("region", { name: "修改密码" });
    const newPassword = "Plum blossoms after the snow";
    await form.getByLabel("当前密码").fill("not my password");
    await form.getByLabel("新密码", { exact: true }).fill(newPassword);
    await form.getByLabel("再次输入新密码").fill(newPassword);
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByRole("alert")).toHaveText("当前密码不正确");

    await form.getByLabel("当前密码").fill(PASSWORD);
    await form.getByLabel("新密码", { exact: true }).fill(`${username}-garden`);
    await form.getByLabel("再次输入新密码").fill(`${username}-garden`);
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByRole("alert")).toHaveText("密码不能包含用户名或手机号");

    await form.getByLabel("当前密码").fill(PASSWORD);
    await form.getByLabel("新密码", { exact: true }).fill(newPassword);
    await form.getByLabel("再次输入新密码").fill(newPassword);
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password_changed$/);
    await expect(page.getByRole("main").getByRole("status")).toContainText("密码已修改");

    // The other browser's session ended too.
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/login\?next=/);
    await elsewhere.context().close();

    await fillLogin(page, username, PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
    await signIn(page, username, newPassword, { next: "/member/profile" });
    await expect(page.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();
  });

  test("“退出所有设备” ends the sessions of every browser", async ({ page, browser, baseURL }) => {
    const base = baseURL ?? "";
    const username = await newMember(page, base);
    await signIn(page, username, PASSWORD, { next: "/member/profile" });
    const elsewhere = await newPage(browser, base);
    await signIn(elsewhere, username, PASSWORD, { next: "/member/profile" });

    await page.getByRole("button", { name: "退出所有设备" }).click();
    await expect(page).toHaveURL(/\/login\?notice=logged_out_all$/);
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/login\?next=/);
    await elsewhere.context().close();
  });

  test("a member turns TOTP on, replaces it and turns it off, proving who they are each time", async ({
    page,
    browser,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const base = baseURL ?? "";
    const username = await newMember(page, base);
    await signIn(page, username, PASSWORD, { next: "/member/profile" });
    await expect(page.getByText("未开启。")).toBeVisible();
    await page.getByRole("button", { name: "开启两步验证" }).click();
    await expect(page).toHaveURL(/\/member\/profile\/totp$/);
    await expectNoAxeViolations();
    const secret = await readShownSecret(page);
    // A session alone turns nothing on: the password first.
    await page.getByLabel("应用显示的 6 位验证码").fill("000000");
    await page.getByRole("button", { name: "确认开启" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("请输入当前密码");
    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("应用显示的 6 位验证码").fill(await nextCode(page, username, secret));
    await page.getByRole("button", { name: "确认开启" }).click();
    const firstCodes = page.getByRole("list", { name: "恢复码" }).getByRole("listitem");
    await expect(firstCodes).toHaveCount(10);
    const recoveryCodes = await firstCodes.allTextContents();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "两步验证已开启，其他设备均已退出登录。",
    );
    await expectNoAxeViolations();
    await page.getByRole("link", { name: "完成，返回账号与安全" }).click();
    await expect(page.getByText("已开启。登录时需要输入身份验证器应用中的验证码。")).toBeVisible();

    // Another browser signed in with the second factor; then this one replaces it.
    const elsewhere = await newPage(browser, base);
    await signIn(elsewhere, username, PASSWORD, { next: "/member/profile" });
    await page.getByRole("button", { name: "更换手机或重新设置" }).click();
    await expect(page).toHaveURL(/\/member\/profile\/totp$/);
    const second = await readShownSecret(page);
    const replace = async (oldCode: string) => {
      await page.getByLabel("当前密码").fill(PASSWORD);
      await page.getByLabel("原验证器显示的验证码或恢复码").fill(oldCode);
      await page.getByLabel("应用显示的 6 位验证码").fill(await nextCode(page, username, second));
      await page.getByRole("button", { name: "确认开启" }).click();
    };
    // The password alone (the finding: a session was enough) is refused; nothing changes.
    await replace("");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "请输入验证器显示的验证码，或一个未用过的恢复码",
    );
    await expect(page.getByTestId("totp-secret")).toBeVisible();
    await elsewhere.reload();
    await expect(elsewhere.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();
    // With the old authenticator's recovery code (a lost phone), it is replaced.
    await replace(recoveryCodes[0] ?? "");
    const newCodes = page.getByRole("list", { name: "恢复码" }).getByRole("listitem");
    await expect(newCodes).toHaveCount(10);
    const newRecoveryCodes = await newCodes.allTextContents();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "两步验证已更换，原验证器和原恢复码已失效，其他设备均已退出登录。",
    );
    // The other browser is out; this one goes on, and its account page says what happened.
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/login\?next=/);
    await elsewhere.context().close();
    await page.getByRole("link", { name: "完成，返回账号与安全" }).click();
    await expect(page.getByText("剩余恢复码：10 个")).toBeVisible();
    const events = page.getByRole("region", { name: "最近的安全记录" });
    await expect(events.getByText("开启或更换了两步验证，其他设备已退出")).toHaveCount(2);
    await expectNoAxeViolations();

    // Turning off: the password and a code (here a recovery code of the new set).
    const off = page.getByRole("region", { name: "两步验证" });
    await off.getByLabel("当前密码").fill(PASSWORD);
    await off.getByRole("button", { name: "关闭两步验证" }).click();
    await expect(off.getByRole("alert")).toHaveText(
      "请输入验证器显示的验证码，或一个未用过的恢复码",
    );
    await off.getByLabel("当前密码").fill(PASSWORD);
    await off.getByLabel("验证器显示的验证码或恢复码").fill(newRecoveryCodes[0] ?? "");
    await off.getByRole("button", { name: "关闭两步验证" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "两步验证已关闭，其他设备均已退出登录。",
    );
    await expect(page.getByText("未开启。")).toBeVisible();
    await expect(events.getByText("关闭了两步验证，其他设备已退出")).toBeVisible();
  });

  test("Auth.js's own endpoints are switched off: /login and 退出 are the only ways in and out", async ({
    page,
    baseURL,
  }) => {
    const username = await newMember(page, baseURL ?? "");
    await signIn(page, username, PASSWORD, { next: "/member/profile" });
    const endpoints = [
      "session",
      "csrf",
      "providers",
      "signin",
      "signin/credentials",
      "signout",
      "callback/credentials",
      "error",
    ];
    const probe = async () => {
      for (const path of endpoints) {
        for (const method of ["GET", "POST"] as const) {
          const response = await page.request.fetch(`/api/auth/${path}`, {
            method,
            maxRedirects: 0,
            ...(method === "POST" ? { form: { callbackUrl: "/member" } } : {}),
          });
          expect(response.status(), `${method} /api/auth/${path}`).toBe(404);
          // No cookie refreshed or deleted, and no redirect (to http://0.0.0.0:PORT or anywhere).
          expect(response.headers()["set-cookie"], `${method} /api/auth/${path}`).toBeUndefined();
          expect(response.headers().location, `${method} /api/auth/${path}`).toBeUndefined();
        }
      }
    };
    await probe();
    // Nothing there signed this browser out: the session is still good.
    await page.goto("/member/profile");
    await expect(page.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();

    // After 退出, the ended session's copy gets no answer there either.
    const copy = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
    await page.getByRole("banner").getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login\?notice=signed_out$/);
    await page.context().addCookies(copy);
    await probe();
  });

  test("logging in works without JavaScript and only redirects within the site", async ({
    browser,
    baseURL,
  }) => {
    const base = baseURL ?? "";
    const setup = await newPage(browser, base);
    const username = await newMember(setup, base);
    await setup.context().close();

    const context = await browser.newContext({
      baseURL: base,
      javaScriptEnabled: false,
      extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` },
    });
    const page = await context.newPage();
    await page.goto("/login?next=//evil.example/steal");
    await fillLogin(page, username, "wrong password!");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_PASSWORD);
    await expect(page.getByLabel("用户名或手机号")).toHaveValue(username);
    await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");
    await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    // The foreign "next" was dropped: a member lands in the member area of this site.
    await expect(page).toHaveURL(new RegExp(`^${base}/member$`));
    await page.goto("/member/profile");
    await expect(page.getByRole("heading", { level: 1, name: "账号与安全" })).toBeVisible();
    await page.getByRole("banner").getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login\?notice=signed_out$/);
    await context.close();
  });
});
