import { getDesignedCoverText } from "@/db/queries/shared/image-variants";
import { messages } from "@/lib/messages";
import { designedCoverHash } from "@/lib/pictures/designed-cover";
import { PICTURE_WIDTHS, parseVariantName } from "@/lib/pictures/variants";
import { notFoundText } from "@/server/http/responses";
import { serveImageVariant } from "@/server/images/serve-variant";
import { renderDesignedCover } from "@/server/images/variants";

/**
 * The designed cover of a public article without a photo, in one width and format:
 * /covers/<article id>/<hash of its column and title>/640.webp. A retitled article has
 * a new hash; the old URL answers 404 rather than a picture with words it no longer has.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ articleId: string; hash: string; variant: string }> },
) {
  const { articleId, hash, variant } = await params;
  const missing = () => notFoundText(messages.newsPages.files.notFound);
  const wanted = parseVariantName(variant);
  const id = /^[1-9][0-9]{0,9}$/.test(articleId) ? Number(articleId) : null;
  if (!wanted || id === null || !/^[0-9a-f]{16}$/.test(hash)) return missing();
  if (!(PICTURE_WIDTHS as readonly number[]).includes(wanted.width)) return missing();

  const text = await getDesignedCoverText(id, new Date());
  if (!text || designedCoverHash(text) !== hash) return missing();

  return serveImageVariant(
    request,
    { key: `c:${hash}:${variant}`, fileId: null },
    () => renderDesignedCover(text, wanted.width, wanted.format),
    missing,
  );
}
