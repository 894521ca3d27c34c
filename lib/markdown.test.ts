import { describe, expect, it } from "vitest";
import { isSafeUrl, renderMarkdown } from "./markdown";

const SITE = "https://zx.example.gov.cn";

describe("renderMarkdown: no raw HTML passes through", () => {
  it("escapes a script tag into visible text", () => {
    const html = renderMarkdown("前言\n\n<script>alert(1)</script>\n\n后记");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes an inline <img onerror> so no element or handler is created", () => {
    const html = renderMarkdown('看图 <img src="x" onerror="alert(1)"> 完');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;");
  });

  it("escapes attribute breakouts inside link titles and image alts", () => {
    const html = renderMarkdown(
      '[链接](https://example.com "a\\" onmouseover=\\"alert(1)") ![x" onerror="alert(1)](/a.png)',
    );
    // The payload stays inside the quoted attribute value: no real on… attribute appears.
    expect(html).not.toMatch(/\son\w+="/i);
    expect(html).toContain('title="a&quot; onmouseover=&quot;alert(1)"');
  });

  it.each([
    "[点我](javascript:alert(1))",
    "[点我](JavaScript:alert(1))",
    "[点我](java&#x73;cript:alert(1))",
    "[点我](  javascript:alert(1) )",
    "[点我](vbscript:msgbox(1))",
    "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[点我](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "![图](javascript:alert(1))",
    "[点我][ref]\n\n[ref]: javascript:alert(1)",
  ])("makes %s inert", (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data|file):/i);
    expect(html).not.toMatch(/src="\s*(javascript|vbscript|data|file):/i);
    expect(html).not.toMatch(/<a\s/i);
  });
});

describe("renderMarkdown: links", () => {
  it("keeps http, https and mailto links; marks external ones noopener noreferrer", () => {
    const html = renderMarkdown(
      "[外站](https://example.com/a) [本站](https://zx.example.gov.cn/news) [活动](/events/3) [邮件](mailto:zx@example.gov.cn)",
      { siteUrl: SITE },
    );
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer">外站</a>');
    expect(html).toContain('<a href="https://zx.example.gov.cn/news">本站</a>');
    expect(html).toContain('<a href="/events/3">活动</a>');
    expect(html).toContain('<a href="mailto:zx@example.gov.cn">邮件</a>');
  });

  it("linkifies bare URLs, as external links", () => {
    const html = renderMarkdown("详见 https://example.com/notice 。", { siteUrl: SITE });
    expect(html).toContain(
      '<a href="https://example.com/notice" rel="noopener noreferrer">https://example.com/notice</a>',
    );
  });

  it("resolves same-site paths against the site URL for feeds", () => {
    const html = renderMarkdown("[活动](/events/3)", { siteUrl: `${SITE}/`, absoluteLinks: true });
    expect(html).toContain(`<a href="${SITE}/events/3">活动</a>`);
  });
});

describe("renderMarkdown: structure", () => {
  it("renders paragraphs, lists and emphasis", () => {
    const html = renderMarkdown("第一段**重点**。\n\n- 甲\n- 乙\n\n1. 一\n2. 二");
    expect(html).toContain("<p>第一段<strong>重点</strong>。</p>");
    expect(html).toContain("<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>一</li>\n<li>二</li>\n</ol>");
  });

  it("never produces an h1: the body's top level becomes h2", () => {
    const html = renderMarkdown("# 大标题\n\n## 小标题\n\n正文");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2>大标题</h2>");
    expect(html).toContain("<h3>小标题</h3>");
  });

  it("keeps ## as h2 and closes the gaps in the outline", () => {
    expect(renderMarkdown("## 甲\n\n#### 乙\n\n## 丙")).toBe(
      "<h2>甲</h2>\n<h3>乙</h3>\n<h2>丙</h2>\n",
    );
    expect(renderMarkdown("### 只有三级")).toBe("<h2>只有三级</h2>\n");
  });

  it("starts at another level when asked", () => {
    expect(renderMarkdown("# 甲\n\n## 乙", { topHeadingLevel: 3 })).toBe(
      "<h3>甲</h3>\n<h4>乙</h4>\n",
    );
  });

  it("lazy-loads images with safe sources", () => {
    const html = renderMarkdown("![会场](/files/abc)");
    expect(html).toContain('<img src="/files/abc" alt="会场" loading="lazy" decoding="async">');
  });
});

describe("isSafeUrl", () => {
  it.each([
    ["https://example.com", true],
    ["http://example.com", true],
    ["mailto:a@b.cn", true],
    ["/news/a", true],
    ["#section", true],
    ["?page=2", true],
    ["relative/path", true],
    ["javascript:alert(1)", false],
    [" JAVASCRIPT:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["data:text/html,hi", false],
    ["tel:12345", false],
    ["\\\\evil.example/x", false],
  ])("%s → %s", (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});
