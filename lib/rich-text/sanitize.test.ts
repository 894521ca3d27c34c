import { describe, expect, it } from "vitest";
import { buildDemoData } from "../../db/seed/demo-data";
import { renderMarkdown } from "../markdown";
import { markdownToRichText } from "./markdown";
import {
  isOwnFileSrc,
  renderRichText,
  richTextFromInput,
  richTextToPlainText,
  sanitizeRichText,
} from "./sanitize";

const SITE = "https://zx.example.gov.cn";
const FILE = "/files/0b9e3c57-4d0a-4a8e-9d55-2f4b8c1e7a10";

describe("sanitizeRichText: the allowlist", () => {
  it("removes script and style elements with their content", () => {
    const html = sanitizeRichText(
      "<p>前</p><script>alert(1)</script><style>p{color:red}</style><p>后</p>",
    );
    expect(html).toBe("<p>前</p><p>后</p>");
  });

  it("removes style, class, id and every on… attribute", () => {
    const html = sanitizeRichText(
      '<p style="color:red" class="MsoNormal" id="x" onclick="alert(1)" onmouseover="x()">字</p>',
    );
    expect(html).toBe("<p>字</p>");
  });

  it("removes an <img onerror> handler and pictures from other sites", () => {
    const html = sanitizeRichText(
      `<img src="x" onerror="alert(1)"><img src="https://evil.example/a.png"><img src="//evil.example/a.png"><img src="data:image/png;base64,AAAA"><img src="${FILE}" alt="会场" width="800" height="600" onerror="alert(1)" style="width:1px">`,
    );
    expect(html).toBe(`<img src="${FILE}" alt="会场" width="800" height="600">`);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,hi",
    "//evil.example/x",
  ])("turns a link to %s into its plain words", (href) => {
    const html = sanitizeRichText(`<p><a href="${href}">点我</a></p>`);
    expect(html).toBe("<p>点我</p>");
  });

  it("keeps http(s), mailto and same-site links", () => {
    const html = sanitizeRichText(
      '<p><a href="https://example.com/a" target="_blank">外</a><a href="/events/3">内</a><a href="mailto:zx@example.gov.cn">信</a></p>',
    );
    expect(html).toBe(
      '<p><a href="https://example.com/a">外</a><a href="/events/3">内</a><a href="mailto:zx@example.gov.cn">信</a></p>',
    );
  });

  it("keeps headings h2–h4, lists, emphasis, quotes, rules and tables with spans", () => {
    const html = sanitizeRichText(
      '<h1>甲</h1><h3>乙</h3><h6>丙</h6><ul><li><b>粗</b><i>斜</i><u>下</u><s>删</s></li></ul><blockquote><p>引</p></blockquote><hr><table><colgroup><col style="width:20px"></colgroup><tbody><tr><th colspan="2" style="x">表头</th></tr><tr><td rowspan="2" colspan="abc">格</td></tr></tbody></table>',
    );
    expect(html).toBe(
      '<h2>甲</h2><h3>乙</h3><h4>丙</h4><ul><li><strong>粗</strong><em>斜</em><u>下</u><s>删</s></li></ul><blockquote><p>引</p></blockquote><hr><table><tbody><tr><th colspan="2">表头</th></tr><tr><td rowspan="2">格</td></tr></tbody></table>',
    );
  });

  it("drops Word's own tags and fonts but keeps their words", () => {
    const html = sanitizeRichText(
      '<p class="MsoNormal"><span style="font-family:宋体;mso-bidi-font-family:Arial"><font face="宋体">正文</font><o:p></o:p></span></p><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->',
    );
    expect(html).toBe("<p>正文</p>");
  });

  it("accepts only our own files as picture sources", () => {
    expect(isOwnFileSrc(FILE)).toBe(true);
    expect(isOwnFileSrc(`${FILE}/640.webp`)).toBe(true);
    expect(isOwnFileSrc("/files/../admin")).toBe(false);
    expect(isOwnFileSrc("/filesx/a")).toBe(false);
    expect(isOwnFileSrc("https://zx.example.gov.cn/files/a")).toBe(false);
  });
});

describe("richTextFromInput: what the form sent", () => {
  it("turns plain text typed without JavaScript into paragraphs", () => {
    expect(richTextFromInput("第一段\n第二行\n\n第二段 <b")).toBe(
      "<p>第一段<br>第二行</p>\n<p>第二段 &lt;b</p>",
    );
  });

  it("cleans HTML", () => {
    expect(richTextFromInput('<p onclick="x()">甲</p>')).toBe("<p>甲</p>");
  });
});

describe("renderRichText", () => {
  it("marks external links, keeps same-site ones plain and lazy-loads pictures", () => {
    const html = renderRichText(
      `<p><a href="https://example.com" rel="opener">外</a><a href="${SITE}/news">本站</a></p><img src="${FILE}" alt="" width="4" height="3">`,
      { siteUrl: SITE },
    );
    expect(html).toBe(
      `<p><a href="https://example.com" rel="noopener noreferrer">外</a><a href="${SITE}/news">本站</a></p><img src="${FILE}" alt="" width="4" height="3" loading="lazy" decoding="async">`,
    );
  });

  it("resolves same-site links and pictures for feeds", () => {
    const html = renderRichText(`<p><a href="/events/3">活动</a></p><img src="${FILE}" alt="">`, {
      siteUrl: `${SITE}/`,
      absoluteLinks: true,
    });
    expect(html).toBe(
      `<p><a href="${SITE}/events/3">活动</a></p><img src="${SITE}${FILE}" alt="" loading="lazy" decoding="async">`,
    );
  });

  it("cleans again what it renders", () => {
    expect(renderRichText('<p style="x">甲</p><script>1</script>')).toBe("<p>甲</p>");
  });
});

describe("richTextToPlainText: the words for the search index", () => {
  it("has no tags, and each block on its own line", () => {
    expect(
      richTextToPlainText(
        '<h2>标题</h2><p>甲 &amp; <strong>乙</strong></p><table><tbody><tr><td>格一</td><td>格二</td></tr></tbody></table><img src="/files/a" alt="图">',
      ),
    ).toBe("标题\n甲 & 乙\n格一\n格二");
  });
});

/** Two HTML strings a browser reads as the same: markdown-it writes `"` in text as &quot;. */
const sameReading = (html: string) => html.replace(/&quot;/g, '"').trim();

describe("markdownToRichText: the migration of Markdown bodies", () => {
  const demo = buildDemoData(new Date("2026-05-20T02:00:00Z")).articles;

  it("has demo bodies to check", () => {
    expect(demo.length).toBeGreaterThan(5);
  });

  it.each(demo.map((a) => [a.slug, a.body]))("renders %s exactly as before", (_slug, body) => {
    const before = renderMarkdown(body, { siteUrl: SITE });
    const after = renderRichText(markdownToRichText(body), { siteUrl: SITE });
    expect(sameReading(after)).toBe(sameReading(before));
  });

  it("renders links, pictures, tables and escaped HTML exactly as before", () => {
    const body =
      '前言 "引号" <script>alert(1)</script>\n\n# 大标题\n\n### 小标题\n\n- [外](https://example.com) [内](/news/a) [坏](javascript:alert(1))\n\n![会场](/files/abc)\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n> 引\n\n---\n';
    const before = renderMarkdown(body, { siteUrl: SITE });
    const after = renderRichText(markdownToRichText(body), { siteUrl: SITE });
    expect(sameReading(after)).toBe(sameReading(before));
    expect(after).toContain("&lt;script&gt;");
  });
});
