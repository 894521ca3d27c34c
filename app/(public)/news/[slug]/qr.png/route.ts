import { getPublicArticle } from "@/db/queries/news/cached";
import { addressQrPng } from "@/lib/checkin/qr";
import { messages } from "@/lib/messages";
import { articleUrl } from "@/lib/news/share";
import { notFoundText } from "@/server/http/responses";

// Slugs are short; a made-up long one is not worth a query.
const MAX_SLUG_LENGTH = 200;

/**
 * A published article's share QR code, a PNG of its absolute address (shown in the
 * article's 分享 box). The same for every reader, so browsers and proxies may keep it;
 * an address that names no published article is a 404, so this is not a QR code
 * generator for any text.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = slug.length > MAX_SLUG_LENGTH ? null : await getPublicArticle(slug);
  if (!found) return notFoundText(messages.newsPages.files.notFound);
  const png = await addressQrPng(articleUrl(found.article.slug));
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      // The address changes only with SITE_URL; an unpublished article's code is harmless.
      "Cache-Control": "public, max-age=3600, s-maxage=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
