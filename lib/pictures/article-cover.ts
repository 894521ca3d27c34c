import { DESIGNED_COVER_BOX, designedCoverBase } from "./designed-cover";
import {
  PICTURE_WIDTHS,
  type PictureSources,
  pictureSources,
  scaledHeight,
  variantWidths,
} from "./variants";

/** What an article's picture is made from: its photo when it has one, else its words. */
export interface ArticlePictureInput {
  id: number;
  title: string;
  columnName: string;
  cover: { fileId: string; width: number | null; height: number | null } | null;
}

export interface ArticlePicture extends PictureSources {
  /** True when the picture is the designed cover (no photo was uploaded). */
  designed: boolean;
}

/**
 * Every article has a picture: its cover photo in several widths, or its designed cover
 * (column and title on red and gold), so lists never show a gap.
 */
export function articlePicture(article: ArticlePictureInput): ArticlePicture {
  const photo = article.cover;
  if (photo?.width && photo.height) {
    const sources = pictureSources(`/files/${photo.fileId}`, variantWidths(photo.width), {
      width: photo.width,
      height: photo.height,
    });
    if (sources) return { ...sources, designed: false };
  }
  const base = designedCoverBase(article.id, article);
  const sources = pictureSources(base, PICTURE_WIDTHS, DESIGNED_COVER_BOX);
  // PICTURE_WIDTHS is never empty, so pictureSources always answers here.
  if (!sources) throw new Error("no designed cover widths");
  return { ...sources, designed: true };
}

/** The largest variant at most `maxWidth` wide, as a path: for Open Graph and feeds. */
export function articleCoverPath(
  article: ArticlePictureInput,
  maxWidth = 1280,
  format: "jpg" | "webp" = "jpg",
): { path: string; width: number; height: number } {
  const photo = article.cover;
  if (photo?.width && photo.height) {
    const widths = variantWidths(photo.width).filter((w) => w <= maxWidth);
    const width = widths[widths.length - 1];
    if (width) {
      return {
        path: `/files/${photo.fileId}/${width}.${format}`,
        width,
        height: scaledHeight({ width: photo.width, height: photo.height }, width),
      };
    }
  }
  const widths = PICTURE_WIDTHS.filter((w) => w <= maxWidth);
  const width = widths[widths.length - 1] ?? PICTURE_WIDTHS[0];
  return {
    path: `${designedCoverBase(article.id, article)}/${width}.${format}`,
    width,
    height: scaledHeight(DESIGNED_COVER_BOX, width),
  };
}

/**
 * The absolute URL of an article's cover (photo or designed), a JPEG of at most 1280 px,
 * for Open Graph (`og:image`) and share cards: `siteUrl` is the site's public address.
 */
export function absoluteArticleCoverUrl(siteUrl: string, article: ArticlePictureInput): string {
  return `${siteUrl.replace(/\/+$/, "")}${articleCoverPath(article).path}`;
}
