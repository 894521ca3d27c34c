import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const TOWNS = [
  ["xincheng-jiedao", "新城街道"],
  ["jiabei-jiedao", "嘉北街道"],
  ["tanghui-jiedao", "塘汇街道"],
  ["gaozhao-jiedao", "高照街道"],
  ["wangjiangjing-zhen", "王江泾镇"],
  ["youchegang-zhen", "油车港镇"],
  ["xincheng-zhen", "新塍镇"],
  ["wangdian-zhen", "王店镇"],
  ["honghe-zhen", "洪合镇"],
] as const;

/** A phone user should never have to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("directory pages", () => {
  test("the sectors page lists all 19 sectors, each with its figures", async ({
    page,
    expectNoAxeViolations,
  }) => {
    const response = await page.goto("/sectors");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/界别/);
    await expect(page.getByRole("heading", { level: 1, name: "界别" })).toBeVisible();
    const sectors = page.getByRole("list", { name: "界别列表" }).getByRole("listitem");
    await expect(sectors).toHaveCount(19);
    const yiwei = sectors.filter({ has: page.getByRole("link", { name: "医卫界", exact: true }) });
    await expect(yiwei).toContainText(/委员工作室\s*2\s*个/);
    await expect(yiwei).toContainText(/近期活动\s*1\s*场/);
    await expectNoAxeViolations();
  });

  test("a sector page shows its events, news and studios", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/sectors");
    await page.getByRole("link", { name: "医卫界", exact: true }).click();
    await expect(page).toHaveURL(/\/sectors\/yiwei$/);
    await expect(page).toHaveTitle(/医卫界/);
    await expect(page.getByRole("heading", { level: 1, name: "医卫界" })).toBeVisible();

    const upcoming = page.getByRole("region", { name: "近期活动" });
    await expect(upcoming.getByRole("link", { name: /洪合镇义诊和健康讲座/ })).toBeVisible();
    const past = page.getByRole("region", { name: "往期活动" });
    await expect(past.getByRole("link", { name: "“嘉有名医 祝您健康”主题义诊" })).toBeVisible();
    const news = page.getByRole("region", { name: "界别动态" });
    await expect(
      news.getByRole("link", { name: "名医坐诊到家门口：医卫界在康安医院办义诊" }),
    ).toBeVisible();
    const studios = page.getByRole("region", { name: "服务本界别的委员工作室" });
    await expect(studios.getByRole("link", { name: "心灵之秀委员工作室" })).toBeVisible();
    await expect(studios.getByRole("link", { name: "健康守护委员工作室" })).toBeVisible();
    await expect(page.getByRole("link", { name: "在活动日历中查看" })).toHaveAttribute(
      "href",
      "/events?sector=yiwei",
    );
    await expectNoAxeViolations();

    // The news link leads to the article.
    await expect(
      news.getByRole("link", { name: "名医坐诊到家门口：医卫界在康安医院办义诊" }),
    ).toHaveAttribute("href", "/news/2026-05-free-clinic");
  });

  test("an unknown sector or studio is a 404 page", async ({ page, expectNoAxeViolations }) => {
    const sector = await page.goto("/sectors/no-such-sector");
    expect(sector?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    const office = await page.goto("/studios/xincheng-jiedao-lianluoshi");
    expect(office?.status()).toBe(404);
    await expectNoAxeViolations();
  });

  test("the studios page lists 15 studios with town, address and sectors", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/studios");
    await expect(page.getByRole("heading", { level: 1, name: "委员工作室" })).toBeVisible();
    const studios = page.getByRole("list", { name: "委员工作室列表" }).getByRole("article");
    await expect(studios).toHaveCount(15);
    for (const name of ["心灵之秀委员工作室", "青缘汇委员工作室", "益之家委员工作室"]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    const xinling = studios.filter({ hasText: "心灵之秀委员工作室" });
    await expect(xinling).toContainText("新城街道");
    await expect(xinling).toContainText("秀洲区新城街道秀水路 21 号");
    await expect(xinling.getByRole("link", { name: "教育界" })).toHaveAttribute(
      "href",
      "/sectors/jiaoyu",
    );
    await expectNoAxeViolations();
  });

  test("a studio page shows where it is, whom it serves and its events", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/studios");
    await page.getByRole("link", { name: "健康守护委员工作室" }).click();
    await expect(page).toHaveURL(/\/studios\/jiankang-shouhu$/);
    await expect(page).toHaveTitle(/健康守护委员工作室/);
    await expect(page.getByRole("heading", { level: 1, name: "健康守护委员工作室" })).toBeVisible();
    const facts = page.getByRole("region", { name: "工作室信息" });
    await expect(facts).toContainText("王店镇");
    await expect(facts).toContainText("秀洲区王店镇健康路 52 号");
    await expect(facts.getByRole("link", { name: "医卫界" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "往期活动" }).getByRole("link", {
        name: "“嘉有名医 祝您健康”主题义诊",
      }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "近期活动" })).toContainText("近期暂无");
    await expectNoAxeViolations();

    await page.goto("/studios/qingyuanhui");
    await expect(
      page.getByRole("region", { name: "近期活动" }).getByRole("link", {
        name: "“托育服务扩容”开门协商",
      }),
    ).toBeVisible();
    await expectNoAxeViolations();
  });

  test("the towns page lists nine towns, each with its liaison office", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/towns");
    await expect(page.getByRole("heading", { level: 1, name: "镇街与联络室" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "街道" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "镇" })).toBeVisible();
    for (const [slug, name] of TOWNS) {
      const town = page.locator(`#town-${slug}`);
      await expect(town.getByRole("heading", { level: 3 })).toHaveText(name);
      await expect(town).toContainText(`${name}联络室`);
      await expect(town).toContainText(`秀洲区${name}便民服务中心`);
      await expect(town.getByRole("link", { name: "本镇街活动日历" })).toHaveAttribute(
        "href",
        `/events?town=${slug}`,
      );
    }
    await expect(
      page.locator("#town-xincheng-jiedao").getByRole("link", { name: "心灵之秀委员工作室" }),
    ).toBeVisible();
    await expectNoAxeViolations();

    // The quick links jump to a town's card.
    await page.getByRole("navigation", { name: "快速跳转到镇街" }).getByText("洪合镇").click();
    await expect(page).toHaveURL(/#town-honghe-zhen$/);
    await expect(page.locator("#town-honghe-zhen")).toBeInViewport();
  });
});

test.describe("directory pages on a phone without JavaScript", () => {
  const phone = { width: 390, height: 844 };
  test.use({ javaScriptEnabled: false, viewport: phone });

  test("every directory page renders and its links work", async ({
    page,
    browser,
    expectNoAxeViolations,
  }) => {
    // Five pages, each loaded twice and checked by axe.
    test.setTimeout(60_000);
    // axe runs in the page, so it checks each page in a second tab, with scripts, at phone width.
    const scripted = await browser.newContext({ viewport: phone, javaScriptEnabled: true });
    const checker = await scripted.newPage();
    const checkPage = async () => {
      await expectNoSidewaysScroll(page);
      await checker.goto(page.url());
      await expectNoAxeViolations(checker);
    };

    await page.goto("/sectors");
    await expect(page.getByRole("list", { name: "界别列表" }).getByRole("listitem")).toHaveCount(
      19,
    );
    await checkPage();

    await page.getByRole("link", { name: "医卫界", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "医卫界" })).toBeVisible();
    await expect(page.getByText("“嘉有名医 祝您健康”主题义诊")).toBeVisible();
    await checkPage();

    await page.getByRole("link", { name: "心灵之秀委员工作室" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "心灵之秀委员工作室" })).toBeVisible();
    await checkPage();

    await page.getByRole("link", { name: "新城街道的联络室和工作室" }).click();
    await expect(page).toHaveURL(/\/towns#town-xincheng-jiedao$/);
    await expect(page.locator("#town-xincheng-jiedao")).toContainText("新城街道联络室");
    await checkPage();

    await page.goto("/studios");
    await expect(
      page.getByRole("list", { name: "委员工作室列表" }).getByRole("article"),
    ).toHaveCount(15);
    await checkPage();
    await scripted.close();
  });
});
