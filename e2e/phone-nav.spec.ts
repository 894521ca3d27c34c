import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/**
 * Phone navigation: on a narrow screen every section of the desktop's bars is one menu
 * button away (菜单, a native <details>: no JavaScript needed, keyboard and screen readers
 * get it for free), for the public header, the member area and the staff console; in elder
 * mode the items read at 18 px or more; at 320 px nothing is cut off or scrolls sideways.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const ELDER = "lvzhi_elder";

type Link = { name: string; href: string };

/** The links of a navigation landmark as they show on the desktop (visible ones only). */
async function desktopLinks(page: Page, navName: string, path: string): Promise<Link[]> {
  await page.setViewportSize(DESKTOP);
  await page.goto(path);
  const nav = page.getByRole("navigation", { name: navName });
  const links = await nav.getByRole("link").all();
  const found: Link[] = [];
  for (const link of links) {
    found.push({
      name: ((await link.textContent()) ?? "").trim(),
      href: (await link.getAttribute("href")) ?? "",
    });
  }
  return found;
}

/** The menu button of a navigation landmark: its <summary>. */
const menuButton = (nav: Locator) => nav.locator("summary");

/**
 * At phone width: the menu is closed at first, and once opened every desktop link is
 * visible, whole inside the screen, and (when `minPx`) written at `minPx` or more.
 */
