import { rmSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, migrateDatabase } from "@/db/client";
import { articles, searchDocuments } from "@/db/schema";
import { createTestDatabase, driverLabel, migrationsBefore } from "@/db/test-utils";
import { renderMarkdown } from "@/lib/markdown";
import { renderRichText } from "@/lib/rich-text/sanitize";
import { convertMarkdownBodies } from "./convert-markdown";

const opened: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of opened.splice(0).reverse()) await handle.close();
});

const MARKDOWN =
  "第一段**重点**。\n\n## 小标题\n\n- 甲\n- [乙](https://example.com)\n\n<script>alert(1)</script>";

describe(`Markdown article bodies become HTML at migrate time (${driverLabel()})`, () => {
  it("converts rows written before the editor, renders them the same, reindexes them, once", async () => {
    // A copy of the migrations that stops before body_format, then the rest.
    const folder = migrationsBefore("_article_body_format");
    try {
      const handle = await createTestDatabase({ migrationsFolder: folder });
      opened.push(handle);
      const db = handle.db;
      await db.execute(sql`insert into news_columns (slug, name) values ('zx', '政协要闻')`);
      await db.execute(
        sql`insert into articles (slug, column_id, title, body, status, published_at, updated_at)
            select 'old-one', id, '旧文章', ${MARKDOWN}, 'published', now(), '2026-01-02T03:04:05Z'
            from news_columns`,
      );

      await migrateDatabase(handle);

      const [row] = await db.select().from(articles).where(eq(articles.slug, "old-one"));
      expect(row?.bodyFormat).toBe("html");
      expect(row?.body).toContain("<h2>小标题</h2>");
      expect(row?.body).toContain("&lt;script&gt;");
      expect(row?.updatedAt.toISOString()).toBe("2026-01-02T03:04:05.000Z");
      const site = "https://zx.example.gov.cn";
      expect(renderRichText(row?.body ?? "", { siteUrl: site })).toBe(
        renderMarkdown(MARKDOWN, { siteUrl: site }).trim(),
      );
      const [doc] = await db
        .select({ body: searchDocuments.body })
        .from(searchDocuments)
        .where(eq(searchDocuments.refId, row?.id ?? 0));
      expect(doc?.body).toContain("小标题");
      expect(doc?.body).not.toMatch(/<(p|h2|li|strong)/);

      // New rows are HTML by default; a second run finds nothing to do.
      const [fresh] = await db
        .insert(articles)
        .values({ slug: "new-one", columnId: row?.columnId ?? 0, title: "新", body: "<p>新</p>" })
        .returning({ bodyFormat: articles.bodyFormat });
      expect(fresh?.bodyFormat).toBe("html");
      expect(await convertMarkdownBodies(db)).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
