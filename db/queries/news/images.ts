import "server-only";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { EncodedImage } from "@/lib/images";
import { can } from "@/lib/permissions";
import { getDb } from "../../runtime";
import { storePublicImage } from "../shared/files";

/** Who may place pictures in a rich-text body: its writers. */
export type InlineImagePermission = "article.create" | "case.publish" | "research.manage";

/** A picture placed inside an article's body, as the editor inserts it. */
export interface InlineImage {
  src: string;
  width: number;
  height: number;
}

/**
 * Stores a picture uploaded from the rich-text editor (already re-encoded by
 * server/images) as a public file, for anyone who may write the body it goes in (news by
 * default). It becomes visible only through the text that shows it; its address is
 * `/files/<id>`.
 */
export async function storeInlineImage(
  actor: Actor,
  image: EncodedImage,
  /** What the body's writer may do (news, a public case, a research report). */
  permission: InlineImagePermission = "article.create",
): Promise<InlineImage> {
  if (!can(actor.user, permission)) throw new AppError("forbidden");
  const db = await getDb();
  const id = await db.transaction((tx) => storePublicImage(tx, image, actor.user.id));
  return { src: `/files/${id}`, width: image.width, height: image.height };
}
