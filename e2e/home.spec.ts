import { expect, test } from "./fixtures";

test.describe("home page", () => {
  test("shows the committee, its latest news and the campaign's upcoming events", async ({
    page,
    expectNoAxeViolations,
  }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/秀洲区政协/);
    await expect(page.getByRole("banner")).toContainText("秀洲区政协");
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const label of ["首页", "新闻", "活动日历", "界别", "委员工作室"]) {
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();

    // The current campaign (the research month, dated from the day the data was loaded).
    await expect(
      page.getByRole("heading", { level: 2, name: /^\d{4}年界别调研月$/ }),
    ).toBeVisible();

    // Latest news from the database, newest first; the scheduled article is not there yet.
    const news = page.getByRole("region", { name: "最新动态" });
    await expect(news.getByRole("article")).toHaveCount(8);
    await expect(news).toContainText("界别调研月启动");
    await expect(news).not.toContainText("智能家居企业盼");

    // Upcoming events, each with its Shanghai date and a link to its page.
    const events = page.getByRole("region", { name: "近期活动" });
    expect(await events.getByRole("article").count()).toBeGreaterThan(0);
    await expect(events.getByRole("article").first().getByRole("link")).toHaveAttribute(
      "href",
      /^\/events\/\d+$/,
    );

    await expect(page.getByRole("contentinfo")).toContainText(
      "中国人民政治协商会议嘉兴市秀洲区委员会",
    );
    await expectNoAxeViolations();
  });

  test("fits a phone screen without sideways scrolling", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("elder mode works without JavaScript and persists across visits", async ({
    browser,
    page: checker,
    expectNoAxeViolations,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const standardSize = await page.evaluate(
      () => getComputedStyle(document.documentElement).fontSize,
    );
    await page.getByRole("button", { name: "适老模式" }).click();
    await expect(page.getByRole("button", { name: "标准模式" })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    const elderSize = await page.evaluate(
      () => getComputedStyle(document.documentElement).fontSize,
    );
    expect(Number.parseFloat(elderSize)).toBeGreaterThan(Number.parseFloat(standardSize));

    // axe runs as a script: check the elder page in a JavaScript-enabled page with the same cookie.
    await checker.context().addCookies(await context.cookies());
    await checker.goto("/");
    await expect(checker.locator("html")).toHaveClass(/elder/);
    await expectNoAxeViolations(checker);

    // A later visit in the same browser keeps the mode.
    const again = await context.newPage();
    await again.goto("/");
    await expect(again.locator("html")).toHaveClass(/elder/);
    await again.getByRole("button", { name: "标准模式" }).click();
    await expect(again.locator("html")).not.toHaveClass(/elder/);
    await context.close();
  });
});

test("health check answers with the database status", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ db: "ok" });
});
