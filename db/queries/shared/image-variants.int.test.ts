import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../client";
import { articles, files, imageVariants } from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { selectPictureNews } from "../news/picture-news";
import {
  insertImageVariant,
  selectDesignedCoverText,
  selectImageVariant,
  selectPublicImageSource,
} from "./image-variants";

const NOW = new Date("2026-11-26T03:00:00Z");
let handle: TestDatabase;
let db: Database;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { withAccounts: false, now: NOW });
});
afterAll(async () => {
  await handle?.close();
});

async function insertFile(
  sha: string,
  visibility: "public" | "private",
  contentType = "image/jpeg",
) {
  const [row] = await db
    .insert(files)
    .values({
      sha256: sha,
      contentType,
      byteSize: 3,
      width: 800,
      height: 600,
      data: Buffer.from([1, 2, 3]),
      visibility,
    })
    .returning({ id: files.id });
  if (!row) throw new Error("no file");
  return row.id;
}

describe(`image variants (${driverLabel()})`, () => {
  it("keeps a variant once and reads it back, with or without its bytes", async () => {
    const fileId = await insertFile("a".repeat(64), "public");
    const key = `f:${fileId}:320.webp`;
    const made = { key, fileId, contentType: "image/webp", width: 320, height: 240 };
    const first = await insertImageVariant(db, { ...made, data: Buffer.from("first") });
    // A second server making the same variant at the same time: the first row stays.
    await insertImageVariant(db, { ...made, data: Buffer.from("second") });
    const stored = await selectImageVariant(db, key, { withData: true });
    expect(stored?.data?.toString()).toBe("first");
    expect(stored?.sha256).toBe(first.sha256);
    expect(await selectImageVariant(db, key, { withData: false })).toEqual({
      contentType: "image/webp",
      sha256: first.sha256,
      data: null,
    });
  });

  it("deletes a file's variants with the file", async () => {
    const fileId = await insertFile("b".repeat(64), "public");
    await insertImageVariant(db, {
      key: `f:${fileId}:320.jpg`,
      fileId,
      contentType: "image/jpeg",
      width: 320,
      height: 240,
      data: Buffer.from("x"),
    });
    await db.delete(files).where(eq(files.id, fileId));
    const left = await db.select().from(imageVariants).where(eq(imageVariants.fileId, fileId));
    expect(left).toEqual([]);
  });

  it("makes variants only of public pictures", async () => {
    const open = await insertFile("c".repeat(64), "public");
    const closed = await insertFile("d".repeat(64), "private");
    const pdf = await insertFile("e".repeat(64), "public", "application/pdf");
    expect(await selectPublicImageSource(db, open, { withData: false })).toEqual({
      width: 800,
      height: 600,
      data: null,
    });
    expect(await selectPublicImageSource(db, closed, { withData: true })).toBeNull();
    expect(await selectPublicImageSource(db, pdf, { withData: true })).toBeNull();
  });

  it("gives the words of a designed cover only for a public article", async () => {
    const rows = await db
      .select({
        id: articles.id,
        status: articles.status,
        title: articles.title,
        publishedAt: articles.publishedAt,
      })
      .from(articles);
    const published = rows.find(
      (r) => r.status === "published" && r.publishedAt && r.publishedAt <= NOW,
    );
    const hidden = rows.find(
      (r) => r.status !== "published" || !r.publishedAt || r.publishedAt > NOW,
    );
    if (!published || !hidden) throw new Error("demo data has both kinds");
    const text = await selectDesignedCoverText(db, published.id, NOW);
    expect(text?.title).toBe(published.title);
    expect(text?.columnName).toBeTruthy();
    expect(await selectDesignedCoverText(db, hidden.id, NOW)).toBeNull();
  });

  it("leads the home page with the latest articles that have a photo, then the others", async () => {
    const items = await selectPictureNews(db, 4, NOW);
    expect(items).toHaveLength(4);
    const withPhoto = items.filter((i) => i.cover !== null);
    expect(withPhoto.length).toBeGreaterThanOrEqual(3);
    // Photos first, each group newest first; nothing scheduled for later.
    const firstWithout = items.findIndex((i) => i.cover === null);
    if (firstWithout >= 0)
      expect(items.slice(firstWithout).every((i) => i.cover === null)).toBe(true);
    for (const group of [withPhoto, items.filter((i) => i.cover === null)]) {
      const times = group.map((i) => i.publishedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    expect(items.every((i) => i.publishedAt <= NOW)).toBe(true);
    const few = await selectPictureNews(db, 20, NOW);
    expect(few.some((i) => i.cover === null)).toBe(true);
  });
});
