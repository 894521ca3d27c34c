import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/**
 * The portal's conventions and the article tools, on the demo data: the footer's filing
 * numbers and links (edited by the system administrator on /admin/settings, shown on every
 * page at once, page cache included), 网站地图, the statements, the favicon, and on an
 * article 字号, 打印 and 分享 (a QR code of the article's absolute address).
 */

const ARTICLE = {
  slug: "2026-05-gongfu-market",
  title: "集市上的履职课：九位委员逛摊位、听民声",
};
const COMMITTEE = "中国人民政治协商会议嘉兴市秀洲区委员会";
const DEMO = {
  icp: "浙ICP备00000000号-1",
  police: "浙公网安备33041100000000号",
  code: "3304110000",
};
const CHANGED = {
  icp: "浙ICP备20269999号-3",
  police: "浙公网安备33041199999999号",
  code: "330411ABCD",
  linkName: "秀洲区人民政府",
  linkUrl: "https://www.xiuzhou.gov.cn/",
};

const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };
const SHOTS = "/tmp/shots-portal";

/** A screenshot into the test's output and the folder the screenshots are looked at in. */
async function shot(target: Page | Locator, name: string, fullPage = true) {
  const file = path.join(test.info().project.outputDir, "screenshots", `portal-${name}.png`);
  if ("goto" in target) await target.screenshot({ path: file, fullPage });
  else await target.screenshot({ path: file });
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, path.join(SHOTS, `${name}.png`));
}

async function visitor(browser: Browser, baseURL: string, options: { elder?: boolean } = {}) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", viewport: desktop });
  if (options.elder) {
    await context.addCookies([{ name: "lvzhi_elder", value: "1", url: baseURL }]);
  }
  return context;
}

const footerOf = (page: Page) => page.getByRole("contentinfo");

async function expectFooter(page: Page, numbers: { icp: string; police: string; code: string }) {
  const footer = footerOf(page);
  await expect(footer.getByRole("link", { name: numbers.icp })).toHaveAttribute(
    "href",
    "https://beian.miit.gov.cn/",
  );
  await expect(footer.getByRole("link", { name: numbers.police })).toHaveAttribute(
    "href",
    `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${numbers.police.replace(/\D/g, "")}`,
  );
  await expect(footer.getByText(`政府网站标识码：${numbers.code}`)).toBeVisible();
}

/** Fills the settings form's filing numbers and fourth link, and saves. */
async function saveSettings(
  page: Page,
  values: { icp: string; police: string; code: string; linkName: string; linkUrl: string },
) {
  await page.getByLabel("ICP备案号").fill(values.icp);
  await page.getByLabel("公安机关备案号").fill(values.police);
  await page.getByLabel("政府网站标识码").fill(values.code);
  await page.getByLabel("链接 4 名称").fill(values.linkName);
  await page.getByLabel("链接 4 网址").fill(values.linkUrl);
  await page.getByRole("button", { name: "保存设置" }).click();
}

test("the footer shows the configured filing numbers and links; the settings page changes every page at once", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000); // a staff sign-in (argon2, TOTP enrolment) and three saves
  if (!baseURL) throw new Error("no baseURL");
  const publicPages = ["/", "/news", `/news/${ARTICLE.slug}`];
  const reader = await visitor(browser, baseURL);
  const page = await reader.newPage();
  // Seen once before the change: the server's page cache now holds all three.
  for (const url of publicPages) {
    await page.goto(url);
    await expectFooter(page, DEMO);
    const footer = footerOf(page);
    await expect(footer.getByRole("link", { name: "全国政协" })).toHaveAttribute(
      "href",
      "http://www.cppcc.gov.cn/",
    );
    await expect(footer.getByText("主办单位：政协嘉兴市秀洲区委员会办公室")).toBeVisible();
    await expect(footer.getByRole("link", { name: CHANGED.linkName })).toHaveCount(0);
  }
  await shot(footerOf(page), "footer-1366");
  await expectNoAxeViolations(page);

  const staff = await browser.newContext({ baseURL, locale: "zh-CN", viewport: desktop });
  const admin = await staff.newPage();
  await signInAs(admin, "admin", { next: "/admin/settings" });
  if (new URL(admin.url()).pathname !== "/admin/settings") await admin.goto("/admin/settings");
  await expect(admin.getByRole("heading", { level: 1, name: "网站设置" })).toBeVisible();
  await expect(admin.getByLabel("ICP备案号")).toHaveValue(DEMO.icp);
  await expect(admin.getByLabel("链接 1 网址")).toHaveValue("http://www.cppcc.gov.cn/");
  await expectNoAxeViolations(admin);
  await shot(admin, "settings-1366");

  // Bad input: a Chinese message on each field, what was typed kept, nothing changed.
  await saveSettings(admin, {
    icp: "ICP 12345",
    police: CHANGED.police,
    code: "33041",
    linkName: CHANGED.linkName,
    linkUrl: "javascript:alert(1)",
  });
  await expect(admin.getByRole("alert").first()).toContainText("提交的内容有误");
  await expect(admin.getByText("ICP备案号格式应如")).toBeVisible();
  await expect(admin.getByText("政府网站标识码应为 10 位数字或字母")).toBeVisible();
  await expect(admin.getByText("请填写以 http:// 或 https:// 开头的完整网址")).toBeVisible();
  await expect(admin.getByLabel("ICP备案号")).toHaveValue("ICP 12345");
  await expect(admin.getByLabel("链接 4 网址")).toHaveValue("javascript:alert(1)");
  await expect(admin.getByLabel("ICP备案号")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(admin);
  await shot(admin, "settings-errors-1366");
  await page.goto("/");
  await expectFooter(page, DEMO);

  // A good change: every public page shows it at once.
  await saveSettings(admin, CHANGED);
  await expect(admin.getByRole("status").first()).toContainText("网站设置已保存");
  for (const url of publicPages) {
    await page.goto(url);
    await expectFooter(page, CHANGED);
    await expect(footerOf(page).getByRole("link", { name: CHANGED.linkName })).toHaveAttribute(
      "href",
      CHANGED.linkUrl,
    );
  }

  // Back to the demo values, for the other specs.
  await admin.reload();
  await saveSettings(admin, { ...DEMO, linkName: "", linkUrl: "" });
  await expect(admin.getByRole("status").first()).toContainText("网站设置已保存");
  await page.goto("/news");
  await expectFooter(page, DEMO);

  // The settings page is the system administrator's alone.
  await admin.setViewportSize(phone);
  await shot(admin, "settings-390");
  await staff.close();
  await reader.close();
});

