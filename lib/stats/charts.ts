/**
 * Charts drawn on the server as SVG strings: no JavaScript, no third-party library.
 * Each chart is an `<svg role="img">` named by its own `<title>` and `<desc>` (the desc
 * says what the chart shows in one sentence, for screen readers and search engines);
 * pages put the same numbers in a table beside it (components/stats/chart-figure.tsx).
 *
 * Colours come as Tailwind classes (they follow the site's theme and elder mode) with
 * plain attributes underneath, so an SVG saved on its own still reads.
 */

export interface ChartDatum {
  label: string;
  value: number;
}

export interface ChartSpec {
  /** Unique on the page: the ids of <title> and <desc> derive from it. */
  id: string;
  title: string;
  description: string;
  data: readonly ChartDatum[];
  /** How a value is written on its bar ("12 场", "85.7%"); default: the number. */
  formatValue?: (value: number) => string;
  /** Shown instead of bars when there is nothing to draw. */
  emptyText?: string;
  /** Drawing size and type (default CHART_STANDARD). */
  scale?: ChartScale;
}

/** The drawing's width and type size, in SVG units; the rest of the layout follows. */
export interface ChartScale {
  width: number;
  fontSize: number;
  /** The widest a bar chart's label column may be. */
  labelMax: number;
}

export const CHART_STANDARD: ChartScale = { width: 400, fontSize: 13, labelMax: 130 };
/**
 * 适老模式: narrower, with larger type, so that the words read at 18 px or more on screen
 * from a phone's width (the drawing is scaled to its box) up (max-width in globals.css).
 */
export const CHART_LARGE: ChartScale = { width: 300, fontSize: 18, labelMax: 120 };

const FONT_SIZE = CHART_STANDARD.fontSize;
const COLORS = {
  bar: { cls: "fill-brand-700", attr: "#9a121a" },
  text: { cls: "fill-ink", attr: "#1f1f1f" },
  muted: { cls: "fill-muted", attr: "#595959" },
  grid: { cls: "stroke-stone-300", attr: "#d6d3d1" },
  axis: { cls: "stroke-stone-500", attr: "#78716c" },
} as const;

/** XML text and attribute escaping. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Approximate width of `text` at `fontSize`: CJK and full-width take a full em, the rest ~0.6. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x2e80 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0x20000 && code <= 0x3ffff);
    ems += wide ? 1 : 0.6;
  }
  return ems * fontSize;
}

/** `text` cut with "…" so that it fits `maxWidth`; unchanged when it fits. */
export function fitText(text: string, maxWidth: number, fontSize = FONT_SIZE): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join("")}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}

/**
 * Axis ticks from 0 to a round number at or above `max`: steps of 1, 2 or 5 times a
 * power of ten, about `count` of them. Counts stay integers.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const integerStep = max >= 1 ? Math.max(1, Math.round(step)) : step;
  const ticks: number[] = [];
  for (let t = 0; t < max + integerStep * 1e-9; t += integerStep) ticks.push(round(t));
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(round(ticks.length * integerStep));
  return ticks;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function paint(kind: keyof typeof COLORS, as: "fill" | "stroke" = "fill"): string {
  const c = COLORS[kind];
  return `class="${c.cls}" ${as}="${c.attr}"`;
}

function frame(spec: ChartSpec, width: number, height: number, body: string): string {
  const fontSize = (spec.scale ?? CHART_STANDARD).fontSize;
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}" font-size="${fontSize}" font-family="inherit" class="chart-svg">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(spec.title)}</title>`,
    `<desc id="${escapeXml(descId)}">${escapeXml(spec.description)}</desc>`,
    body,
    "</svg>",
  ].join("");
}

function emptyChart(spec: ChartSpec): string {
  const { width, fontSize } = spec.scale ?? CHART_STANDARD;
  const k = fontSize / FONT_SIZE;
  const height = 64 * k;
  return frame(
    spec,
    width,
    height,
    `<text x="${width / 2}" y="${height / 2 + 4 * k}" text-anchor="middle" ${paint("muted")}>${escapeXml(spec.emptyText ?? "")}</text>`,
  );
}

const hasData = (data: readonly ChartDatum[]) =>
  data.length > 0 && data.some((d) => Number.isFinite(d.value) && d.value > 0);

/**
 * Horizontal bars, one row per datum in the given order: long Chinese labels (sector
 * and town names) read best on the left.
 */
