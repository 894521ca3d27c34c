import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designedCoverHash } from "../../lib/pictures/designed-cover";
import { storePublicImage } from "../queries/shared/files";
import { insertImageVariant } from "../queries/shared/image-variants";
import { articles, imageVariants, newsColumns } from "../schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "../test-utils";
import { runRetention } from "./index";

/**
 * Designed covers are kept per hash of their words (image_variants "c:<hash>:…"): a
 * retitled or re-columned article gets a new hash, a deleted one none. The retention job
 * prunes the variants no article shows any more, and nothing else.
 */

let handle: TestDatabase;
let archiveDir: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  archiveDir = mkdtempSync(path.join(tmpdir(), "lvzhi-covers-"));
});
afterAll(async () => {
  await handle?.close();
  rmSync(archiveDir, { recursive: true, force: true });
});

const pixel = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

async function coverVariants(hash: string): Promise<string[]> {
  const rows = await handle.db
    .select({ key: imageVariants.key })
    .from(imageVariants)
    .where(like(imageVariants.key, `c:${hash}:%`));
  return rows.map((r) => r.key).sort();
}

async function keepCover(hash: string) {
  for (const name of ["640.webp", "640.jpg"]) {
    await insertImageVariant(handle.db, {
      key: `c:${hash}:${name}`,
      fileId: null,
      contentType: name.endsWith(".jpg") ? "image/jpeg" : "image/webp",
      width: 640,
      height: 360,
      data: pixel,
    });
  }
}

describe(`stale designed-cover variants on ${driverLabel()}`, () => {
  it("prunes the covers of retitled, re-columned and deleted articles, keeping the rest", async () => {
    const db = handle.db;
    const [news, work] = await db
      .insert(newsColumns)
      .values([
        { slug: "news", name: "政协要闻" },
        { slug: "work", name: "履职动态" },
      ])
      .returning({ id: newsColumns.id, name: newsColumns.name });
    if (!news || !work) throw new Error("no columns");
    const add = async (slug: string, title: string) => {
      const [row] = await db
        .insert(articles)
        .values({ slug, title, columnId: news.id })
        .returning({ id: articles.id });
      if (!row) throw new Error("no article");
      await keepCover(designedCoverHash({ columnName: news.name, title }));
      return row.id;
    };
    const kept = await add("kept", "界别活动周启动");
    const retitled = await add("retitled", "旧标题");
    const moved = await add("moved", "调整栏目的新闻");
    const deleted = await add("deleted", "将被删除的新闻");
    // An uploaded picture's variants are not covers: never pruned here.
    const fileId = await storePublicImage(
      db,
      { data: pixel, contentType: "image/jpeg", width: 1, height: 1 },
      1,
    );
    await insertImageVariant(db, {
      key: `f:${fileId}:640.webp`,
      fileId,
      contentType: "image/webp",
      width: 1,
      height: 1,
      data: pixel,
    });

    await db.update(articles).set({ title: "新标题" }).where(eq(articles.id, retitled));
    await keepCover(designedCoverHash({ columnName: news.name, title: "新标题" }));
    await db.update(articles).set({ columnId: work.id }).where(eq(articles.id, moved));
    await db.delete(articles).where(eq(articles.id, deleted));

    // Made within the last hour: possibly for an edit not yet seen, so kept for now.
    await runRetention(db, { retentionDays: 180, auditRetentionDays: 365, archiveDir });
    expect(
      await coverVariants(designedCoverHash({ columnName: news.name, title: "旧标题" })),
    ).toHaveLength(2);

    const later = new Date(Date.now() + 2 * HOUR);
    const report = await runRetention(db, {
      retentionDays: 180,
      auditRetentionDays: 365,
      archiveDir,
      now: later,
    });
    expect(report).toMatchObject({ ran: true, coverVariantsPruned: 6 });
    const hash = (columnName: string, title: string) => designedCoverHash({ columnName, title });
    expect(await coverVariants(hash(news.name, "界别活动周启动"))).toHaveLength(2);
    expect(await coverVariants(hash(news.name, "新标题"))).toHaveLength(2);
    expect(await coverVariants(hash(news.name, "旧标题"))).toEqual([]);
    expect(await coverVariants(hash(news.name, "调整栏目的新闻"))).toEqual([]);
    expect(await coverVariants(hash(news.name, "将被删除的新闻"))).toEqual([]);
    const files = await db
      .select({ key: imageVariants.key })
      .from(imageVariants)
      .where(eq(imageVariants.fileId, fileId));
    expect(files).toHaveLength(1);
    expect(kept).toBeGreaterThan(0);
  });
});
