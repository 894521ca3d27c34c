import { and, asc, eq, gt } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { markdownToRichText } from "../../lib/rich-text/markdown";
import type * as schema from "../schema";
import { articles } from "../schema";
import { indexArticle } from "../search";

const BATCH_SIZE = 100;

/**
 * The data step of migration 0014 (articles.body_format): article bodies written in
 * Markdown before the rich-text editor become clean HTML, rendered the way the public
 * page rendered them (lib/rich-text/markdown.ts; the unit tests check the demo bodies
 * render the same), and their search entries are rewritten from the new body.
 * SQL cannot run markdown-it, so the app's migrate step runs this after the DDL
 * (db/client.ts `migrateDatabase`). Idempotent: only rows still marked "markdown" are
 * read, each converted and marked "html" in one statement, so once done it costs one
 * query. Returns how many rows it converted.
 */
export async function convertMarkdownBodies(db: NodePgDatabase<typeof schema>): Promise<number> {
  let converted = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select({ id: articles.id, body: articles.body })
      .from(articles)
      .where(and(eq(articles.bodyFormat, "markdown"), gt(articles.id, afterId)))
      .orderBy(asc(articles.id))
      .limit(BATCH_SIZE);
    if (rows.length === 0) return converted;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        // `updatedAt` is left alone: nobody edited the article.
        await tx
          .update(articles)
          .set({ body: markdownToRichText(row.body), bodyFormat: "html" })
          .where(and(eq(articles.id, row.id), eq(articles.bodyFormat, "markdown")));
        await indexArticle(tx, row.id);
      }
    });
    converted += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
}
