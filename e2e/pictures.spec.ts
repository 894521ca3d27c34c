import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Pictures as a reader meets them on the demo data: 图片新闻 on the home page, thumbnails
 * in the news lists, variants in several widths (WebP with a JPEG fallback) served from
 * immutable, content-addressed URLs, and nothing shifting as they load.
 */

interface Shown {
  src: string;
  naturalWidth: number;
  width: string | null;
  height: string | null;
  srcset: string | null;
  webpSrcset: string | null;
  loading: string | null;
}

/** Scrolls every picture into view (lazy ones load), waits for them, reads what they show. */
async function loadedPictures(page: Page, scope: string): Promise<Shown[]> {
  const images = page.locator(`${scope} picture img`);
  const count = await images.count();
  for (let i = 0; i < count; i++) await images.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (selector) =>
      [...document.querySelectorAll<HTMLImageElement>(selector)].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    `${scope} picture img`,
  );
  return images.evaluateAll((nodes) =>
    (nodes as HTMLImageElement[]).map((img) => ({
      src: img.currentSrc,
      naturalWidth: img.naturalWidth,
      width: img.getAttribute("width"),
      height: img.getAttribute("height"),
      srcset: img.getAttribute("srcset"),
      webpSrcset:
        img.parentElement?.querySelector('source[type="image/webp"]')?.getAttribute("srcset") ??
        null,
      loading: img.getAttribute("loading"),
    })),
  );
}

function expectSizedPictures(shown: Shown[], atLeast: number) {
  expect(shown.length).toBeGreaterThanOrEqual(atLeast);
  for (const img of shown) {
    expect(img.naturalWidth, img.src).toBeGreaterThan(0);
    expect(Number(img.width), img.src).toBeGreaterThan(0);
    expect(Number(img.height), img.src).toBeGreaterThan(0);
    expect(img.srcset, img.src).toMatch(/\.jpg \d+w/);
    expect(img.webpSrcset, img.src).toMatch(/\.webp \d+w/);
  }
}

test.describe("pictures", () => {
  test("the home page leads with 图片新闻: pictures load, sized, in several widths", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/");
    const section = page.getByRole("region", { name: "图片新闻" });
    await expect(section).toBeVisible();
    // It comes first on the page, before every other section.
    const firstHeading = await page.locator("main h2").first().textContent();
    expect(firstHeading).toContain("图片新闻");
    const shown = await loadedPictures(page, "main");
    expectSizedPictures(shown, 3);
    // Chromium takes WebP: the variants it chose are the WebP ones.
    expect(shown.every((img) => /\.webp$/.test(new URL(img.src).pathname))).toBe(true);
    // The lead picture loads at once, the others lazily.
    expect(shown[0]?.loading).toBe("eager");
    expect(shown.slice(1).every((img) => img.loading === "lazy")).toBe(true);
    await expectNoAxeViolations();
  });

  test("/news shows a picture beside every article, photos and designed covers", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/news");
    const items = page.getByRole("list", { name: /文章列表$/ }).locator(":scope > li");
    const shown = await loadedPictures(page, "main");
    expectSizedPictures(shown, 3);
    // No gaps: every article of the list has its picture.
    expect(shown.length).toBeGreaterThanOrEqual(await items.count());
    expect(shown.some((img) => img.src.includes("/files/"))).toBe(true);
    expect(shown.some((img) => img.src.includes("/covers/"))).toBe(true);
    await expectNoAxeViolations();
  });

  test("variant URLs answer immutable, with the right types, and refuse made-up widths", async ({
    page,
    request,
  }) => {
    await page.goto("/news");
    const srcsets = await page
      .locator("main picture img")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("srcset") ?? ""));
    const urls = srcsets.flatMap((s) => s.split(", ").map((part) => part.split(" ")[0] ?? ""));
    const photo = urls.find((u) => u.startsWith("/files/"));
    const designed = urls.find((u) => u.startsWith("/covers/"));
    expect(photo).toBeTruthy();
    expect(designed).toBeTruthy();
    for (const jpg of [photo as string, designed as string]) {
      for (const [url, type, magic] of [
        [jpg, "image/jpeg", "ffd8ff"],
        [jpg.replace(/\.jpg$/, ".webp"), "image/webp", "52494646"],
      ] as const) {
        const response = await request.get(url);
        expect(response.status(), url).toBe(200);
        expect(response.headers()["content-type"]).toBe(type);
        expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
        const body = await response.body();
        expect(body.subarray(0, magic.length / 2).toString("hex")).toBe(magic);
        // Asked again with its ETag: 304, nothing re-sent.
        const again = await request.get(url, {
          headers: { "If-None-Match": response.headers().etag ?? "" },
        });
        expect(again.status()).toBe(304);
      }
    }
    const base = (photo as string).replace(/\/\d+\.jpg$/, "");
    expect((await request.get(`${base}/333.jpg`)).status()).toBe(404);
    expect((await request.get(`${base}/640.png`)).status()).toBe(404);
    // A designed cover whose words changed (a different hash) is not drawn.
    const stale = (designed as string).replace(/\/[0-9a-f]{16}\//, "/0000000000000000/");
    expect((await request.get(stale)).status()).toBe(404);
    // The original file keeps answering at its old address.
    expect((await request.get(base)).status()).toBe(200);
  });

  test("nothing shifts as pictures load", async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
          (window as unknown as { __shift: number }).__shift += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    for (const path of ["/", "/news"]) {
      await page.goto(path);
      await loadedPictures(page, "main");
      const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
      expect(shift, path).toBeLessThan(0.01);
    }
  });

  test("a studio page shows its photo and how to reach it", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await page.goto("/studios/tongxin");
    const facts = page.getByRole("region", { name: "工作室信息" });
    await expect(facts.getByText("联系人")).toBeVisible();
    await expect(facts.getByRole("link", { name: /^拨打.*电话 0573-/ })).toHaveAttribute(
      "href",
      /^tel:0573/,
    );
    await expect(facts.getByText("开放时间")).toBeVisible();
    expectSizedPictures(await loadedPictures(page, "main"), 1);
    await expectNoAxeViolations();

    await page.goto("/towns");
    expectSizedPictures(await loadedPictures(page, "main"), 9);
    await expectNoAxeViolations();
  });
});
