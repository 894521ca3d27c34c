/**
 * The article's body. The HTML comes from lib/rich-text/sanitize.ts (`renderRichText`),
 * which lets only its allowlist through (no style, no class, no script), so it is safe to
 * insert. Styles reach the bare tags through `.article-prose` (app/globals.css; no
 * typography plugin); the rich-text editor uses the same class, so what is written looks
 * as published.
 */
export const articleBodyClass = "article-prose";

export function ArticleBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by lib/rich-text/sanitize.ts against its allowlist
  return <div className={articleBodyClass} dangerouslySetInnerHTML={{ __html: html }} />;
}
