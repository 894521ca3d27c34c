import { siteUrl } from "../site-url";
import { fileHref } from "./rules";

/** An article's absolute address: canonical link, Open Graph, the share QR code, on paper. */
export function articleUrl(slug: string): string {
  return siteUrl(`/news/${encodeURIComponent(slug)}`);
}

/**
 * The absolute URL of an article's cover for Open Graph (null: no cover). The one place
 * that knows where a cover is served; the pictures work (designed covers, widths) may
 * replace its body with their own function.
 */
export function articleCoverUrl(cover: { fileId: string } | null): string | null {
  return cover ? siteUrl(fileHref(cover.fileId)) : null;
}
