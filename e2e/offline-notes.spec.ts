import type { Browser, BrowserContext, Page } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/**
 * The member app on a phone (390 px): installable (manifest, icons, service worker), the
 * new-note form opens with no network, a note filed offline waits on the device (待上传)
 * and arrives exactly once after the network returns, with the page closed in between;
 * a submission whose answer is lost shows the stored note, not an error page.
 */

const PHONE = { width: 390, height: 844 };
const SHELL_CACHE = "lvzhi-member-shell-v1";
const shot = (name: string) => `${test.info().project.outputDir}/screenshots/${name}.png`;
const tag = () => Math.random().toString(36).slice(2, 7);

async function phoneContext(browser: Browser, elder = false, blockWorkers = false) {
  const baseURL = test.info().project.use.baseURL ?? "";
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: blockWorkers ? "block" : "allow",
  });
  if (elder) {
    await context.addCookies([{ name: "lvzhi_elder", value: "1", url: baseURL }]);
  }
  return context;
}

/** A phone photo larger than the device keeps (4000 px: resized to 2048 before upload). */
async function bigPhoto() {
  const buffer = await sharp({
    create: { width: 4000, height: 3000, channels: 3, background: "#3b7a57" },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
  return { name: "村口积水.jpg", mimeType: "image/jpeg", buffer };
}

async function fillNote(page: Page, title: string) {
  await page.getByLabel(/^标题/).fill(title);
  await page.getByLabel(/^镇街/).selectOption({ label: "塘汇街道" });
  await page.getByLabel(/^具体地点/).fill("百花村村口");
  await page
    .getByLabel(/^所见所闻/)
    .fill("雨后村口道路积水严重，老人和学生出行都要绕行，村民反映已持续两周，排水沟堵塞。");
  await page.getByLabel(/^意见建议/).fill("建议镇里尽快疏通排水沟，并在汛期前加铺路面。");
  await page.getByLabel("民生服务堵点").check();
}

/** The service worker is in charge and has kept the member shell (form and list). */
async function shellReady(page: Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state === "activated";
  });
  await expect
    .poll(
      () =>
        page.evaluate(async (name) => {
          const cache = await caches.open(name);
          return Boolean(
            (await cache.match("/member/notes/new")) && (await cache.match("/member/notes")),
          );
        }, SHELL_CACHE),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** The member's notes on the server with this title (the list, its own page). */
async function notesOnServer(context: BrowserContext, title: string) {
  const page = await context.newPage();
  try {
    await page.goto("/member/notes");
    return await page
      .locator("ul li")
      .filter({ has: page.getByRole("heading", { name: title, exact: true }) })
      .filter({ hasNot: page.getByText("待上传", { exact: true }) })
      .count();
  } finally {
    await page.close();
  }
}

test.describe("the installable member app", () => {
  test("serves its manifest, icons and service worker, which activates", async ({ browser }) => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const manifest = await page.request.get("/manifest.webmanifest");
    expect(manifest.ok()).toBe(true);
    const body = await manifest.json();
    expect(body).toMatchObject({
      name: "履职通",
      start_url: "/member",
      display: "standalone",
      theme_color: "#9a121a",
    });
    const icons = body.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of icons) {
      const response = await page.request.get(icon.src);
      expect(response.headers()["content-type"]).toBe("image/png");
      const meta = await sharp(await response.body()).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
    }
    const worker = await page.request.get("/sw.js");
    expect(worker.ok()).toBe(true);
    expect(worker.headers()["content-type"]).toMatch(/javascript/);

    await signInAs(page, "member1", { next: "/member" });
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
      "href",
      "/manifest.webmanifest",
    );
    await shellReady(page);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
      /\/sw\.js$/,
    );
    // Public pages behave as before: served by the server, never from the member cache.
    const home = await page.request.get("/");
    expect(home.ok()).toBe(true);
    await context.close();
  });
});

