import { and, asc, eq, gt } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { markdownToRichText, plainParagraphsToRichText } from "../../lib/rich-text/markdown";
import type * as schema from "../schema";
import { publicCases, researchTopics } from "../schema";

const BATCH_SIZE = 100;

type Database = NodePgDatabase<typeof schema>;

/**
 * The data step of the migration that added public_cases.outcome_format and
 * research_topics.report_format, run after the DDL like the articles' one
 * (db/rich-text/convert-markdown.ts; db/client.ts `migrateDatabase`):
 * - a case's outcome, plain paragraphs before the editor, becomes the HTML the case page
 *   rendered (one <p> a block, <br> where a line broke). Its search entry needs no
 *   rewriting: the index reads the words of the HTML (db/queries/cases/write.ts), which
 *   are the same lines as the plain text (the integration test checks it);
 * - a research report, Markdown before the editor, becomes the HTML its preview and the
 *   compilation rendered (headings from h3).
 * Idempotent: only rows still in the old format are read, each converted and marked "html"
 * in one statement, so once done it costs two queries. Returns how many rows it converted.
 */
export async function convertCaseAndTopicTexts(
  db: Database,
): Promise<{ cases: number; topics: number }> {
  let cases = 0;
  for (let afterId = 0; ; ) {
    const rows = await db
      .select({ id: publicCases.id, outcome: publicCases.outcome })
      .from(publicCases)
      .where(and(eq(publicCases.outcomeFormat, "text"), gt(publicCases.id, afterId)))
      .orderBy(asc(publicCases.id))
      .limit(BATCH_SIZE);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        // `updatedAt` is left alone: nobody edited the case.
        await tx
          .update(publicCases)
          .set({ outcome: plainParagraphsToRichText(row.outcome), outcomeFormat: "html" })
          .where(and(eq(publicCases.id, row.id), eq(publicCases.outcomeFormat, "text")));
      }
    });
    cases += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
  let topics = 0;
  for (let afterId = 0; ; ) {
    const rows = await db
      .select({ id: researchTopics.id, report: researchTopics.report })
      .from(researchTopics)
      .where(and(eq(researchTopics.reportFormat, "markdown"), gt(researchTopics.id, afterId)))
      .orderBy(asc(researchTopics.id))
      .limit(BATCH_SIZE);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        await tx
          .update(researchTopics)
          .set({ report: markdownToRichText(row.report, 3), reportFormat: "html" })
          .where(and(eq(researchTopics.id, row.id), eq(researchTopics.reportFormat, "markdown")));
      }
    });
    topics += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
  return { cases, topics };
}
