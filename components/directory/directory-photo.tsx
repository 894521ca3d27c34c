import { Picture } from "@/components/ui/picture";
import type { DirectoryPhoto as Photo } from "@/db/queries/directory/public";
import { pictureSources, variantWidths } from "@/lib/pictures/variants";

/** A studio's or an office's photo, in several widths (decorative: its name is beside it). */
export function DirectoryPhoto({
  photo,
  sizes,
  priority = false,
  className,
}: {
  photo: Photo;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  const sources = pictureSources(`/files/${photo.fileId}`, variantWidths(photo.width), photo);
  if (!sources) return null;
  return <Picture sources={sources} sizes={sizes} priority={priority} className={className} />;
}
