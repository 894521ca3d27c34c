import type { APIRequestContext, Page } from "@playwright/test";
import Parser from "rss-parser";
import { expect, test } from "./fixtures";

/**
 * News, feeds and SEO as a reader, a feed reader and a crawler meet them, on the
 * demo data: nine visible articles in four columns, and one scheduled three days
 * ahead (slug `<local date + 3 days>-smart-home-visit-report`).
 */

const SCHEDULED_TITLE = "智能家居企业盼“丝路通”拓展服务";
const MARKET = {
  slug: "2026-05-gongfu-market",
  title: "集市上的履职课：九位委员逛摊位、听民声",
  summary: "新城街道的共富集市上，委员们和摊主、居民面对面，带回一份让集市更红火的建议清单。",
  event: "界别联新·共富同行——“红领亚都和美生活”共富集市",
};

/** The demo data dates the scheduled article from the day the database was created: today. */
function scheduledSlug(): string {
  const local = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000);
  return `${local.toISOString().slice(0, 10)}-smart-home-visit-report`;
}

const WECHAT_UA =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.49";

const parser = new Parser();

async function listTitles(page: Page): Promise<string[]> {
  return page
    .getByRole("list", { name: /文章列表$/ })
    .getByRole("heading", { level: 2 })
    .allInnerTexts();
}

async function fetchFeed(request: APIRequestContext, path: string, contentType: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe(contentType);
  expect(response.headers()["cache-control"]).toMatch(/max-age=\d+/);
  return { response, feed: await parser.parseString(await response.text()) };
}

