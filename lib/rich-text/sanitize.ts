import sanitizeHtml from "sanitize-html";
import { isSafeUrl } from "../markdown";

/**
 * Rich-text bodies (news articles and event reports) are HTML written in the editor
 * (components/rich-text). They are cleaned ON THE SERVER against an allowlist before
 * they are stored, and again when rendered: no style, no class, no on… attribute, no
 * script, links only to http(s), mailto, tel and same-site paths, pictures only our own
 * public files (/files/…). The site's typography CSS styles the bare tags.
 */

const HEADING_TAGS = ["h2", "h3", "h4"];
const ALLOWED_TAGS = [
  "p",
  ...HEADING_TAGS,
  "ul",
  "ol",
  "li",
  "strong",
  "em",
  "u",
  "s",
  "a",
  "blockquote",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "img",
  "br",
  "hr",
];

/** Our own stored public files, as app/files/[id] serves them: never another site's picture. */
const OWN_FILE_SRC = /^\/files\/[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function isOwnFileSrc(src: string): boolean {
  return OWN_FILE_SRC.test(src) && !src.includes("..");
}

/** A phone number link (the editor's link dialog offers tel:); Markdown never had them. */
const TEL_HREF = /^tel:\+?[0-9][0-9-]{2,19}$/i;

const SPAN = /^[1-9]\d?$/;
const DIMENSION = /^[1-9]\d{0,4}$/;

/** Only whole numbers of a sane size survive in colspan/rowspan/width/height. */
function keepNumeric(attribs: Record<string, string>, names: string[], pattern: RegExp) {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = attribs[name]?.trim();
    if (value && pattern.test(value)) out[name] = value;
  }
  return out;
}

const STORAGE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "alt", "width", "height"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: {},
  allowedStyles: {},
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // Tags not allowed are dropped but their text stays (a <span style> keeps its words);
  // these go with everything inside them.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "xml", "head"],
  // A picture from anywhere but our own files goes (exclusiveFilter sees transformed attributes).
  exclusiveFilter: (frame) => frame.tag === "img" && !isOwnFileSrc(frame.attribs.src ?? ""),
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    strike: "s",
    del: "s",
    a: (tagName, attribs) => {
      const href = attribs.href?.trim() ?? "";
      // An unsafe link loses its element (its words stay: see finish()), not only its href.
      const safe = isSafeUrl(href) || TEL_HREF.test(href);
      if (!href || !safe || href.startsWith("//")) return { tagName, attribs: {} };
      return { tagName, attribs: { href, ...(attribs.rel ? { rel: attribs.rel } : {}) } };
    },
    img: (tagName, attribs) => {
      const src = attribs.src?.trim() ?? "";
      return {
        tagName,
        attribs: {
          src,
          alt: attribs.alt ?? "",
          ...keepNumeric(attribs, ["width", "height"], DIMENSION),
        },
      };
    },
    th: (tagName, attribs) => ({
      tagName,
      attribs: keepNumeric(attribs, ["colspan", "rowspan"], SPAN),
    }),
    td: (tagName, attribs) => ({
      tagName,
      attribs: keepNumeric(attribs, ["colspan", "rowspan"], SPAN),
    }),
  },
};

/** The allowlist, applied before a body is stored (and by the Markdown migration). */
export function sanitizeRichText(html: string): string {
  return finish(sanitizeHtml(html, STORAGE_OPTIONS));
}

/**
 * The cleaner's output in the house's HTML: a link left with no attribute (its address was
 * refused) becomes its words, and void tags are written as HTML (`<br>`, not `<br />`).
 * Safe on the cleaner's output only: there, text has no bare `<` or `>`.
 */
function finish(html: string): string {
  return html
    .replace(/<a>([\s\S]*?)<\/a>/g, "$1")
    .replace(/ \/>/g, ">")
    .trim();
}

/** Text with no tag at all (typed without JavaScript): its blank-line blocks become paragraphs. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * What the form sent, ready to store: HTML from the editor (or typed as HTML) is cleaned;
 * plain text typed without JavaScript becomes paragraphs first.
 */
export function richTextFromInput(input: string): string {
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(input);
  return sanitizeRichText(looksLikeHtml ? input : plainTextToHtml(input));
}

/**
 * `richTextFromInput`, but an editor left empty (`<p></p>`: no word, no picture) is stored
 * as "" so "not written yet" stays visible as such.
 */
export function storedRichText(input: string): string {
  const html = richTextFromInput(input);
  return /<(img|hr)\b/.test(html) || richTextToPlainText(html).trim() !== "" ? html : "";
}

export interface RenderRichTextOptions {
  /** The site's own origin (env.SITE_URL): links elsewhere get rel="noopener noreferrer". */
  siteUrl?: string;
  /** Resolve same-site paths ("/events/3", "/files/…") against siteUrl: for feeds read off-site. */
  absoluteLinks?: boolean;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A stored body → HTML for the page (or a feed): cleaned again (defence in depth, and rows
 * written before a rule tightened), external links marked noopener, pictures lazy.
 */
export function renderRichText(html: string, options: RenderRichTextOptions = {}): string {
  const siteOrigin = originOf(options.siteUrl);
  const base = options.absoluteLinks ? (options.siteUrl?.replace(/\/+$/, "") ?? null) : null;
  const absolutize = (url: string) =>
    base && url.startsWith("/") && !url.startsWith("//") ? `${base}${url}` : url;
  const storage = STORAGE_OPTIONS.transformTags ?? {};
  const linkRule = storage.a as sanitizeHtml.Transformer;
  const imgRule = storage.img as sanitizeHtml.Transformer;
  const rendered = sanitizeHtml(html, {
    ...STORAGE_OPTIONS,
    allowedAttributes: {
      ...STORAGE_OPTIONS.allowedAttributes,
      img: ["src", "alt", "width", "height", "loading", "decoding"],
    },
    exclusiveFilter: (frame) => {
      if (frame.tag !== "img") return false;
      const src = frame.attribs.src ?? "";
      return !isOwnFileSrc(base && src.startsWith(`${base}/`) ? src.slice(base.length) : src);
    },
    transformTags: {
      ...storage,
      a: (tagName, attribs) => {
        const cleaned = linkRule(tagName, attribs);
        if (cleaned.tagName !== "a") return cleaned;
        const href = cleaned.attribs.href ?? "";
        const external = /^https?:/i.test(href) && originOf(href) !== siteOrigin;
        return {
          tagName,
          attribs: { href: absolutize(href), ...(external ? { rel: "noopener noreferrer" } : {}) },
        };
      },
      img: (tagName, attribs) => {
        const cleaned = imgRule(tagName, attribs);
        if (cleaned.tagName !== "img") return cleaned;
        const { src = "", ...rest } = cleaned.attribs;
        return {
          tagName,
          attribs: { src: absolutize(src), ...rest, loading: "lazy", decoding: "async" },
        };
      },
    },
  });
  return finish(rendered);
}

/** The words of a body, for the search index: no tags, blocks on their own lines. */
export function richTextToPlainText(html: string): string {
  const spaced = html.replace(
    /<\/(p|h[1-6]|li|blockquote|tr|th|td)>|<br\s*\/?>|<hr\s*\/?>/gi,
    "$&\n",
  );
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]*\n[\s]*/g, "\n")
    .trim();
}
