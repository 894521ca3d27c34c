import type { PictureSources } from "@/lib/pictures/variants";

/**
 * A picture in several widths: WebP for browsers that take it, JPEG for the rest, with
 * its width and height so the page never shifts as it loads. Pictures below the fold load
 * lazily; the first one on a page (`priority`) loads at once, it is often the largest.
 * Variants come sized and immutable from /files and /covers: no image optimiser needed.
 */
export function Picture({
  sources,
  sizes,
  alt = "",
  priority = false,
  className,
}: {
  sources: PictureSources;
  sizes: string;
  alt?: string;
  priority?: boolean;
  className?: string;
}) {
  return (
    // display: contents: the <img> itself is the flex or grid item its parent lays out.
    <picture className="contents">
      <source type="image/webp" srcSet={sources.webpSrcSet} sizes={sizes} />
      <img
        src={sources.src}
        srcSet={sources.jpegSrcSet}
        sizes={sizes}
        width={sources.width}
        height={sources.height}
        alt={alt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
        className={className}
      />
    </picture>
  );
}
