/**
 * 字号 on a news article: three sizes chosen by a plain link (`?size=large`), so it works
 * without JavaScript and each size is its own address in the page cache (server.mjs keys
 * pages by URL; a cookie would not be seen there). The canonical address has no size.
 */
export const articleSizes = ["standard", "large", "larger"] as const;
export type ArticleSize = (typeof articleSizes)[number];

/** ?size=… → a known size; anything else (absent, repeated, unknown) is the standard one. */
export function parseArticleSize(raw: string | string[] | undefined): ArticleSize {
  return typeof raw === "string" && (articleSizes as readonly string[]).includes(raw)
    ? (raw as ArticleSize)
    : "standard";
}

/** The article's address at a size (the standard size: no parameter). */
export function articleSizeHref(slug: string, size: ArticleSize): string {
  const path = `/news/${encodeURIComponent(slug)}`;
  return size === "standard" ? path : `${path}?size=${size}`;
}

/** The class that sets the body's size (app/globals.css: `.article-size-*`). */
export function articleSizeClass(size: ArticleSize): string {
  return `article-size-${size}`;
}
