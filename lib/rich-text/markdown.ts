import { renderMarkdown } from "../markdown";
import { sanitizeRichText } from "./sanitize";

/**
 * A body written in Markdown before the rich-text editor, as stored HTML: rendered the
 * way the page rendered it (headings from `topHeadingLevel`: h2 for articles, h3 for
 * research reports; raw HTML shown as text), then put through the same allowlist as
 * everything the editor saves. Used once per row by the data steps of db/rich-text/, and
 * by the demo data.
 */
export function markdownToRichText(markdown: string, topHeadingLevel = 2): string {
  return sanitizeRichText(renderMarkdown(markdown, { topHeadingLevel }));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A public case's text from before the editor (plain text, not Markdown), as stored HTML:
 * what the case page rendered, one <p> per block between blank lines and a line break
 * where the line broke (the page showed them with `white-space: pre-line`).
 */
export function plainParagraphsToRichText(text: string): string {
  return sanitizeRichText(
    text
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeHtml(p).replace(/[ \t]*\n[ \t]*/g, "<br>")}</p>`)
      .join("\n"),
  );
}
