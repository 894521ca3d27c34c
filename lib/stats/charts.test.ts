import { describe, expect, it } from "vitest";
import {
  barChartSvg,
  CHART_LARGE,
  columnChartSvg,
  escapeXml,
  fitText,
  largest,
  niceTicks,
  textWidth,
} from "./charts";

const spec = {
  id: "by-sector",
  title: "按界别统计的活动",
  description: "科技界最多，5 场",
  data: [
    { label: "科技界", value: 5 },
    { label: "医卫界", value: 2 },
    { label: "社会福利和社会保障界", value: 1 },
  ],
  formatValue: (n: number) => `${n} 场`,
};

/** The widths of the bars (rects), in order. */
const widths = (svg: string) =>
  [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
const heights = (svg: string) =>
  [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));

describe("barChartSvg", () => {
  const svg = barChartSvg(spec);

  it("is an accessible image named by its title and description", () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="by-sector-title by-sector-desc"');
    expect(svg).toContain('<title id="by-sector-title">按界别统计的活动</title>');
    expect(svg).toContain('<desc id="by-sector-desc">科技界最多，5 场</desc>');
  });

  it("draws one bar per datum, lengths proportional to the values", () => {
    const [a, b, c] = widths(svg);
    expect(widths(svg)).toHaveLength(3);
    expect(a).toBeGreaterThan(b ?? 0);
    expect((a ?? 0) / (b ?? 1)).toBeCloseTo(5 / 2, 1);
    expect((b ?? 0) / (c ?? 1)).toBeCloseTo(2, 1);
  });

  it("writes each value and keeps full labels in the bar's tooltip", () => {
    expect(svg).toContain(">5 场</text>");
    expect(svg).toContain("<title>社会福利和社会保障界：1 场</title>");
  });

  it("escapes text from the database", () => {
    const evil = barChartSvg({
      ...spec,
      title: '<script>alert("x")</script>',
      data: [{ label: "A&B <i>", value: 1 }],
    });
    expect(evil).not.toContain("<script>");
    expect(evil).not.toContain("<i>");
    expect(evil).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(evil).toContain("A&amp;B &lt;i&gt;");
  });

  it("says so instead of drawing when there is nothing to draw", () => {
    const empty = barChartSvg({ ...spec, data: [{ label: "x", value: 0 }], emptyText: "暂无数据" });
    expect(widths(empty)).toHaveLength(0);
    expect(empty).toContain("暂无数据");
    expect(empty).toContain("<title");
  });
});

describe("columnChartSvg", () => {
  it("draws columns with heights proportional to the values", () => {
    const svg = columnChartSvg({
      ...spec,
      id: "by-year",
      data: [
        { label: "2025", value: 4 },
        { label: "2026", value: 8 },
      ],
    });
    const [a, b] = heights(svg);
    expect((b ?? 0) / (a ?? 1)).toBeCloseTo(2, 1);
    expect(svg).toContain('<title id="by-year-title">');
    expect(svg).toContain(">2026</text>");
  });
});

describe("helpers", () => {
  it("measures CJK text as a full em and Latin as about 0.6", () => {
    expect(textWidth("科技", 10)).toBe(20);
    expect(textWidth("ab", 10)).toBe(12);
  });

  it("cuts long labels with an ellipsis", () => {
    expect(fitText("科技界", 100, 10)).toBe("科技界");
    const cut = fitText("社会福利和社会保障界", 50, 10);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(50);
  });

  it("chooses round axis ticks covering the maximum", () => {
    expect(niceTicks(5)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(85.7)).toEqual([0, 50, 100]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(120).at(-1)).toBeGreaterThanOrEqual(120);
  });

  it("finds the largest datum, none when all are zero", () => {
    expect(largest(spec.data)?.label).toBe("科技界");
    expect(largest([{ label: "a", value: 0 }])).toBeNull();
  });

  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});

describe("the large drawing (适老模式)", () => {
  const large = { ...spec, scale: CHART_LARGE };
  const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  it("is narrower with larger type, so that a phone shows its words at 18 px or more", () => {
    for (const svg of [barChartSvg(large), columnChartSvg(large)]) {
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 300 [\d.]+"/);
      expect(svg).toMatch(/^<svg [^>]*font-size="18"/);
    }
  });

  it("keeps its labels inside the drawing: long names are cut to fit", () => {
    const svg = barChartSvg(large);
    expect(texts(svg)).toContain("科技界");
    const long = texts(svg).find((t) => t?.startsWith("社会"));
    expect(long).toMatch(/…$/);
    expect(textWidth(long ?? "", 18)).toBeLessThanOrEqual(CHART_LARGE.labelMax);
  });
});
