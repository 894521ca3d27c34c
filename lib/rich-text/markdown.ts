import { renderMarkdown } from "../markdown";
import { sanitizeRichText } from "./sanitize";

/**
 * A body written in Markdown before the rich-text editor, as stored HTML: rendered the
 * way the public page rendered it (headings from h2, raw HTML shown as text), then put
 * through the same allowlist as everything the editor saves. Used once per row by the
 * data step of db/rich-text/convert-markdown.ts, and by the demo data.
 */
export function markdownToRichText(markdown: string): string {
  return sanitizeRichText(renderMarkdown(markdown, { topHeadingLevel: 2 }));
}
