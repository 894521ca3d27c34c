import { rmSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, migrateDatabase } from "@/db/client";
import { indexCase, updateCaseIn } from "@/db/queries/cases/write";
import { updateResearchTopicIn } from "@/db/queries/pipeline/research-write";
import { staffActor } from "@/db/queries/shared/test-staff";
import { publicCases, researchTopics, searchDocuments } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { createTestDatabase, driverLabel, migrationsBefore } from "@/db/test-utils";
import { renderMarkdown } from "@/lib/markdown";
import { renderRichText } from "@/lib/rich-text/sanitize";
import { normalizeDocumentText } from "@/lib/search/tokenize";
import { convertCaseAndTopicTexts } from "./convert-cases-topics";

const opened: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of opened.splice(0).reverse()) await handle.close();
});

/** A case's outcome as staff typed it before the editor: plain text, not Markdown. */
const OUTCOME =
  "区商务局已约谈运营方。\n新增生鲜摊位 6 个 & 文创摊位 4 个。\n\n**不是加粗** <script>alert(1)</script>\n\n\n下月复查。";
const REPORT =
  "# 调研背景\n\n共走访 **12** 个集市。\n\n## 主要问题\n\n- 业态单一\n- [统计表](https://example.com/t)\n\n<b onclick=x>原样</b>";

describe(`Cases and research reports written before the editor become HTML at migrate time (${driverLabel()})`, () => {
  it("converts them once, renders them the same, keeps the case's search words", async () => {
    const folder = migrationsBefore("_case_topic_text_format");
    try {
      const handle = await createTestDatabase({ migrationsFolder: folder });
      opened.push(handle);
      const db = handle.db;
      await db.execute(
        sql`insert into public_cases (title, summary, department_name, outcome, published_at, updated_at)
            values ('集市业态', '集市顾客少。', '区商务局', ${OUTCOME}, now(), '2026-01-02T03:04:05Z')`,
      );
      await db.execute(
        sql`insert into research_topics (slug, title, year, report) values ('rt-old', '旧课题', 2026, ${REPORT})`,
      );

      await migrateDatabase(handle);

      const [found] = await db.select().from(publicCases);
      expect(found?.outcomeFormat).toBe("html");
      // What the case page rendered: a <p> a blank-line block, a <br> a line break, text as text.
      expect(found?.outcome).toBe(
        "<p>区商务局已约谈运营方。<br>新增生鲜摊位 6 个 &amp; 文创摊位 4 个。</p>\n" +
          "<p>**不是加粗** &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>下月复查。</p>",
      );
      expect(found?.updatedAt.toISOString()).toBe("2026-01-02T03:04:05.000Z");
      expect(renderRichText(found?.outcome ?? "")).toBe(found?.outcome);

      // Its search words are the lines the plain text had, with no tag.
      await indexCase(db, found?.id ?? 0);
      const [doc] = await db
        .select({ body: searchDocuments.body })
        .from(searchDocuments)
        .where(and(eq(searchDocuments.kind, "case"), eq(searchDocuments.refId, found?.id ?? 0)));
      expect(doc?.body).toBe(
        normalizeDocumentText(["集市顾客少。", OUTCOME, "区商务局"].join("\n")),
      );
      expect(doc?.body).not.toMatch(/<(p|br)\b/);

      const [topic] = await db.select().from(researchTopics);
      expect(topic?.reportFormat).toBe("html");
      expect(topic?.report).toContain("<h3>调研背景</h3>");
      expect(topic?.report).toContain("&lt;b onclick=x&gt;");
      const site = "https://zx.example.gov.cn";
      expect(renderRichText(topic?.report ?? "", { siteUrl: site })).toBe(
        renderMarkdown(REPORT, { siteUrl: site, topHeadingLevel: 3 }).trim(),
      );

      // New rows are HTML by default; a second run finds nothing to do.
      const [fresh] = await db
        .insert(publicCases)
        .values({ title: "新", summary: "新", outcome: "<p>新</p>" })
        .returning({ outcomeFormat: publicCases.outcomeFormat });
      expect(fresh?.outcomeFormat).toBe("html");
      expect(await convertCaseAndTopicTexts(db)).toEqual({ cases: 0, topics: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const DIRTY =
  '<p style="color:red" onclick="alert(1)" class="MsoNormal">已办结<script>alert(2)</script></p>' +
  '<table style="width:100%"><tbody><tr><td style="border:1px" onmouseover="x()">经济界</td></tr></tbody></table>' +
  '<p><a href="javascript:alert(3)">坏链接</a> <a href="tel:0571-88888888">电话</a></p><style>p{}</style>';

describe(`The rich-text allowlist on the save path of cases and research reports (${driverLabel()})`, () => {
  it("stores them without script, style or event attributes, and indexes the words only", async () => {
    const handle = await createTestDatabase();
    opened.push(handle);
    const db = handle.db;
    await seedDemoData(db, { withAccounts: true, passwords: { admin: "x".repeat(12) } });
    const admin = await staffActor(db, "admin", "192.0.2.9");
    const [row] = await db
      .insert(publicCases)
      .values({ title: "集市", summary: "集市顾客少。", outcome: "<p>旧</p>" })
      .returning({ id: publicCases.id });
    const id = row?.id ?? 0;
    await updateCaseIn(db, admin, id, {
      title: "集市",
      summary: "集市顾客少。",
      category: null,
      townId: null,
      departmentName: "区商务局",
      outcome: DIRTY,
      receivedOn: null,
      resolvedOn: null,
      publish: true,
    });
    const [saved] = await db.select().from(publicCases).where(eq(publicCases.id, id));
    expect(saved?.outcome).toBe(
      "<p>已办结</p><table><tbody><tr><td>经济界</td></tr></tbody></table>" +
        '<p>坏链接 <a href="tel:0571-88888888">电话</a></p>',
    );
    expect(saved?.outcomeFormat).toBe("html");
    const [doc] = await db
      .select({ body: searchDocuments.body })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "case"), eq(searchDocuments.refId, id)));
    expect(doc?.body).toContain("经济界");
    expect(doc?.body).not.toMatch(/<|alert|style/);

    const [topic] = await db.select({ id: researchTopics.id }).from(researchTopics).limit(1);
    const update = {
      title: "课题",
      summary: "",
      topicId: null,
      sortOrder: 0,
      reviewStatus: "drafting" as const,
      reviewComment: "",
    };
    await updateResearchTopicIn(db, admin, topic?.id ?? 0, { ...update, report: DIRTY });
    const [report] = await db
      .select({ report: researchTopics.report, format: researchTopics.reportFormat })
      .from(researchTopics)
      .where(eq(researchTopics.id, topic?.id ?? 0));
    expect(report?.report).toBe(saved?.outcome);
    expect(report?.format).toBe("html");
    // An editor left empty stores nothing (the report is "not written yet").
    await updateResearchTopicIn(db, admin, topic?.id ?? 0, { ...update, report: "<p></p>" });
    const [empty] = await db
      .select({ report: researchTopics.report })
      .from(researchTopics)
      .where(eq(researchTopics.id, topic?.id ?? 0));
    expect(empty?.report).toBe("");
  });
});
