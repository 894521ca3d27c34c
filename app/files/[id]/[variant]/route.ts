import { getPublicImageSource } from "@/db/queries/shared/image-variants";
import { messages } from "@/lib/messages";
import { isUuid } from "@/lib/news/rules";
import { parseVariantName, variantWidths } from "@/lib/pictures/variants";
import { notFoundText } from "@/server/http/responses";
import { serveImageVariant } from "@/server/images/serve-variant";
import { encodePhotoVariant } from "@/server/images/variants";

/**
 * A public picture in one width and format: /files/<id>/640.webp, /files/<id>/640.jpg.
 * Only the widths lib/pictures/variants.ts offers for that picture exist; each is made
 * once, on first request, and kept in the image_variants table.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; variant: string }> },
) {
  const { id, variant } = await params;
  const missing = () => notFoundText(messages.newsPages.files.notFound);
  const wanted = parseVariantName(variant);
  if (!isUuid(id) || !wanted) return missing();

  const source = await getPublicImageSource(id, { withData: false });
  if (!source || !variantWidths(source.width).includes(wanted.width)) return missing();

  return serveImageVariant(
    request,
    { key: `f:${id}:${variant}`, fileId: id },
    async () => {
      const full = await getPublicImageSource(id, { withData: true });
      return full?.data ? encodePhotoVariant(full.data, wanted.width, wanted.format) : null;
    },
    missing,
  );
}