test("the news list switches columns and pages, with links only", async ({
  page,
  expectNoAxeViolations,
}) => {
  const response = await page.goto("/news");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "新闻" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "新闻栏目" });
  await expect(tabs.getByRole("link", { name: "全部" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("共 9 篇")).toBeVisible();

  const pager = page.getByRole("navigation", { name: "分页" });
  await expect(pager.getByRole("link", { name: "第 1 页" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const firstPage = await listTitles(page);
  expect(firstPage).toHaveLength(8);
  await expectNoAxeViolations(page);

  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/news\?page=2$/);
  await expect(pager.getByRole("link", { name: "第 2 页" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(pager.getByRole("link", { name: "第 1 页" })).not.toHaveAttribute("aria-current");
  const secondPage = await listTitles(page);
  expect(secondPage).toHaveLength(1);
  expect(new Set([...firstPage, ...secondPage]).size).toBe(9);
  expect([...firstPage, ...secondPage]).not.toContain(SCHEDULED_TITLE);
  await expectNoAxeViolations(page);

  await tabs.getByRole("link", { name: "界别动态" }).click();
  await expect(page).toHaveURL(/\/news\?column=jiebie-dongtai$/);
  await expect(page.getByRole("heading", { level: 1, name: "界别动态" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "界别动态" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(tabs.getByRole("link", { name: "全部" })).not.toHaveAttribute("aria-current");
  expect(await listTitles(page)).toEqual([
    "“致爱助侨”再出发：侨企讲创新 律师讲侨法",
    "一堂海洋科普课 一批新器材：送教服务走进印通小学",
    "三个界别同场协商 为生育友好型社会建设献策",
    "科技界委员走进医院科研一线 探路“AI+生物医药”",
  ]);
  // One page only: no pager.
  await expect(page.getByRole("navigation", { name: "分页" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("unknown columns and pages past the end are 404", async ({
  page,
  request,
  expectNoAxeViolations,
}) => {
  for (const path of [
    "/news?column=no-such-column",
    "/news?page=3",
    "/news?page=abc",
    "/news?column=tongzhi-gonggao&page=2",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const response = await page.goto("/news?column=no-such-column");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await expectNoAxeViolations(page);
});

test("an article shows its bylines, sectors, event, related articles and the way back", async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto("/news?column=weiyuan-fengcai");
  await page.getByRole("link", { name: MARKET.title }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${MARKET.slug}$`));

  const article = page.getByRole("article");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MARKET.title);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(article.getByRole("link", { name: "委员风采", exact: true })).toBeVisible();
  // 9:00 on 17 May 2026 in Asia/Shanghai (01:00 UTC).
  await expect(article.locator("time").first()).toHaveText("2026年5月17日 09:00");
  await expect(article.getByText("记者 周文澜")).toBeVisible();
  await expect(article.getByText("通讯员 陆思远")).toBeVisible();

  // The Markdown body: its "##" heading sits under the title, its list is a list.
  await expect(article.getByRole("heading", { level: 2, name: "委员们记下的问题" })).toBeVisible();
  await expect(article.getByRole("listitem").filter({ hasText: "商品种类偏少" })).toBeVisible();

  for (const [name, slug] of [
    ["农业界", "nongye"],
    ["工商联界", "gongshanglian"],
    ["经济界", "jingji"],
  ] as const) {
    await expect(article.getByRole("link", { name, exact: true })).toHaveAttribute(
      "href",
      `/sectors/${slug}`,
    );
  }
  await expect(article.getByRole("link", { name: MARKET.event })).toHaveAttribute(
    "href",
    /^\/events\/\d+$/,
  );

  const related = page.getByRole("region", { name: "相关报道" });
  await expect(
    related.getByRole("link", { name: "“丝路通”怎样走得更远？王江泾开门协商话出海" }),
  ).toBeVisible();
  await expect(related.getByRole("link", { name: MARKET.title })).toHaveCount(0);
  await expect(related.getByRole("link", { name: SCHEDULED_TITLE })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await related.getByRole("link", { name: "“丝路通”怎样走得更远？王江泾开门协商话出海" }).click();
  await expect(page).toHaveURL(/\/news\/2026-05-silk-road-consultation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "“丝路通”怎样走得更远？王江泾开门协商话出海",
  );
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "返回「政协之窗」" }).click();
  await expect(page).toHaveURL(/\/news\?column=zhengxie-zhichuang$/);
  await expect(page.getByRole("heading", { level: 1, name: "政协之窗" })).toBeVisible();
});

test("a shared article link carries its title, summary and canonical URL in the head", async ({
  page,
  request,
  baseURL,
  expectNoAxeViolations,
}) => {
  const url = `${baseURL}/news/${MARKET.slug}`;
  // As WeChat's link preview reads it: the raw HTML's <head>, no JavaScript.
  const html = await (
    await request.get(`/news/${MARKET.slug}`, { headers: { "User-Agent": WECHAT_UA } })
  ).text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head).toContain(`<link rel="canonical" href="${url}"/>`);
  expect(head).toContain('<meta property="og:type" content="article"/>');
  expect(head).toContain(`<meta property="og:title" content="${MARKET.title}"/>`);
  expect(head).toContain(`<meta property="og:description" content="${MARKET.summary}"/>`);
  expect(head).toContain(`<meta property="og:url" content="${url}"/>`);
  expect(head).toContain(
    '<meta property="article:published_time" content="2026-05-17T01:00:00.000Z"/>',
  );
  expect(head).toContain(`<meta name="description" content="${MARKET.summary}"/>`);

  // And in a browser, once the page has loaded.
  await page.goto(`/news/${MARKET.slug}`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute(
    "content",
    MARKET.title,
  );
  await expect(page.locator('head meta[property="og:description"]')).toHaveAttribute(
    "content",
    MARKET.summary,
  );
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page);

  // The list pages name their feeds and their canonical URL too.
  await page.goto("/news?column=tongzhi-gonggao");
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${baseURL}/news?column=tongzhi-gonggao`,
  );
  await expect(
    page.locator('head link[rel="alternate"][type="application/rss+xml"]'),
  ).toHaveAttribute("href", `${baseURL}/feed.xml?column=tongzhi-gonggao`);
  await expectNoAxeViolations(page);
});

test("RSS and Atom feeds list what the news pages list, scheduled article excepted", async ({
  page,
  request,
  baseURL,
  expectNoAxeViolations,
}) => {
  await page.goto("/news");
  const onPages = await listTitles(page);
  await expectNoAxeViolations(page);
  await page.goto("/news?page=2");
  onPages.push(...(await listTitles(page)));
  await expectNoAxeViolations(page);

  const rss = await fetchFeed(request, "/feed.xml", "application/rss+xml; charset=utf-8");
  expect(rss.feed.items.map((i) => i.title)).toEqual(onPages);
  expect(rss.feed.items[0]?.link).toMatch(new RegExp(`^${baseURL}/news/`));
  expect(rss.feed.items.map((i) => i.title)).not.toContain(SCHEDULED_TITLE);
  const market = rss.feed.items.find((i) => i.title === MARKET.title);
  expect(market?.link).toBe(`${baseURL}/news/${MARKET.slug}`);
  expect(market?.contentSnippet).toBe(MARKET.summary);

  const atom = await fetchFeed(request, "/atom.xml", "application/atom+xml; charset=utf-8");
  expect(atom.feed.items.map((i) => i.title)).toEqual(onPages);
  expect(atom.feed.items.map((i) => i.link)).toEqual(rss.feed.items.map((i) => i.link));

  // A column's feeds hold that column's articles, as its page lists them.
  await page.goto("/news?column=tongzhi-gonggao");
  const notices = await listTitles(page);
  expect(notices).toHaveLength(2);
  for (const path of ["/feed.xml?column=tongzhi-gonggao", "/atom.xml?column=tongzhi-gonggao"]) {
    const type = path.startsWith("/feed") ? "application/rss+xml" : "application/atom+xml";
    const { feed } = await fetchFeed(request, path, `${type}; charset=utf-8`);
    expect(feed.title).toContain("通知公告");
    expect(feed.items.map((i) => i.title)).toEqual(notices);
  }
  const jiebie = await fetchFeed(
    request,
    "/feed.xml?column=jiebie-dongtai",
    "application/rss+xml; charset=utf-8",
  );
  expect(jiebie.feed.items).toHaveLength(4);
  expect(jiebie.feed.items.map((i) => i.title)).not.toContain(SCHEDULED_TITLE);

  expect((await request.get("/feed.xml?column=no-such-column")).status()).toBe(404);
  expect((await request.get("/atom.xml?column=no-such-column")).status()).toBe(404);

  // A feed reader polling with the ETag it has gets "not modified".
  const etag = rss.response.headers().etag;
  expect(etag).toBeTruthy();
  const again = await request.get("/feed.xml", { headers: { "If-None-Match": etag ?? "" } });
  expect(again.status()).toBe(304);
});

test("sitemap.xml and robots.txt guide crawlers to public pages only", async ({
  request,
  baseURL,
}) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toContain("xml");
  const xml = await sitemap.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  for (const path of [
    "/",
    "/news",
    `/news/${MARKET.slug}`,
    "/events",
    "/sectors",
    "/sectors/keji",
    "/studios",
    "/towns",
    "/campaigns/activity-week-2026",
    "/cases",
    "/opinions",
    "/stats",
  ]) {
    expect(locs, path).toContain(`${baseURL}${path}`);
  }
  expect(locs.filter((l) => /\/news\/[^/]+$/.test(l ?? ""))).toHaveLength(9);
  expect(locs.some((l) => /\/events\/\d+$/.test(l ?? ""))).toBe(true);
  expect(locs.some((l) => /\/studios\/[^/]+$/.test(l ?? ""))).toBe(true);
  expect(xml).not.toContain(scheduledSlug());

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toContain("Allow: /");
  for (const path of ["/admin", "/member", "/api"]) expect(text).toContain(`Disallow: ${path}`);
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("the scheduled article cannot be opened before its time", async ({
  page,
  request,
  expectNoAxeViolations,
}) => {
  const path = `/news/${scheduledSlug()}`;
  expect((await request.get(path)).status()).toBe(404);
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(SCHEDULED_TITLE)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Nor is it on the home page.
  await page.goto("/");
  await expect(page.getByText(SCHEDULED_TITLE)).toHaveCount(0);
});

test("files are served only when public", async ({ request }) => {
  expect((await request.get("/files/not-a-file-id")).status()).toBe(404);
  const missing = await request.get("/files/7d9f4b7e-2f7c-4c44-9e55-0c7c6f0f8a11");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toBe("文件不存在。");
});

// axe-core runs as a script in the page, which a context without JavaScript refuses; the
// same pages are checked with axe in the tests above.
test("news works with JavaScript turned off", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  try {
    await page.goto("/news");
    await page
      .getByRole("navigation", { name: "新闻栏目" })
      .getByRole("link", { name: "通知公告" })
      .click();
    await expect(page).toHaveURL(/\/news\?column=tongzhi-gonggao$/);
    await expect(page.getByRole("heading", { level: 1, name: "通知公告" })).toBeVisible();
    expect(await listTitles(page)).toHaveLength(2);

    await page
      .getByRole("navigation", { name: "新闻栏目" })
      .getByRole("link", { name: "全部" })
      .click();
    await page
      .getByRole("navigation", { name: "分页" })
      .getByRole("link", { name: "下一页" })
      .click();
    await expect(page).toHaveURL(/\/news\?page=2$/);
    expect(await listTitles(page)).toHaveLength(1);

    await page.goto(`/news/${MARKET.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(MARKET.title);
    await expect(page.getByText("记者 周文澜")).toBeVisible();
    await page.getByRole("link", { name: "返回「委员风采」" }).click();
    await expect(page).toHaveURL(/\/news\?column=weiyuan-fengcai$/);
  } finally {
    await context.close();
  }
});

test("news pages fit a phone and a desktop", async ({ page }, testInfo) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    for (const [name, path] of [
      ["list", "/news"],
      ["article", `/news/${MARKET.slug}`],
    ] as const) {
      await page.goto(path);
      // Nothing pushes the page sideways.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: testInfo.outputPath(`news-${name}-${width}.png`),
        fullPage: true,
      });
    }
  }
});
