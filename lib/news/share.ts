import { type ArticlePictureInput, articleCoverPath } from "../pictures/article-cover";
import { siteUrl } from "../site-url";

/** An article's absolute address: canonical link, Open Graph, the share QR code, on paper. */
export function articleUrl(slug: string): string {
  return siteUrl(`/news/${encodeURIComponent(slug)}`);
}

/** Where an article's share QR code (a PNG of articleUrl) is served, on this site. */
export function articleQrPath(slug: string): string {
  return `/news/${encodeURIComponent(slug)}/qr.png`;
}

/**
 * The Open Graph picture of an article: a JPEG of at most 1280 px of its cover photo, or
 * of its designed cover when it has none (lib/pictures/article-cover.ts), so every shared
 * article shows a picture.
 */
export function articleSharePicture(article: ArticlePictureInput): {
  url: string;
  width: number;
  height: number;
} {
  const { path, width, height } = articleCoverPath(article);
  return { url: siteUrl(path), width, height };
}