export function barChartSvg(spec: ChartSpec): string {
  if (!hasData(spec.data)) return emptyChart(spec);
  const format = spec.formatValue ?? fmt;
  const { width, fontSize, labelMax } = spec.scale ?? CHART_STANDARD;
  const k = fontSize / FONT_SIZE;
  const row = 26 * k;
  const thickness = 16 * k;
  const top = 6 * k;
  const axisHeight = 22 * k;
  const labelWidth = Math.min(
    labelMax,
    Math.max(...spec.data.map((d) => textWidth(d.label, fontSize))) + 8,
  );
  const valueWidth = Math.max(...spec.data.map((d) => textWidth(format(d.value), fontSize))) + 8;
  const plotLeft = labelWidth;
  const plotWidth = width - labelWidth - valueWidth;
  const ticks = niceTicks(Math.max(...spec.data.map((d) => d.value)));
  const max = ticks[ticks.length - 1] ?? 1;
  const height = top + spec.data.length * row + axisHeight;
  const plotBottom = top + spec.data.length * row;
  const x = (v: number) => plotLeft + (Math.max(0, v) / max) * plotWidth;

  const grid = ticks
    .map((t) => {
      const tx = x(t).toFixed(1);
      return `<line x1="${tx}" x2="${tx}" y1="${top}" y2="${plotBottom}" ${paint("grid", "stroke")} stroke-width="1"/><text x="${tx}" y="${(plotBottom + 16 * k).toFixed(1)}" text-anchor="middle" ${paint("muted")}>${fmt(t)}</text>`;
    })
    .join("");
  const bars = spec.data
    .map((d, i) => {
      const y = top + i * row + (row - thickness) / 2;
      const w = Math.max(0, x(d.value) - plotLeft);
      const label = escapeXml(fitText(d.label, labelWidth - 8, fontSize));
      const value = escapeXml(format(d.value));
      return [
        "<g>",
        `<title>${escapeXml(d.label)}：${value}</title>`,
        `<text x="${plotLeft - 6}" y="${(y + thickness / 2 + 4.5 * k).toFixed(1)}" text-anchor="end" ${paint("text")}>${label}</text>`,
        `<rect x="${plotLeft}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${thickness}" rx="2" ${paint("bar")}/>`,
        `<text x="${(plotLeft + w + 4).toFixed(1)}" y="${(y + thickness / 2 + 4.5 * k).toFixed(1)}" ${paint("text")}>${value}</text>`,
        "</g>",
      ].join("");
    })
    .join("");
  const axis = `<line x1="${plotLeft}" x2="${plotLeft}" y1="${top}" y2="${plotBottom}" ${paint("axis", "stroke")} stroke-width="1"/>`;
  return frame(spec, width, height, grid + bars + axis);
}

/** Vertical columns, left to right in the given order: years, months, statuses. */
export function columnChartSvg(spec: ChartSpec): string {
  if (!hasData(spec.data)) return emptyChart(spec);
  const format = spec.formatValue ?? fmt;
  const { width, fontSize } = spec.scale ?? CHART_STANDARD;
  const k = fontSize / FONT_SIZE;
  const height = 240 * k;
  const top = 20 * k;
  const labelHeight = 24 * k;
  const ticks = niceTicks(Math.max(...spec.data.map((d) => d.value)));
  const max = ticks[ticks.length - 1] ?? 1;
  const axisWidth = Math.max(...ticks.map((t) => textWidth(fmt(t), fontSize))) + 10;
  const plotLeft = axisWidth;
  const plotWidth = width - plotLeft - 4;
  const plotBottom = height - labelHeight;
  const plotHeight = plotBottom - top;
  const slot = plotWidth / spec.data.length;
  const thickness = Math.min(48, slot * 0.6);
  const y = (v: number) => plotBottom - (Math.max(0, v) / max) * plotHeight;

  const grid = ticks
    .map((t) => {
      const ty = y(t).toFixed(1);
      return `<line x1="${plotLeft}" x2="${width - 4}" y1="${ty}" y2="${ty}" ${paint("grid", "stroke")} stroke-width="1"/><text x="${plotLeft - 6}" y="${(y(t) + 4.5 * k).toFixed(1)}" text-anchor="end" ${paint("muted")}>${fmt(t)}</text>`;
    })
    .join("");
  const columns = spec.data
    .map((d, i) => {
      const cx = plotLeft + slot * i + slot / 2;
      const top = y(d.value);
      const value = escapeXml(format(d.value));
      return [
        "<g>",
        `<title>${escapeXml(d.label)}：${value}</title>`,
        `<rect x="${(cx - thickness / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${thickness.toFixed(1)}" height="${(plotBottom - top).toFixed(1)}" rx="2" ${paint("bar")}/>`,
        `<text x="${cx.toFixed(1)}" y="${(top - 5).toFixed(1)}" text-anchor="middle" ${paint("text")}>${value}</text>`,
        `<text x="${cx.toFixed(1)}" y="${(plotBottom + 17 * k).toFixed(1)}" text-anchor="middle" ${paint("text")}>${escapeXml(fitText(d.label, slot - 4, fontSize))}</text>`,
        "</g>",
      ].join("");
    })
    .join("");
  const axis = `<line x1="${plotLeft}" x2="${width - 4}" y1="${plotBottom}" y2="${plotBottom}" ${paint("axis", "stroke")} stroke-width="1"/>`;
  return frame(spec, width, height, grid + columns + axis);
}

/** The datum with the largest value (the first of equals), for a chart's one-line summary. */
export function largest(data: readonly ChartDatum[]): ChartDatum | null {
  let best: ChartDatum | null = null;
  for (const d of data) if (!best || d.value > best.value) best = d;
  return best && best.value > 0 ? best : null;
}
