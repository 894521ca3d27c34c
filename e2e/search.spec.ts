import { expect, test } from "./fixtures";

type Page = import("@playwright/test").Page;

const results = (page: Page) => page.getByRole("list", { name: "搜索结果" }).getByRole("listitem");
/** The page's own form (the site header has a search box too). */
const submit = (page: Page) => page.getByRole("main").getByRole("button", { name: "搜索" });

test("searching from the page form shows highlighted results, title matches first", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "站内搜索" })).toBeVisible();
  await expectNoAxeViolations();

  await page.getByLabel("搜索关键词").fill("托育");
  await submit(page).click();
  await expect(page).toHaveURL(/\/search\?q=%E6%89%98%E8%82%B2$/);
  await expect(page.getByText("找到 4 条与“托育”相关的结果")).toBeVisible();

  const titles = await results(page).getByRole("heading", { level: 2 }).allTextContents();
  expect(titles).toHaveLength(4);
  // Every title holding the word comes before every result that has it only in the text.
  const inTitle = titles.map((t) => t.includes("托育"));
  expect(inTitle).toEqual([true, true, false, false]);

  const first = results(page).first();
  await expect(first.getByRole("heading").locator("mark")).toHaveText("托育");
  await expect(first.getByText("活动", { exact: true })).toBeVisible();
  await expect(first.getByRole("link")).toHaveAttribute("href", /^\/events\/\d+$/);
  // Body-only matches show the word highlighted in their excerpt.
  await expect(results(page).nth(2).locator("p mark").first()).toHaveText("托育");
  await expect(results(page).nth(2).getByText("新闻", { exact: true })).toBeVisible();
  await expectNoAxeViolations();
});

test("a longer phrase and a word inside a compound are found", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto(`/search?q=${encodeURIComponent("生育友好型社会")}`);
  await expect(page.getByText("找到 2 条与“生育友好型社会”相关的结果")).toBeVisible();
  await expect(results(page).locator("h2 mark")).toHaveText(["生育友好型社会", "生育友好型社会"]);

  // 集市 inside 共富集市 (a dictionary segmenter makes that 共|富集|市).
  await page.getByLabel("搜索关键词").fill("集市");
  await page.getByLabel("搜索关键词").press("Enter");
  await expect(
    results(page).getByRole("heading", { name: "界别联新·共富同行——“红领亚都和美生活”共富集市" }),
  ).toBeVisible();
  await expectNoAxeViolations();
});

test("pages through many results", async ({ page, expectNoAxeViolations }) => {
  await page.goto(`/search?q=${encodeURIComponent("委员")}`);
  const summary = await page.getByText(/^找到 \d+ 条与“委员”相关的结果$/).textContent();
  const total = Number(/\d+/.exec(summary ?? "")?.[0]);
  expect(total).toBeGreaterThan(10);
  await expect(results(page)).toHaveCount(10);
  const pagination = page.getByRole("navigation", { name: "搜索结果分页" });
  await expect(pagination.getByRole("link", { name: "第 1 页" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const firstPage = await results(page).getByRole("heading").allTextContents();
  await pagination.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(results(page)).toHaveCount(Math.min(10, total - 10));
  const secondPage = await results(page).getByRole("heading").allTextContents();
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
  await expectNoAxeViolations();

  await page.goto(`/search?q=${encodeURIComponent("委员")}&page=99`);
  await expect(page.getByText("这一页已经没有结果了。")).toBeVisible();
  await page.getByRole("link", { name: "回到第一页" }).click();
  await expect(results(page)).toHaveCount(10);
});

test("nothing found: says so and suggests what to try", async ({ page, expectNoAxeViolations }) => {
  await page.goto(`/search?q=${encodeURIComponent("量子计算")}`);
  await expect(
    page.getByRole("heading", { level: 2, name: "没有找到与“量子计算”相关的内容" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "义诊" })).toHaveAttribute(
    "href",
    `/search?q=${encodeURIComponent("义诊")}`,
  );
  await expect(page.getByRole("list", { name: "搜索结果" })).toHaveCount(0);
  await expectNoAxeViolations();
});

test("an empty, overlong or punctuation-only query gets a message and keeps what was typed", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto("/search");
  await submit(page).click();
  await expect(page.getByText("请输入要查找的内容。")).toBeVisible();
  await expectNoAxeViolations();

  const long = "托育服务".repeat(13);
  await page.goto(`/search?q=${encodeURIComponent(long)}`);
  const box = page.getByLabel("搜索关键词");
  await expect(page.getByText("搜索词太长了，请控制在 50 个字以内。")).toBeVisible();
  await expect(box).toHaveValue(long);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("list", { name: "搜索结果" })).toHaveCount(0);
  await expectNoAxeViolations();

  const soup = "'; drop table x; -- %_ <script>";
  await page.goto(`/search?q=${encodeURIComponent(soup)}`);
  await expect(box).toHaveValue(soup);
  // Shown as text, never as markup.
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(
    `没有找到与“${soup}”相关的内容`,
  );
  await expect(page.locator("main script")).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent("%_!")}`);
  await expect(page.getByText("请输入汉字、字母或数字，标点符号无法搜索。")).toBeVisible();
  await expectNoAxeViolations();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form submits and results show", async ({ page }) => {
    await page.goto("/search");
    await page.getByLabel("搜索关键词").fill("义诊");
    await page.getByLabel("搜索关键词").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByText("找到 3 条与“义诊”相关的结果")).toBeVisible();
    await expect(results(page).locator("h2 mark")).toHaveText(["义诊", "义诊", "义诊"]);
  });
});
