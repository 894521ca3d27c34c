/** What the editor's picture upload answers (app/(admin)/admin/news/image-actions.ts). */
export type InlineImageAnswer =
  | { ok: true; image: { src: string; width: number; height: number } }
  | { ok: false; message: string };
