import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, events, searchDocuments } from "@/db/schema";
import { indexArticle, indexEvent, rebuildSearchIndex, removeFromIndex } from "@/db/search";
import { seedDemoData } from "@/db/seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { planSearch } from "@/lib/search/tokenize";
import { searchPublic } from "./public";

/**
 * Runs once on PGlite and once on PostgreSQL (scripts/test.sh): the exact lists
 * below are what both drivers must return, in this order.
 */
describe(`search on ${driverLabel()}`, () => {
  let handle: TestDatabase;
  const titles = async (query: string, options?: Parameters<typeof searchPublic>[2]) =>
    (await searchPublic(handle.db, query, options)).results.map((r) => r.title);

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoData(handle.db, { withAccounts: false });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("seeding builds the index: every published article and every event", async () => {
    const [docs] = await handle.db.select({ n: count() }).from(searchDocuments);
    const [published] = await handle.db
      .select({ n: count() })
      .from(articles)
      .where(eq(articles.status, "published"));
    const [allEvents] = await handle.db.select({ n: count() }).from(events);
    expect(docs?.n).toBe((published?.n ?? 0) + (allEvents?.n ?? 0));
  });

  it("finds two-character words, title matches first, newest first", async () => {
    // Title matches, newest first: next week's clinic, the May report, the May clinic.
    expect(await titles("义诊")).toEqual([
      "“六送下乡”送卫生：洪合镇义诊和健康讲座",
      "名医坐诊到家门口：医卫界在康安医院办义诊",
      "“嘉有名医 祝您健康”主题义诊",
    ]);
    expect(await titles("托育")).toEqual([
      "“托育服务扩容”开门协商",
      "“托育服务扩容”开门协商公开报名",
      "三个界别同场协商 为生育友好型社会建设献策",
      "建设生育友好型社会专题协商",
    ]);
    const zhengxie = await titles("政协");
    expect(zhengxie[0]).toBe("区政协全体会议开幕大会");
    expect(zhengxie.length).toBeGreaterThanOrEqual(4);
  });

  it("finds a word inside a longer compound (集市 in 共富集市)", async () => {
    expect(await titles("集市")).toEqual([
      "共富集市长效运营开门协商",
      "集市上的履职课：九位委员逛摊位、听民声",
      "界别联新·共富同行——“红领亚都和美生活”共富集市",
      "调研月走访：家庭农场与强村富民",
    ]);
  });

  it("finds every visible document that contains the word (a segmenter misses some)", async () => {
    // jieba's dictionary cuts 秀洲区 and 讲侨法 as whole words, so a word index finds 秀洲 in
    // 4 of the demo documents holding it and 侨法 in 1 of 2 (docs/search.md).
    for (const word of ["秀洲", "界别", "共富", "侨法", "线上", "政协", "集市", "协商"]) {
      const [truth] = await handle.db
        .select({ n: count() })
        .from(searchDocuments)
        .where(
          sql`(strpos(${searchDocuments.title}, ${word}) > 0 or strpos(${searchDocuments.body}, ${word}) > 0)
            and ${searchDocuments.visibleFrom} <= now()`,
        );
      const { total } = await searchPublic(handle.db, word);
      expect(total, word).toBe(truth?.n);
      expect(total, word).toBeGreaterThan(0);
    }
  });

  it("ranks every title match above every body-only match", async () => {
    for (const query of ["托育", "协商", "集市", "委员", "丝路通"]) {
      const { results, terms } = await searchPublic(handle.db, query, { pageSize: 50 });
      expect(results.length, query).toBeGreaterThan(1);
      const inTitle = results.map((r) => terms.every((t) => r.title.toLowerCase().includes(t)));
      const firstBodyOnly = inTitle.indexOf(false);
      if (firstBodyOnly >= 0) expect(inTitle.slice(firstBodyOnly), query).not.toContain(true);
    }
  });

  it("finds longer phrases as written, not their characters scattered", async () => {
    expect(await titles("生育友好型社会")).toEqual([
      "三个界别同场协商 为生育友好型社会建设献策",
      "建设生育友好型社会专题协商",
    ]);
    expect(await titles("托育服务扩容")).toEqual([
      "“托育服务扩容”开门协商",
      "“托育服务扩容”开门协商公开报名",
    ]);
    // Every bigram of 委员会议 is in some document (委员, 员会, 会议), the phrase in none.
    const plan = planSearch("委员会议");
    const [loose] = await handle.db
      .select({ n: count() })
      .from(searchDocuments)
      .where(sql`${searchDocuments.tokens} @@ ${plan.tsquery}::tsquery`);
    expect(loose?.n).toBeGreaterThan(0);
    expect(await titles("委员会议")).toEqual([]);
  });

  it("needs every term of a query with spaces", async () => {
    expect(await titles("托育 报名")).toEqual([
      "“托育服务扩容”开门协商公开报名",
      "“托育服务扩容”开门协商",
    ]);
    expect(await titles("义诊 托育")).toEqual([]);
  });

  it("matches single characters, Latin words and full-width letters", async () => {
    expect(await titles("侨")).toEqual([
      "“致爱助侨”再出发：侨企讲创新 律师讲侨法",
      "“致爱助侨”侨企服务活动",
    ]);
    const ai = await titles("ai");
    expect(ai).toHaveLength(2);
    expect(await titles("ＡＩ＋生物医药")).toEqual(ai);
  });

  it("highlights the terms in titles and snippets", async () => {
    const { results } = await searchPublic(handle.db, "托育");
    const first = results[0];
    expect(first?.highlights.title).toEqual([
      { text: "“", match: false },
      { text: "托育", match: true },
      { text: "服务扩容”开门协商", match: false },
    ]);
    for (const r of results) {
      expect(r.highlights.snippet.filter((s) => s.match).map((s) => s.text)).toContain("托育");
      expect(r.highlights.snippet.map((s) => s.text).join("")).toBe(r.snippet);
    }
    expect(first?.url).toMatch(/^\/events\/\d+$/);
    expect(results.find((r) => r.kind === "article")?.url).toMatch(/^\/news\/[\w-]+$/);
  });

  it("shows a scheduled article only from its publication time", async () => {
    const scheduled = "智能家居企业盼“丝路通”拓展服务";
    expect(await titles("智能家居")).not.toContain(scheduled);
    const [row] = await handle.db
      .select({ publishedAt: articles.publishedAt })
      .from(articles)
      .where(eq(articles.title, scheduled));
    const due = new Date((row?.publishedAt ?? new Date()).getTime() + 60_000);
    expect(await titles("智能家居", { now: due })).toContain(scheduled);
  });

  it("marks cancelled events and keeps them findable", async () => {
    const { results } = await searchPublic(handle.db, "加装电梯");
    expect(results.map((r) => [r.title, r.cancelled])).toEqual([
      ["老旧小区加装电梯情况走访", true],
    ]);
  });

  it("pages through results and reports the total past the last page", async () => {
    const first = await searchPublic(handle.db, "协商", { pageSize: 3 });
    const second = await searchPublic(handle.db, "协商", { pageSize: 3, page: 2 });
    expect(first.total).toBeGreaterThan(6);
    expect(first.pageCount).toBe(Math.ceil(first.total / 3));
    expect(second.total).toBe(first.total);
    const seen = new Set([...first.results, ...second.results].map((r) => `${r.kind}${r.refId}`));
    expect(seen.size).toBe(6);
    const beyond = await searchPublic(handle.db, "协商", { pageSize: 3, page: 99 });
    expect(beyond.results).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it("treats tsquery and SQL syntax as plain text", async () => {
    for (const query of [
      "a & b | !c:*",
      "'; drop table x; --",
      "%_",
      "%",
      "托育' or '1'='1",
      "\\",
      "!(政协)",
      "<->",
      "政协:*A",
    ]) {
      const response = await searchPublic(handle.db, query);
      expect(response.total, query).toBe(response.results.length);
    }
    // A bare wildcard matches nothing, not everything.
    expect((await searchPublic(handle.db, "%_")).total).toBe(0);
    expect((await searchPublic(handle.db, "'; drop table x; --")).total).toBe(0);
    // Quotes and operators around a word leave the word: 托育' or '1'='1 needs 托育, or, 1.
    expect(await titles("(托育)")).toHaveLength(4);
    const [stillThere] = await handle.db.select({ n: count() }).from(searchDocuments);
    expect(stillThere?.n).toBeGreaterThan(0);
  });

  it("refuses empty and overlong queries without touching the database", async () => {
    expect((await searchPublic(handle.db, "   ")).results).toEqual([]);
    expect((await searchPublic(handle.db, "托".repeat(51))).total).toBe(0);
    expect((await searchPublic(handle.db, `托育${" ".repeat(60)}`)).total).toBe(4);
  });

  it("follows edits: reindex, unpublish, delete", async () => {
    const [article] = await handle.db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, "2026-05-free-clinic"));
    const id = article?.id ?? 0;
    await handle.db.update(articles).set({ title: "康安医院义诊纪实" }).where(eq(articles.id, id));
    await indexArticle(handle.db, id);
    expect(await titles("纪实")).toEqual(["康安医院义诊纪实"]);

    await handle.db.update(articles).set({ status: "draft" }).where(eq(articles.id, id));
    await indexArticle(handle.db, id);
    expect(await titles("纪实")).toEqual([]);

    const [event] = await handle.db
      .select({ id: events.id })
      .from(events)
      .where(eq(events.title, "“嘉有名医 祝您健康”主题义诊"));
    await removeFromIndex(handle.db, "event", event?.id ?? 0);
    expect(await titles("嘉有名医")).toEqual([]);
    await indexEvent(handle.db, event?.id ?? 0);
    expect(await titles("嘉有名医")).toEqual(["“嘉有名医 祝您健康”主题义诊"]);

    // A rebuild drops what is no longer public and keeps the rest.
    await handle.db
      .insert(searchDocuments)
      .values({ kind: "article", refId: id, title: "残留", url: "/news/x", tokens: "'残留':1A" })
      .onConflictDoUpdate({
        target: [searchDocuments.kind, searchDocuments.refId],
        set: { title: "残留", tokens: "'残留':1A" },
      });
    const result = await rebuildSearchIndex(handle.db);
    expect(result.removed).toBe(1);
    expect(await titles("残留")).toEqual([]);
    const [left] = await handle.db
      .select({ n: count() })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(left?.n).toBe(0);
  });
});
