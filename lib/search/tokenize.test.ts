import { describe, expect, it } from "vitest";
import {
  buildDocumentVector,
  containsPattern,
  extractSnippet,
  foldFullWidthAlnum,
  highlight,
  MAX_QUERY_LENGTH,
  markdownToPlainText,
  normalizeDocumentText,
  normalizeQuery,
  planSearch,
  queryTerms,
  textLexemes,
  toHalfWidth,
} from "./tokenize";

describe("query normalisation", () => {
  it("trims, collapses spaces and folds full-width characters", () => {
    expect(normalizeQuery("  托育　　服务 ")).toEqual({ text: "托育 服务", problem: null });
    expect(normalizeQuery("ＡＩ＋生物医药２０２６").text).toBe("AI+生物医药2026");
    expect(toHalfWidth("（托育）！")).toBe("(托育)!");
  });

  it("reports an empty or overlong query", () => {
    expect(normalizeQuery(undefined).problem).toBe("empty");
    expect(normalizeQuery(" \t ").problem).toBe("empty");
    expect(normalizeQuery(["义诊", "托育"]).text).toBe("义诊");
    expect(normalizeQuery("政".repeat(MAX_QUERY_LENGTH)).problem).toBeNull();
    expect(normalizeQuery("政".repeat(MAX_QUERY_LENGTH + 1)).problem).toBe("tooLong");
    // Characters, not UTF-16 units: 50 characters outside the BMP are still 50.
    expect(normalizeQuery("𠀀".repeat(MAX_QUERY_LENGTH)).problem).toBeNull();
  });

  it("splits terms at spaces and punctuation, lower-cased, without duplicates", () => {
    expect(queryTerms("托育 服务，托育")).toEqual(["托育", "服务"]);
    expect(queryTerms("AI+生物医药")).toEqual(["ai", "生物医药"]);
    expect(queryTerms("a & b | !c:*")).toEqual(["a", "b", "c"]);
    expect(queryTerms("%_'\";--")).toEqual([]);
  });
});

describe("document lexemes", () => {
  it("cuts Chinese into overlapping bigrams plus the closing character", () => {
    expect(textLexemes("普惠托育点")).toEqual(["普惠", "惠托", "托育", "育点", "点"]);
    // 共富集市: a dictionary segmenter gives 共|富集|市; the bigrams keep 集市 findable.
    expect(textLexemes("共富集市")).toContain("集市");
  });

  it("keeps Latin words and numbers whole, lower-cased, and folds full-width letters", () => {
    expect(textLexemes("AI+生物医药 2026年")).toEqual([
      "ai",
      "生物",
      "物医",
      "医药",
      "药",
      "2026",
      "年",
    ]);
    expect(textLexemes("ＡＩ")).toEqual(["ai"]);
  });

  it("never lets a bigram span punctuation", () => {
    expect(textLexemes("托·育")).toEqual(["托", "育"]);
  });

  it("builds tsvector input of distinct quoted lexemes", () => {
    expect(buildDocumentVector("托育", "托育服务")).toBe("'托育' '育' '育服' '服务' '务'");
    expect(buildDocumentVector("", "")).toBe("");
  });
});

describe("search plan", () => {
  it("finds a two-character word with its one bigram, no substring check needed", () => {
    expect(planSearch("托育")).toEqual({ terms: ["托育"], tsquery: "'托育'", substringTerms: [] });
  });

  it("ANDs the bigrams of a phrase and checks the phrase as a substring", () => {
    expect(planSearch("托育服务")).toEqual({
      terms: ["托育服务"],
      tsquery: "( '托育' & '育服' & '服务' )",
      substringTerms: ["托育服务"],
    });
  });

  it("matches single characters and words as prefixes", () => {
    expect(planSearch("侨").tsquery).toBe("'侨':*");
    expect(planSearch("AI 2026年")).toEqual({
      terms: ["ai", "2026年"],
      tsquery: "'ai':* & ( '2026':* & '年':* )",
      substringTerms: ["2026年"],
    });
  });

  it("turns operator soup into plain terms", () => {
    expect(planSearch("a & b | !c:*").tsquery).toBe("'a':* & 'b':* & 'c':*");
    expect(planSearch("'; drop table x; --").tsquery).toBe("'drop':* & 'table':* & 'x':*");
    expect(planSearch("%_").tsquery).toBeNull();
  });

  it("escapes LIKE wildcards", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("markdown to plain text", () => {
  it("keeps the words of headings, lists, emphasis and links, one block per line", () => {
    const md =
      "## 协商中提出的建议\n\n1. 依托**王江泾**智能家居产业；\n2. 见[网站](https://example.org)。\n\n正文<b>不是标签</b>";
    expect(markdownToPlainText(md)).toBe(
      "协商中提出的建议\n依托王江泾智能家居产业；\n见网站。\n正文<b>不是标签</b>",
    );
  });

  it("normalises stored text", () => {
    expect(normalizeDocumentText("ＡＩ，\r\n\r\n\r\n  托育  ")).toBe("AI，\n托育");
    expect(foldFullWidthAlnum("ＡＩ，")).toBe("AI，");
  });
});

describe("highlighting", () => {
  it("splits a text into matching and plain segments", () => {
    expect(highlight("“托育服务扩容”开门协商", ["托育", "协商"])).toEqual([
      { text: "“", match: false },
      { text: "托育", match: true },
      { text: "服务扩容”开门", match: false },
      { text: "协商", match: true },
    ]);
  });

  it("ignores case and full width, and merges overlapping terms", () => {
    expect(highlight("AI 和 ａｉ", ["ai"])).toEqual([
      { text: "AI", match: true },
      { text: " 和 ", match: false },
      { text: "ａｉ", match: true },
    ]);
    expect(highlight("托育服务", ["托育", "育服"])).toEqual([
      { text: "托育服", match: true },
      { text: "务", match: false },
    ]);
  });

  it("treats terms as text, not patterns", () => {
    expect(highlight("a.b ab", ["a.b"])).toEqual([
      { text: "a.b", match: true },
      { text: " ab", match: false },
    ]);
    expect(highlight("无匹配", ["托育"])).toEqual([{ text: "无匹配", match: false }]);
  });
});

describe("snippets", () => {
  const text = `${"这是一段很长的开头。".repeat(6)}委员们建议把托育名额扩大一倍，并推动普惠托育点落地。${"后面还有很多内容。".repeat(10)}`;

  it("starts at the sentence of the first match and marks the cuts", () => {
    const snippet = extractSnippet(text, ["托育"], { length: 40 });
    expect(snippet.startsWith("…委员们建议把托育")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(Array.from(snippet.replace(/…/g, "")).length).toBeLessThanOrEqual(40);
  });

  it("shows the beginning when only the title matched", () => {
    expect(extractSnippet("短文。\n第二段\nEnd", ["托育"])).toBe("短文。第二段 End");
  });

  it("never cuts a character outside the BMP in half", () => {
    const snippet = extractSnippet(`${"𠀀".repeat(100)}托育`, ["托育"], { length: 7, before: 3 });
    expect(snippet).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });
});
