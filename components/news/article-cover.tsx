import { Picture } from "@/components/ui/picture";
import type { CoverImage } from "@/db/queries/news/public";
import { fileHref, formatCoverCredit } from "@/lib/news/rules";
import { pictureSources, variantWidths } from "@/lib/pictures/variants";

/** The cover photo, in several widths, with its credit line ("图片由…提供"). */
export function ArticleCover({ cover }: { cover: CoverImage }) {
  const credit = formatCoverCredit(cover.credit);
  const sources =
    cover.width && cover.height
      ? pictureSources(fileHref(cover.fileId), variantWidths(cover.width), {
          width: cover.width,
          height: cover.height,
        })
      : null;
  const className = "mx-auto h-auto w-full max-w-full rounded-sm bg-stone-100";
  return (
    <figure className="my-6">
      {sources ? (
        // The article's first picture: loaded at once, it is the largest thing on the page.
        <Picture
          sources={sources}
          sizes="(min-width: 1024px) 720px, 100vw"
          priority
          className={className}
        />
      ) : (
        // A file stored without its size (none since uploads are re-encoded): the original.
        // biome-ignore lint/performance/noImgElement: served sized and immutable from /files
        <img src={fileHref(cover.fileId)} alt="" decoding="async" className={className} />
      )}
      {credit && <figcaption className="mt-2 text-center text-sm text-muted">{credit}</figcaption>}
    </figure>
  );
}