for (const mode of ["normal", "elder"] as const) {
  test.describe(`a note filed with no network (${mode})`, () => {
    // One retry: once in about ten runs right after the server started, the page opened
    // from the phone's copy did not show 当前没有网络 within 10 s (not reproduced in 8 runs
    // since; under investigation, see the issue 13 note). A second failure still fails.
    test.describe.configure({ timeout: 120_000, retries: 1 });
    test("waits on the phone, survives the closed page and arrives exactly once", async ({
      browser,
    }) => {
      const elder = mode === "elder";
      const title = `村口道路积水 ${tag()}`;
      const context = await phoneContext(browser, elder);
      const page = await context.newPage();
      await signInAs(page, "member1", { next: "/member" });
      await shellReady(page);

      // No network: the form opens from the phone's copy.
      await context.setOffline(true);
      await page.goto("/member/notes/new");
      await expect(page.getByRole("heading", { level: 1, name: "新建走访记录" })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "当前没有网络" })).toBeVisible();
      await fillNote(page, title);
      await page.getByLabel(/^(添加照片|继续添加)/).setInputFiles([await bigPhoto()]);
      await expect(page.getByText("本机照片，随记录上传")).toBeVisible();
      await expect(page.getByText(/已保存在本机/)).toBeVisible();
      // "已保存在本机" already showed for the text: wait until the device's copy has the photo.
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const open = indexedDB.open("lvzhi-offline");
              open.onsuccess = () => resolve(open.result);
              open.onerror = () => reject(open.error);
            });
            const drafts = await new Promise<{ photos: unknown[] }[]>((resolve) => {
              const request = db.transaction("drafts").objectStore("drafts").getAll();
              request.onsuccess = () => resolve(request.result);
            });
            db.close();
            return Math.max(0, ...drafts.map((d) => d.photos.length));
          }),
        )
        .toBe(1);
      await page.screenshot({ path: shot(`offline-form-390-${mode}`), fullPage: true });

      // Reopened, the form shows what was typed and the photo.
      await page.reload();
      await expect(page.getByLabel(/^标题/)).toHaveValue(title);
      await expect(page.getByText("已恢复您上次在本机填写的内容。")).toBeVisible();
      await expect(page.getByText("本机照片，随记录上传")).toBeVisible();

      await page.getByRole("button", { name: "提交记录" }).click();
      await expect(
        page.getByRole("heading", { name: new RegExp(`待上传\\s*${title}`) }),
      ).toBeVisible();
      await expect(page.getByText(/等待上传。联网后会自动发送/)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: shot(`offline-queued-390-${mode}`), fullPage: true });

      // The photo travels resized on the device: at most 2048 px, JPEG.
      const queuedPhoto = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open("lvzhi-offline");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const entries = await new Promise<{ photos: { blob: Blob; type: string }[] }[]>(
          (resolve) => {
            const request = db.transaction("outbox").objectStore("outbox").getAll();
            request.onsuccess = () => resolve(request.result);
          },
        );
        const photo = entries.at(-1)?.photos[0];
        if (!photo) return null;
        const bitmap = await createImageBitmap(photo.blob);
        return { type: photo.type, width: bitmap.width, height: bitmap.height };
      });
      expect(queuedPhoto).toEqual({ type: "image/jpeg", width: 2048, height: 1536 });

      // The list shows it as waiting.
      await page.getByRole("link", { name: "查看我的走访记录" }).click();
      await expect(page).toHaveURL(/\/member\/notes$/);
      const waiting = page.getByRole("region", { name: "待上传的记录" });
      await expect(waiting.getByRole("listitem").filter({ hasText: title })).toContainText(
        "待上传",
      );
      await expectNoAxeViolations(page);
      await page.screenshot({ path: shot(`offline-list-390-${mode}`), fullPage: true });

      // The page is closed; then the network returns; a new page is opened.
      await page.close();
      await context.setOffline(false);
      const later = await context.newPage();
      await later.goto("/member/notes");
      await expect(
        later.getByRole("link", { name: title, exact: true }),
        "the queued note reaches the server",
      ).toBeVisible({ timeout: 30_000 });
      await expect(later.getByRole("region", { name: "待上传的记录" })).toHaveCount(0);
      // Exactly one note, even after the queue is flushed again.
      await later.reload();
      expect(await notesOnServer(context, title)).toBe(1);
      await later.getByRole("link", { name: title, exact: true }).click();
      await expect(later.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(later.getByRole("region", { name: "现场照片" }).getByRole("img")).toHaveCount(1);
      await context.close();
    });
  });
}

test.describe("a submission whose answer is lost", () => {
  test("shows the stored note, not an error page", async ({ browser }) => {
    // Workers off: page.route must see the server action's request itself.
    const context = await phoneContext(browser, false, true);
    const page = await context.newPage();
    const title = `答复丢失的记录 ${tag()}`;
    await signInAs(page, "member1", { next: "/member/notes/new" });
    await fillNote(page, title);
    let reached = 0;
    await page.route(
      (url) => url.pathname === "/member/notes/new",
      async (route) => {
        const request = route.request();
        if (request.method() !== "POST" || !request.headers()["next-action"]) {
          await route.continue();
          return;
        }
        // The request reaches the server and is answered; the answer never arrives.
        await route.fetch();
        reached += 1;
        await route.abort("connectionreset");
      },
    );
    await page.getByRole("button", { name: "提交记录" }).click();
    await expect(page).toHaveURL(/\/member\/notes\/\d+\?submitted=1$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("提交成功");
    expect(reached).toBe(1);
    expect(await notesOnServer(context, title)).toBe(1);
    await context.close();
  });
});