test("an editor cannot open the settings page", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  await signInAs(page, "editor", { next: "/admin" });
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "网站设置" })).toHaveCount(0);
  await context.close();
});

test("an article prints without the site's chrome, with the committee, title, date and address", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize(desktop);
  await page.goto(`/news/${ARTICLE.slug}`);
  const banner = page.getByRole("banner");
  await expect(banner).toBeVisible();
  await expect(
    page.getByRole("article").getByText(`本文网址：${baseURL}/news/${ARTICLE.slug}`),
  ).toBeHidden();

  await page.emulateMedia({ media: "print" });
  await expect(banner).toBeHidden();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "当前位置" })).toBeHidden();
  await expect(page.getByRole("region", { name: "文章工具" })).toBeHidden();
  await expect(page.getByRole("region", { name: "分享" })).toBeHidden();
  await expect(page.getByRole("main").getByText(COMMITTEE, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: ARTICLE.title })).toBeVisible();
  await expect(page.locator("article time").first()).toBeVisible();
  await expect(page.locator("article time").first()).toContainText("2026");
  await expect(
    page.getByRole("article").getByText(`本文网址：${baseURL}/news/${ARTICLE.slug}`),
  ).toBeVisible();
  await page.pdf({ path: path.join(test.info().project.outputDir, "portal-article.pdf") });
});