async function expectAllReachable(page: Page, navName: string, desktop: Link[], minPx?: number) {
  expect(desktop.length, `${navName}: links on the desktop`).toBeGreaterThan(1);
  const nav = page.getByRole("navigation", { name: navName });
  const button = menuButton(nav);
  await expect(button).toBeVisible();
  // The page's scripts settled (a tap before hydration is tested without JavaScript).
  await page.waitForLoadState("networkidle");
  await button.click();
  await expect(nav.locator("details")).toHaveAttribute("open", "");
  for (const { name, href } of desktop) {
    const link = nav.locator(`a[href="${href}"]`).filter({ visible: true });
    await expect(link, `${navName}: ${name} (${href})`).toHaveCount(1);
    await expect(link).toHaveText(new RegExp(escapeRegExp(name.slice(0, 4))));
    const box = await link.boundingBox();
    expect(box, `${name} has a box`).not.toBeNull();
    if (box) {
      expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(
        page.viewportSize()?.width ?? 0,
      );
    }
    if (minPx) {
      const px = await link.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(px, `${name} in elder mode`).toBeGreaterThanOrEqual(minPx);
    }
  }
  if (minPx) {
    const px = await button.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(px, `${navName}: the menu button in elder mode`).toBeGreaterThanOrEqual(minPx);
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function elder(context: BrowserContext, baseURL: string | undefined) {
  await context.addCookies([{ name: ELDER, value: "1", url: baseURL ?? "" }]);
}

async function noSidewaysScroll(page: Page, label: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${label}: page width at ${widths.inner} px`).toBeLessThanOrEqual(
    widths.inner,
  );
}

test.describe("the public header", () => {
  test("the desktop keeps the full bar, no menu button", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(menuButton(nav)).toBeHidden();
    for (const name of ["首页", "新闻", "活动日历", "界别", "委员工作室", "镇街"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    for (const name of ["公开案例", "意见征集", "数据统计"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
  });

  test("at 390 px every section is in the menu, in normal and elder mode", async ({
    page,
    context,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const desktop = await desktopLinks(page, "主导航", "/");
    await page.setViewportSize(PHONE);
    await page.goto("/news");
    await expectAllReachable(page, "主导航", desktop);
    await expectNoAxeViolations();

    await elder(context, baseURL);
    await page.goto("/news");
    await expectAllReachable(page, "主导航", desktop, 18);
    await expectNoAxeViolations();
  });

  test("opens by keyboard in reading order, and Escape closes it", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    // The header's controls, then the menu button: the order they are seen in.
    await page.getByRole("button", { name: "适老模式" }).focus();
    await page.keyboard.press("Tab");
    await expect(menuButton(nav)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(nav.locator("details")).toHaveAttribute("open", "");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "首页", exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(nav.locator("details")).not.toHaveAttribute("open", "");
    await expect(menuButton(nav)).toBeFocused();
    // Open again and follow a link: the page changes and the menu is closed on arrival.
    await page.keyboard.press("Space");
    await nav.getByRole("link", { name: "数据统计", exact: true }).click();
    await expect(page).toHaveURL(/\/stats$/);
    await expect(nav.locator("details")).not.toHaveAttribute("open", "");
  });

  test("a signed-in member's bar at 390 px: envelope and 我的履职, the rest in the menu", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(PHONE);
    await signInAs(page, "member1", { next: "/" });
    const nav = page.getByRole("navigation", { name: "主导航" });
    const bar = nav.locator(":scope > div");
    // One row: the bar is no taller than its menu button.
    const barBox = await bar.boundingBox();
    const buttonBox = await menuButton(nav).boundingBox();
    expect(barBox && buttonBox && barBox.height <= buttonBox.height + 1).toBe(true);
    await expect(nav.getByRole("link", { name: /^消息/ })).toBeVisible();
    await expect(nav.getByRole("link", { name: "我的履职" })).toBeVisible();
    await expect(nav.getByRole("button", { name: "退出" })).toBeHidden();
    await menuButton(nav).click();
    await expect(nav.getByRole("button", { name: "退出" })).toBeVisible();
    await noSidewaysScroll(page, "/ signed in, menu open");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("at 390 px the menu opens and lists every section, in normal and elder mode", async ({
    page,
    context,
    baseURL,
  }) => {
    const desktop = await desktopLinks(page, "主导航", "/");
    await page.setViewportSize(PHONE);
    await page.goto("/events");
    await expectAllReachable(page, "主导航", desktop);
    await elder(context, baseURL);
    await page.goto("/events");
    await expectAllReachable(page, "主导航", desktop, 18);
  });

  test("the member and staff menus open too", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    for (const [who, path, navName] of [
      ["member1", "/member", "委员中心导航"],
      ["admin", "/admin/news", "工作台导航"],
    ] as const) {
      const signedIn = await signedInContext(browser, who, path);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        storageState: await signedIn.storageState(),
      });
      await signedIn.close();
      const page = await context.newPage();
      const desktop = await desktopLinks(page, navName, path);
      await page.setViewportSize(PHONE);
      await page.goto(path);
      await expectAllReachable(page, navName, desktop);
      await elder(context, baseURL);
      await page.goto(path);
      await expectAllReachable(page, navName, desktop, 18);
      await context.close();
    }
  });
});

async function signedInContext(browser: Browser, who: "member1" | "admin", path: string) {
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: "block" });
  const page = await context.newPage();
  await signInAs(page, who, { next: path });
  return context;
}

test.describe("sub-navigation", () => {
  test.use({ serviceWorkers: "block" });

  test("the member area: every section through its menu, by keyboard too", async ({
    page,
    context,
    baseURL,
    expectNoAxeViolations,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "member1", { next: "/member" });
    const desktop = await desktopLinks(page, "委员中心导航", "/member/notes");
    await page.setViewportSize(PHONE);
    await page.goto("/member/notes");
    const nav = page.getByRole("navigation", { name: "委员中心导航" });
    // The button names the page being shown.
    await expect(menuButton(nav)).toContainText("我的走访记录");
    await expectAllReachable(page, "委员中心导航", desktop);
    await expect(nav.locator('a[aria-current="page"]').filter({ visible: true })).toHaveText(
      "我的走访记录",
    );
    await expectNoAxeViolations();
    // Keyboard: Escape closes, Enter opens, Tab reaches the first item.
    await page.keyboard.press("Escape");
    await menuButton(nav).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "工作台" })).toBeFocused();

    await elder(context, baseURL);
    await page.goto("/member");
    await expectAllReachable(page, "委员中心导航", desktop, 18);
    await expectNoAxeViolations();
  });

  test("the staff console: every section through its menu", async ({
    page,
    context,
    baseURL,
    expectNoAxeViolations,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "admin", { next: "/admin/news" });
    const desktop = await desktopLinks(page, "工作台导航", "/admin/news");
    await page.setViewportSize(PHONE);
    await page.goto("/admin/news");
    const nav = page.getByRole("navigation", { name: "工作台导航" });
    await expect(menuButton(nav)).toContainText("新闻");
    await expectAllReachable(page, "工作台导航", desktop);
    await expectNoAxeViolations();
    await elder(context, baseURL);
    await page.goto("/admin/stats");
    await expectAllReachable(page, "工作台导航", desktop, 18);
    await expectNoAxeViolations();
  });
});

test.describe("at 320 px nothing is cut off", () => {
  test.use({ viewport: { width: 320, height: 640 }, serviceWorkers: "block" });

  const publicPages = [
    "/",
    "/news",
    "/events",
    "/events?view=list",
    "/cases",
    "/stats",
    "/search?q=政协",
  ];

  test("public pages, normal and elder, menu closed and open", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    for (const mode of ["normal", "elder"] as const) {
      if (mode === "elder") await elder(context, baseURL);
      for (const path of publicPages) {
        await page.goto(path);
        await noSidewaysScroll(page, `${path} (${mode})`);
      }
      await menuButton(page.getByRole("navigation", { name: "主导航" })).click();
      await noSidewaysScroll(page, `menu open (${mode})`);
    }
  });

  test("member and staff pages, normal and elder", async ({ page, browser, context, baseURL }) => {
    test.setTimeout(180_000);
    await signInAs(page, "member1", { next: "/member" });
    const staff = await browser.newContext({
      viewport: { width: 320, height: 640 },
      serviceWorkers: "block",
    });
    const staffPage = await staff.newPage();
    await signInAs(staffPage, "admin", { next: "/admin/news" });
    for (const mode of ["normal", "elder"] as const) {
      if (mode === "elder") {
        await elder(context, baseURL);
        await elder(staff, baseURL);
      }
      for (const path of ["/member", "/member/notes", "/member/notes/new", "/member/duty"]) {
        await page.goto(path);
        await noSidewaysScroll(page, `${path} (${mode})`);
      }
      await menuButton(page.getByRole("navigation", { name: "委员中心导航" })).click();
      await noSidewaysScroll(page, `member menu open (${mode})`);
      for (const path of ["/admin/news", "/admin/stats", "/admin/events"]) {
        await staffPage.goto(path);
        await noSidewaysScroll(staffPage, `${path} (${mode})`);
      }
      await menuButton(staffPage.getByRole("navigation", { name: "工作台导航" })).click();
      await noSidewaysScroll(staffPage, `console menu open (${mode})`);
    }
    await staff.close();
  });
});
