import type { CoverImage } from "@/db/queries/news/public";
import { fileHref, formatCoverCredit } from "@/lib/news/rules";

/** The cover photo with its credit line ("图片由…提供"). */
export function ArticleCover({ cover }: { cover: CoverImage }) {
  const credit = formatCoverCredit(cover.credit);
  return (
    <figure className="my-6">
      {/* Served sized and immutable from /files; the image optimiser would add nothing. */}
      {/* biome-ignore lint/performance/noImgElement: see above */}
      <img
        src={fileHref(cover.fileId)}
        alt=""
        width={cover.width ?? undefined}
        height={cover.height ?? undefined}
        decoding="async"
        className="mx-auto h-auto w-full max-w-full rounded-sm bg-stone-100"
      />
      {credit && <figcaption className="mt-2 text-center text-sm text-muted">{credit}</figcaption>}
    </figure>
  );
}
