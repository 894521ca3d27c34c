import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibilityEpoch } from "../../../lib/news/rules";
import type { Database } from "../../client";
import { articles, files } from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { selectPublicFile } from "../shared/files";
import { selectSitemapEntries } from "../sitemap";
import { selectFeedArticles } from "./feed";
import {
  selectArticlePage,
  selectLatestArticles,
  selectNewsColumns,
  selectPublicArticle,
  selectPublicationSchedule,
  selectRelatedArticles,
} from "./public";

// 11:00 in Asia/Shanghai on 26 November 2026; the scheduled article is due on the 29th at 10:00.
const NOW = new Date("2026-11-26T03:00:00Z");
const SCHEDULED_SLUG = "2026-11-29-smart-home-visit-report";
const SCHEDULED_AT = new Date("2026-11-29T02:00:00Z");
const JUST_BEFORE = new Date(SCHEDULED_AT.getTime() - 1_000);

let handle: TestDatabase;
let db: Database;
let columnIds: Map<string, number>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { withAccounts: false, now: NOW });
  columnIds = new Map((await selectNewsColumns(db)).map((c) => [c.slug, c.id]));
});
afterAll(async () => {
  await handle?.close();
});

function column(slug: string): number {
  const id = columnIds.get(slug);
  if (id === undefined) throw new Error(`no column ${slug}`);
  return id;
}

