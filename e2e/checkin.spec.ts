import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { localInput } from "./local-time";

/**
 * Check-in by QR on a phone (390 px): a registrant's confirmation carries a QR that a
 * decoder reads back as the code; staff at the door scan it with the camera (Chromium's
 * fake camera, fed a video made here from that QR) and the registrant is checked in once,
 * a second scan saying when; a waitlisted code is refused; a member opens the event's own
 * rotating QR (which only checks it), taps 确认签到 (a plain form, no JavaScript needed)
 * and the event shows in their duty record. Screenshots at 390 px, normal and
 * elder mode, for a person to look at.
 *
 * The spec launches its own Chromium: the fake-camera flags are browser-wide, and the
 * video file must exist before the camera opens (it is written once the QR is known).
 */

const phone = { width: 390, height: 844 };
const stamp = Date.now().toString(36).slice(-5);
const shot = (name: string) => `${test.info().project.outputDir}/screenshots/checkin-${name}.png`;

let browser: Browser;
let videoFile: string;

test.beforeAll(async () => {
  const info = test.info();
  const dir = path.join(info.project.outputDir, "fake-camera");
  mkdirSync(dir, { recursive: true });
  videoFile = path.join(dir, `qr-${stamp}.y4m`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

async function phoneContext(baseURL: string, options: { camera?: boolean } = {}) {
  return browser.newContext({
    baseURL,
    viewport: phone,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    permissions: options.camera ? ["camera"] : [],
  });
}

const elder = (context: BrowserContext, baseURL: string) =>
  context.addCookies([{ name: "lvzhi_elder", value: "1", url: baseURL }]);

/** An inline SVG of the page, painted by sharp: the pixels a camera would see. */
async function svgPixels(svg: Locator, side: number) {
  const markup = await svg.evaluate((element) => element.outerHTML);
  return sharp(Buffer.from(markup)).resize(side, side).flatten({ background: "#ffffff" });
}

async function decodeSvg(svg: Locator): Promise<string | null> {
  const { data, info } = await (await svgPixels(svg, 400))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

/** A YUV4MPEG2 (I420) video of the QR on white, which Chromium's fake camera loops. */
async function writeQrVideo(svg: Locator, file: string) {
  const side = 480;
  const qr = await (await svgPixels(svg, 360)).png().toBuffer();
  const { data } = await sharp(qr)
    .extend({ top: 60, bottom: 60, left: 60, right: 60, background: "#ffffff" })
    .toColourspace("b-w")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const luma = Buffer.from(data.map((v) => Math.round(16 + (v * 219) / 255)));
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
}

async function createEvent(page: Page, title: string, startsAt: Date, capacity: string) {
  await page.goto("/admin/events/new");
  await page.getByRole("textbox", { name: /^活动名称/ }).fill(title);
  await page.getByLabel(/^开始时间/).fill(localInput(startsAt));
  await page.getByLabel(/^结束时间/).fill(localInput(new Date(startsAt.getTime() + 2 * 3_600_000)));
  await page.getByRole("textbox", { name: /^地点/ }).fill("区政协委员会客厅");
  await page.getByLabel("开放公众报名列席").check();
  await page.getByRole("textbox", { name: /^名额/ }).fill(capacity);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "活动已创建。" })).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

async function register(page: Page, eventId: number, name: string, phoneNumber: string) {
  await page.goto(`/events/${eventId}/register`);
  const panel = page.getByRole("region", { name: "报名列席" });
  await panel.getByRole("textbox", { name: /^姓名/ }).fill(name);
  await panel.getByRole("textbox", { name: /^手机号/ }).fill(phoneNumber);
  await panel.getByRole("checkbox", { name: /我已阅读上方说明/ }).check();
  await panel.getByRole("button", { name: /提交报名|登记候补/ }).click();
  const code = page.locator("section[aria-labelledby=registration-code] p.font-mono");
  await expect(code).toHaveText(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  return (await code.textContent()) ?? "";
}

test("a registrant's QR checks them in with the door's camera; a member signs in with the event's QR", async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const site = baseURL ?? "";

  // Staff (an editor, on a phone with a camera) make two events: one to register for, one
  // happening now for members.
  const staffContext = await phoneContext(site, { camera: true });
  const staff = await staffContext.newPage();
  await signInAs(staff, "editor", { next: "/admin/events/new" });
  const upcoming = await createEvent(
    staff,
    `扫码签到演练 ${stamp}`,
    new Date(Date.now() + 3 * 86_400_000),
    "1",
  );
  const now = await createEvent(
    staff,
    `委员扫码签到 ${stamp}`,
    new Date(Date.now() - 10 * 60_000),
    "30",
  );

  // A resident registers; the confirmation's QR decodes to the code shown beside it.
  const publicContext = await phoneContext(site);
  const resident = await publicContext.newPage();
  await resident.route("**/*", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": "192.0.2.77" } }),
  );
  const code = await register(resident, upcoming, "扫码测试甲", "13700001111");
  const qr = resident.getByRole("img", { name: `报名码 ${code} 的签到二维码` });
  await expect(qr).toBeVisible();
  expect(await decodeSvg(qr)).toBe(code);
  const box = await qr.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(200);
  await resident.screenshot({ path: shot("receipt"), fullPage: true });
  await expectNoAxeViolations(resident);
  await writeQrVideo(qr, videoFile);
  // Someone on the waiting list (one seat): their code is refused at the door.
  const waiting = await register(resident, upcoming, "扫码测试乙", "13700002222");
  await elder(publicContext, site);
  await resident.goto(`/registrations#code=${code}`);
  await expect(resident.getByRole("img", { name: `报名码 ${code} 的签到二维码` })).toBeVisible();
  await resident.screenshot({ path: shot("receipt-elder"), fullPage: true });

  // The camera is allowed on the scanner page, and on no other page.
  const policy = async (path: string) =>
    (await staff.request.get(path)).headers()["permissions-policy"] ?? "";
  expect(await policy(`/admin/registrations/${upcoming}/checkin`)).toContain("camera=(self)");
  expect(await policy(`/admin/registrations/${upcoming}`)).toContain("camera=()");

  // At the door: the camera reads the QR and checks the resident in.
  await staff.goto(`/admin/registrations/${upcoming}/checkin`);
  const result = staff.locator("[data-outcome]");
  await expect(result).toHaveText("等待扫码或输入报名码。");
  await expectNoAxeViolations(staff);
  await staff.getByRole("button", { name: "打开摄像头扫码" }).click();
  await expect(result).toHaveText("签到成功：扫码测试甲", { timeout: 20_000 });
  await expect(result).toHaveAttribute("data-outcome", "checked_in");
  await staff.screenshot({ path: shot("scanner"), fullPage: true });
  // A second scan says when.
  await staff.getByRole("button", { name: "关闭摄像头" }).click();
  await staff.getByRole("button", { name: "打开摄像头扫码" }).click();
  await expect(result).toContainText(
    /^扫码测试甲 已于 \d{4}年\d{1,2}月\d{1,2}日 周. \d{2}:\d{2} 签到，请勿重复签到。$/,
    {
      timeout: 20_000,
    },
  );
  await expect(result).toHaveAttribute("data-outcome", "already");
  await staff.getByRole("button", { name: "关闭摄像头" }).click();
  // A waitlisted code, typed: refused, in words.
  await staff.getByRole("textbox", { name: /^报名码/ }).fill(waiting);
  await staff.getByRole("button", { name: "签到", exact: true }).click();
  await expect(result).toHaveText("这位报名人仍在候补名单中，尚未获得名额，不能签到。");
  await elder(staffContext, site);
  await staff.reload();
  await expect(staff.getByText("已签到 1 / 1 人", { exact: false })).toBeVisible();
  await staff.screenshot({ path: shot("scanner-elder"), fullPage: true });

  // The event's own QR, for members: its address opens the member's sign-in.
  await staff.goto(`/admin/registrations/${now}/member-qr`);
  const eventQr = staff.getByRole("img", { name: /委员签到二维码/ });
  await expect(eventQr).toBeVisible();
  const address = await decodeSvg(eventQr);
  await staff.screenshot({ path: shot("member-qr-elder"), fullPage: true });
  await expectNoAxeViolations(staff);
  expect(address).toMatch(new RegExp(`^${site}/member/checkin\\?e=${now}&t=\\d+\\.[\\w-]{22}$`));

  // Opening the address only checks it: the event and a button; nothing is recorded yet
  // (a link preview or a prefetch must not sign anyone in). The member's phone here runs
  // no JavaScript: the plain form posts, and the answer comes in the button's place.
  const loginContext = await phoneContext(site);
  const login = await loginContext.newPage();
  const target = new URL(address ?? "");
  await signInAs(login, "member1", { next: `${target.pathname}${target.search}` });
  await expect(login.getByRole("button", { name: "确认签到" })).toBeVisible();
  await expectNoAxeViolations(login);
  const memberContext = await browser.newContext({
    baseURL: site,
    viewport: phone,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: false,
    storageState: await loginContext.storageState(),
  });
  const member = await memberContext.newPage();
  await member.goto(address ?? "");
  const confirm = member.getByRole("button", { name: "确认签到" });
  await expect(confirm).toBeVisible();
  await expect(member.getByText(`委员扫码签到 ${stamp}`)).toBeVisible();
  await member.screenshot({ path: shot("member-confirm"), fullPage: true });
  await member.goto("/member/duty");
  await expect(member.getByText(`委员扫码签到 ${stamp}`)).toHaveCount(0);
  await staff.goto(`/admin/registrations/${now}/member-qr`);
  await expect(staff.getByText("已扫码签到委员 0 人")).toBeVisible();
  await member.goto(address ?? "");
  await member.getByRole("button", { name: "确认签到" }).click();
  await expect(member.getByRole("heading", { name: "签到成功" })).toBeVisible();
  await expect(member.getByText(`您已签到：委员扫码签到 ${stamp}`)).toBeVisible();
  await expect(member.getByRole("button", { name: "确认签到" })).toHaveCount(0);
  await member.screenshot({ path: shot("member"), fullPage: true });
  // (axe runs scripts: it checks the answer on the phone with JavaScript.)
  await login.reload();
  await expect(login.getByRole("heading", { name: "已签到" })).toBeVisible();
  await expectNoAxeViolations(login);
  // Opened again once signed in: says so at once, no button.
  await member.goto(address ?? "");
  await expect(member.getByRole("heading", { name: "已签到" })).toBeVisible();
  await expect(member.getByRole("button", { name: "确认签到" })).toHaveCount(0);
  await elder(memberContext, site);
  await member.reload();
  await member.screenshot({ path: shot("member-elder"), fullPage: true });
  // A forged token is refused in words.
  await member.goto(`/member/checkin?e=${now}&t=1.AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(member.getByRole("alert").filter({ hasText: "二维码无效" })).toBeVisible();

  await member.goto("/member/duty");
  await expect(member.getByText(`委员扫码签到 ${stamp}`)).toBeVisible();
  // And in the event's figures on the staff side.
  await staff.goto(`/admin/registrations/${now}/member-qr`);
  await expect(staff.getByText("已扫码签到委员 1 人")).toBeVisible();

  await Promise.all([
    staffContext.close(),
    publicContext.close(),
    memberContext.close(),
    loginContext.close(),
  ]);
});
