/**
 * The article's body. The HTML comes from lib/rich-text/sanitize.ts (`renderRichText`),
 * which lets only its allowlist through (no style, no class, no script), so it is safe to
 * insert. Styles reach the bare tags through descendant selectors (no typography plugin);
 * the rich-text editor uses the same classes, so what is written looks as published.
 */
export const articleBodyClass = [
  "text-[1.0625rem] leading-[1.95] text-ink",
  "[&_p]:my-4 [&>p]:indent-[2em]",
  "[&_h2]:mt-9 [&_h2]:mb-3 [&_h2]:font-serif [&_h2]:text-xl [&_h2]:font-bold [&_h2]:text-brand-800",
  "[&_h3]:mt-7 [&_h3]:mb-2 [&_h3]:font-serif [&_h3]:text-lg [&_h3]:font-bold",
  "[&_h4]:mt-6 [&_h4]:mb-2 [&_h4]:font-bold [&_h5]:font-bold [&_h6]:font-bold",
  "[&_ul]:my-4 [&_ul]:list-disc [&_ul]:pl-[2em] [&_ol]:my-4 [&_ol]:list-decimal [&_ol]:pl-[2em]",
  "[&_li]:my-1.5 [&_li]:pl-1 [&_li>p]:my-1",
  "[&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-brand-900",
  "[&_strong]:font-bold [&_em]:italic",
  "[&_blockquote]:my-5 [&_blockquote]:border-l-4 [&_blockquote]:border-gold-500 [&_blockquote]:bg-gold-100/50 [&_blockquote]:px-4 [&_blockquote]:py-1 [&_blockquote]:text-[#3d3d3d]",
  "[&_img]:mx-auto [&_img]:my-4 [&_img]:h-auto [&_img]:max-w-full",
  "[&_hr]:my-8 [&_hr]:border-stone-300",
  "[&_code]:rounded-sm [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:text-[0.9em]",
  "[&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-sm [&_pre]:bg-stone-100 [&_pre]:p-3",
  "[&_table]:my-5 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_table]:text-[0.9375rem]",
  "[&_th]:border [&_th]:border-stone-300 [&_th]:bg-stone-100 [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left",
  "[&_td]:border [&_td]:border-stone-300 [&_td]:px-3 [&_td]:py-1.5",
  "[&_td>p]:my-0 [&_th>p]:my-0 [&_img]:rounded-sm",
].join(" ");

export function ArticleBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by lib/rich-text/sanitize.ts against its allowlist
  return <div className={articleBodyClass} dangerouslySetInnerHTML={{ __html: html }} />;
}
