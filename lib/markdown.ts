import markdownIt, { type Env, type MarkdownIt, type StateCore } from "markdown-it";

/**
 * Article bodies are Markdown written by staff. They are rendered with raw HTML
 * turned off (any `<script>` or `<img onerror>` comes out as visible text),
 * with links restricted to http, https, mailto and same-site paths, and with
 * headings renumbered so the page's own <h1> (the title) stays the only one.
 */
export interface RenderMarkdownOptions {
  /** The site's own origin (env.SITE_URL): links elsewhere get rel="noopener noreferrer". */
  siteUrl?: string;
  /** Resolve same-site paths ("/events/3") against siteUrl: for feeds read off-site. */
  absoluteLinks?: boolean;
  /** The level the body's top headings become (default 2, under the page's h1). */
  topHeadingLevel?: number;
}

interface RenderEnv extends Env {
  siteOrigin: string | null;
  absoluteBase: string | null;
  topHeadingLevel: number;
}

// markdown-it hands the env object given to render() to every rule.
const readEnv = (env: Env | undefined): RenderEnv => ({
  siteOrigin: typeof env?.siteOrigin === "string" ? env.siteOrigin : null,
  absoluteBase: typeof env?.absoluteBase === "string" ? env.absoluteBase : null,
  topHeadingLevel: typeof env?.topHeadingLevel === "number" ? env.topHeadingLevel : 2,
});

const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);
// A scheme is what comes before the first ":" when no "/", "?" or "#" comes first.
const SCHEME_RE = /^([^/?#]*?):/;

/** Is this href safe to put in an href/src? Only http(s), mailto and scheme-less (relative) URLs. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  if (compact.startsWith("\\") || compact.startsWith("/\\")) return false;
  const scheme = SCHEME_RE.exec(compact);
  if (!scheme) return true;
  return ALLOWED_SCHEMES.has(`${scheme[1]}:`);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function isExternal(href: string, siteOrigin: string | null): boolean {
  if (href.startsWith("//")) return originOf(`https:${href}`) !== siteOrigin;
  if (!/^https?:/i.test(href)) return false;
  return originOf(href) !== siteOrigin;
}

function absolutize(href: string, base: string | null): string {
  if (!base || !href.startsWith("/") || href.startsWith("//")) return href;
  return `${base}${href}`;
}

/**
 * Renumbers headings: the distinct levels used become consecutive from
 * `topHeadingLevel` down, and no heading is more than one level below the one
 * before it, so the outline has no gaps (axe: heading-order).
 */
function renumberHeadings(state: StateCore) {
  const top = readEnv(state.env).topHeadingLevel;
  const opens = state.tokens.filter((t) => t.type === "heading_open");
  if (opens.length === 0) return;
  const used = [...new Set(opens.map((t) => Number(t.tag.slice(1))))].sort((a, b) => a - b);
  const rank = new Map(used.map((level, i) => [level, i]));
  let previous = top - 1;
  const closeTags: string[] = [];
  for (const token of state.tokens) {
    if (token.type === "heading_open") {
      const wanted = top + (rank.get(Number(token.tag.slice(1))) ?? 0);
      const level = Math.min(wanted, previous + 1, 6);
      previous = level;
      token.tag = `h${level}`;
      closeTags.push(token.tag);
    } else if (token.type === "heading_close") {
      token.tag = closeTags.shift() ?? token.tag;
    }
  }
}

function createRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isSafeUrl;
  md.core.ruler.push("lvzhi_headings", renumberHeadings);

  md.renderer.rules.link_open = (tokens, idx, options, rawEnv, self) => {
    const env = readEnv(rawEnv);
    const token = tokens[idx];
    if (token) {
      const href = String(token.attrGet("href") ?? "");
      token.attrSet("href", absolutize(href, env.absoluteBase));
      if (isExternal(href, env.siteOrigin)) token.attrSet("rel", "noopener noreferrer");
    }
    return self.renderToken(tokens, idx, options);
  };

  const image = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token) {
      const src = String(token.attrGet("src") ?? "");
      token.attrSet("src", absolutize(src, readEnv(env).absoluteBase));
      token.attrSet("loading", "lazy");
      token.attrSet("decoding", "async");
    }
    return image ? image(tokens, idx, options, env, self) : "";
  };
  return md;
}

let renderer: MarkdownIt | undefined;

/** Markdown → safe HTML for `dangerouslySetInnerHTML`. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  renderer ??= createRenderer();
  const siteOrigin = originOf(options.siteUrl);
  const env: RenderEnv = {
    siteOrigin,
    absoluteBase: options.absoluteLinks ? (options.siteUrl?.replace(/\/+$/, "") ?? null) : null,
    topHeadingLevel: Math.min(Math.max(options.topHeadingLevel ?? 2, 1), 6),
  };
  return renderer.render(source, env);
}