describe(`news queries on ${driverLabel()}`, () => {
  it("lists the columns in their order", async () => {
    expect((await selectNewsColumns(db)).map((c) => c.name)).toEqual([
      "政协之窗",
      "界别动态",
      "委员风采",
      "通知公告",
    ]);
  });

  it("keeps the scheduled article out of every list until its time, then shows it", async () => {
    const before = await selectArticlePage(db, {
      columnId: null,
      offset: 0,
      limit: 50,
      asOf: JUST_BEFORE,
    });
    expect(before.total).toBe(9);
    expect(before.items.map((a) => a.slug)).not.toContain(SCHEDULED_SLUG);
    expect(await selectPublicArticle(db, SCHEDULED_SLUG, JUST_BEFORE)).toBeNull();
    const feed = await selectFeedArticles(db, { columnId: null, asOf: JUST_BEFORE });
    expect(feed.map((a) => a.slug)).not.toContain(SCHEDULED_SLUG);
    const sitemap = await selectSitemapEntries(db, JUST_BEFORE);
    expect(sitemap.articles.map((a) => a.slug)).not.toContain(SCHEDULED_SLUG);
    expect((await selectLatestArticles(db, 20, JUST_BEFORE)).map((a) => a.slug)).not.toContain(
      SCHEDULED_SLUG,
    );

    const after = await selectArticlePage(db, {
      columnId: null,
      offset: 0,
      limit: 50,
      asOf: SCHEDULED_AT,
    });
    expect(after.total).toBe(10);
    expect(after.items[0]?.slug).toBe(SCHEDULED_SLUG);
    expect((await selectPublicArticle(db, SCHEDULED_SLUG, SCHEDULED_AT))?.title).toBe(
      "智能家居企业盼“丝路通”拓展服务",
    );
    const feedAfter = await selectFeedArticles(db, { columnId: null, asOf: SCHEDULED_AT });
    expect(feedAfter[0]?.slug).toBe(SCHEDULED_SLUG);
  });

  it("reads the schedule so that cached lists change exactly when the article is due", async () => {
    const schedule = await selectPublicationSchedule(db, NOW);
    expect(schedule.upcoming).toEqual([SCHEDULED_AT]);
    expect(schedule.complete).toBe(true);
    expect(visibilityEpoch(JUST_BEFORE, schedule)).toEqual(NOW);
    expect(visibilityEpoch(new Date(SCHEDULED_AT.getTime() + 60_000), schedule)).toEqual(
      SCHEDULED_AT,
    );
  });

  it("never shows a draft", async () => {
    await db
      .update(articles)
      .set({ status: "draft" })
      .where(eq(articles.slug, "2026-05-free-clinic"));
    try {
      expect(await selectPublicArticle(db, "2026-05-free-clinic", NOW)).toBeNull();
      const page = await selectArticlePage(db, { columnId: null, offset: 0, limit: 50, asOf: NOW });
      expect(page.total).toBe(8);
    } finally {
      await db
        .update(articles)
        .set({ status: "published" })
        .where(eq(articles.slug, "2026-05-free-clinic"));
    }
  });

  it("lists one column newest first", async () => {
    const page = await selectArticlePage(db, {
      columnId: column("jiebie-dongtai"),
      offset: 0,
      limit: 10,
      asOf: NOW,
    });
    expect(page.total).toBe(4);
    expect(page.items.map((a) => a.slug)).toEqual([
      "2026-05-zhiai-zhuqiao",
      "2026-05-yintong-school",
      "2026-05-birth-friendly-consultation",
      "2026-05-ai-biomed-visit",
    ]);
    expect(page.items.every((a) => a.columnName === "界别动态")).toBe(true);
  });

  it("pages through all columns with a stable order and total", async () => {
    const first = await selectArticlePage(db, { columnId: null, offset: 0, limit: 6, asOf: NOW });
    const second = await selectArticlePage(db, { columnId: null, offset: 6, limit: 6, asOf: NOW });
    expect(first.total).toBe(9);
    expect(second.total).toBe(9);
    expect(first.items).toHaveLength(6);
    expect(second.items).toHaveLength(3);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((a) => a.id)).size).toBe(9);
    const times = all.map((a) => a.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("reads an article with its sectors and event, and relates others without itself", async () => {
    const article = await selectPublicArticle(db, "2026-05-gongfu-market", NOW);
    expect(article).not.toBeNull();
    if (!article) return;
    expect(article.reporter).toBe("周文澜");
    expect(article.correspondent).toBe("陆思远");
    expect(article.columnSlug).toBe("weiyuan-fengcai");
    expect(article.sectors.map((s) => s.slug).sort()).toEqual([
      "gongshanglian",
      "jingji",
      "nongye",
    ]);
    expect(article.event?.title).toBeTruthy();
    // The demo data draws its cover picture at seed time: a public JPEG with its size.
    expect(article.cover).toMatchObject({
      contentType: "image/jpeg",
      credit: "秀洲区政协办公室 供图",
    });
    expect(article.cover?.width).toBeGreaterThan(0);

    const related = await selectRelatedArticles(
      db,
      { id: article.id, columnId: article.columnId, sectorIds: article.sectors.map((s) => s.id) },
      NOW,
    );
    const slugs = related.map((r) => r.slug);
    expect(slugs).not.toContain("2026-05-gongfu-market");
    expect(slugs).not.toContain(SCHEDULED_SLUG);
    // Shares two sectors (经济界, 工商联界): first.
    expect(slugs[0]).toBe("2026-05-silk-road-consultation");
    // Same column, no shared sector.
    expect(slugs).toContain("2026-05-free-clinic");
    expect(related.length).toBeLessThanOrEqual(4);
  });

  it("shows a cover only when its file is public", async () => {
    const data = Buffer.from("not really a jpeg, only bytes");
    const sha256 = createHash("sha256").update(data).digest("hex");
    const [file] = await db
      .insert(files)
      .values({
        sha256,
        contentType: "image/jpeg",
        byteSize: data.length,
        data,
        width: 4,
        height: 3,
      })
      .returning({ id: files.id });
    if (!file) throw new Error("no file");
    await db
      .update(articles)
      .set({ coverFileId: file.id })
      .where(eq(articles.slug, "2026-05-yintong-school"));

    // Private by default: neither the file nor the cover is visible.
    expect(await selectPublicFile(db, file.id, { withData: true })).toBeNull();
    expect((await selectPublicArticle(db, "2026-05-yintong-school", NOW))?.cover).toBeNull();

    await db.update(files).set({ visibility: "public" }).where(eq(files.id, file.id));
    const stored = await selectPublicFile(db, file.id, { withData: true });
    expect(stored?.sha256).toBe(sha256);
    expect(stored?.data?.equals(data)).toBe(true);
    expect((await selectPublicFile(db, file.id, { withData: false }))?.data).toBeNull();
    const article = await selectPublicArticle(db, "2026-05-yintong-school", NOW);
    expect(article?.cover).toMatchObject({
      fileId: file.id,
      width: 4,
      height: 3,
      contentType: "image/jpeg",
      credit: "秀洲区政协办公室 供图",
    });
    const page = await selectArticlePage(db, {
      columnId: column("jiebie-dongtai"),
      offset: 0,
      limit: 10,
      asOf: NOW,
    });
    expect(page.items.find((a) => a.slug === "2026-05-yintong-school")?.cover?.fileId).toBe(
      file.id,
    );
    const feed = await selectFeedArticles(db, { columnId: null, asOf: NOW });
    expect(feed.find((a) => a.slug === "2026-05-yintong-school")?.cover?.byteSize).toBe(
      data.length,
    );
  });

  it("lists every public page for the sitemap", async () => {
    const entries = await selectSitemapEntries(db, NOW);
    expect(entries.articles).toHaveLength(9);
    expect(entries.sectors).toContain("keji");
    expect(entries.studios.length).toBeGreaterThan(0);
    expect(entries.campaigns).toContain("activity-week-2026");
    expect(entries.events.length).toBeGreaterThan(0);
  });
});