/** A picture's pixels, decoded by jsQR. */
async function decodeQr(picture: Buffer): Promise<string | null> {
  const { data, info } = await sharp(picture)
    .flatten({ background: "#ffffff" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

test("the share QR code decodes to the article's absolute address; Open Graph names it", async ({
  page,
  baseURL,
  expectNoAxeViolations,
}) => {
  const url = `${baseURL}/news/${ARTICLE.slug}`;
  await page.goto(`/news/${ARTICLE.slug}`);
  const share = page.getByRole("region", { name: "分享" });
  const qr = share.getByRole("img", { name: /本文网址的二维码/ });
  await expect(qr).toBeVisible();
  // A picture of its own (a phone can long-press it in WeChat), loaded and decoded.
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  const src = await qr.getAttribute("src");
  expect(src).toBe(`/news/${ARTICLE.slug}/qr.png`);
  const png = await page.request.get(src as string);
  expect(png.headers()["content-type"]).toBe("image/png");
  expect(png.headers()["cache-control"]).toContain("public");
  expect(await decodeQr(await png.body())).toBe(url);
  // And from a screenshot of the element, as a phone's camera would see the screen.
  expect(await decodeQr(await qr.screenshot())).toBe(url);
  await expect(share.getByText(url)).toBeVisible();
  // Only a published article's address is drawn: this is not a QR code maker for any text.
  const unknown = await page.request.get("/news/no-such-article-at-all/qr.png");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toBe("文件不存在。");

  const head = page.locator("head");
  await expect(head.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", ARTICLE.title);
  await expect(head.locator('meta[property="og:description"]')).toHaveAttribute("content", /.+/);
  // Every article shares a picture: its cover photo or its designed cover, as a JPEG.
  const image = head.locator('meta[property="og:image"]').first();
  await expect(image).toHaveAttribute(
    "content",
    new RegExp(`^${baseURL}/(files|covers)/.+\\.jpg$`),
  );
  const picture = await page.request.get((await image.getAttribute("content")) ?? "");
  expect(picture.status()).toBe(200);
  expect(picture.headers()["content-type"]).toBe("image/jpeg");
  await expectNoAxeViolations();
});

test("字号: three sizes by plain links, without JavaScript, each kept apart by the page cache", async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error("no baseURL");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "zh-CN" });
  const page = await context.newPage();
  const bodySize = () =>
    page
      .locator("article [class*='article-size-'] > div")
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  const tools = page.getByRole("region", { name: "文章工具" });
  await page.goto(`/news/${ARTICLE.slug}`);
  await expect(tools.getByRole("link", { name: "标准" })).toHaveAttribute("aria-current", "true");
  await expect(tools.getByText("使用浏览器的打印功能")).toBeVisible();
  const standard = await bodySize();

  await tools.getByRole("link", { name: "大", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/news/${ARTICLE.slug}?size=large`);
  await expect(tools.getByRole("link", { name: "大", exact: true })).toHaveAttribute(
    "aria-current",
    "true",
  );
  const large = await bodySize();
  await tools.getByRole("link", { name: "特大" }).click();
  await expect(page).toHaveURL(`${baseURL}/news/${ARTICLE.slug}?size=larger`);
  const larger = await bodySize();
  expect(large).toBeGreaterThan(standard);
  expect(larger).toBeGreaterThan(large);

  // Served again (from the page cache), each address keeps its own size.
  await page.goto(`/news/${ARTICLE.slug}`);
  expect(await bodySize()).toBe(standard);
  await page.goto(`/news/${ARTICLE.slug}?size=larger`);
  expect(await bodySize()).toBe(larger);
  // The canonical address never carries the size.
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${baseURL}/news/${ARTICLE.slug}`,
  );
  await context.close();
});

test("网站地图 lists every section and directory; the statements say what the site stores", async ({
  page,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(desktop);
  await page.goto("/");
  const sections = await page
    .getByRole("banner")
    .locator("nav a[href^='/']")
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute("href") ?? "").filter((h) => !h.startsWith("/login")),
    );
  expect(sections.length).toBeGreaterThanOrEqual(9);

  await footerOf(page).getByRole("link", { name: "网站地图" }).click();
  await expect(page).toHaveURL(/\/site-map$/);
  const map = page.getByRole("main");
  await expect(map.getByRole("heading", { level: 1, name: "网站地图" })).toBeVisible();
  for (const href of new Set(sections)) {
    await expect(map.locator(`a[href="${href}"]`).first(), href).toBeVisible();
  }
  // The directories, read from the database.
  await expect(map.getByRole("link", { name: "科技界" })).toHaveAttribute("href", "/sectors/keji");
  await expect(map.getByRole("link", { name: "王江泾镇" })).toHaveAttribute(
    "href",
    /\/towns#town-/,
  );
  await expect(map.locator('a[href^="/studios/"]').first()).toBeVisible();
  await expect(map.locator('a[href^="/news?column="]').first()).toBeVisible();
  await expect(map.getByRole("link", { name: "隐私声明" })).toBeVisible();
  await expectNoAxeViolations();
  await shot(page, "site-map-1366");

  await footerOf(page).getByRole("link", { name: "隐私声明" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "隐私声明" })).toBeVisible();
  await expect(page.getByText("lvzhi_elder")).toBeVisible();
  await expect(page.getByText(/活动结束 180 天后/)).toBeVisible();
  await expect(page.getByText(/AES-256-GCM/)).toBeVisible();
  await expect(page.getByText(/0573-83000000/).first()).toBeVisible();
  await expectNoAxeViolations();
  await shot(page, "privacy-1366");

  await footerOf(page).getByRole("link", { name: "无障碍声明" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "无障碍声明" })).toBeVisible();
  await expect(page.getByText(/GB\/T 37668/)).toBeVisible();
  await expectNoAxeViolations();
});

test("/favicon.ico answers 200 with an icon; the page names its icons and manifest", async ({
  page,
  request,
}) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const body = await response.body();
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
  await page.goto("/");
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="manifest"]')).toHaveCount(1);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  for (const icon of (await manifest.json()).icons as { src: string }[]) {
    expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  }
});

test("screenshots: the article with its tools at 390 and 1366 px, normal and elder", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("no baseURL");
  for (const elder of [false, true]) {
    const context: BrowserContext = await visitor(browser, baseURL, { elder });
    const page = await context.newPage();
    for (const [label, viewport] of [
      ["390", phone],
      ["1366", desktop],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`/news/${ARTICLE.slug}${label === "390" ? "?size=large" : ""}`);
      await expect(page.getByRole("region", { name: "分享" })).toBeVisible();
      await shot(page, `article-${label}-${elder ? "elder" : "normal"}`);
      await shot(footerOf(page), `footer-${label}-${elder ? "elder" : "normal"}`);
      await expectNoAxeViolations(page);
    }
    await page.emulateMedia({ media: "print" });
    await shot(page, `article-print-${elder ? "elder" : "normal"}`);
    await context.close();
  }
});
