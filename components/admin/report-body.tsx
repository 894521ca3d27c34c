/**
 * A research report rendered by lib/rich-text/sanitize.ts (`renderRichText`: only its
 * allowlist, no style, no class, no script), so the HTML is safe to insert; styled by
 * descendant selectors like a news article. The rich-text editor uses the same classes.
 */
export const reportBodyClass = [
  "text-[16px] leading-[1.9] text-ink",
  "[&_h2]:mt-7 [&_h2]:mb-2 [&_h2]:font-serif [&_h2]:text-xl [&_h2]:font-bold [&_h2]:text-brand-800",
  "[&_p]:my-3 [&>p]:indent-[2em]",
  "[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:font-serif [&_h3]:text-lg [&_h3]:font-bold [&_h3]:text-brand-800",
  "[&_h4]:mt-5 [&_h4]:mb-2 [&_h4]:font-bold [&_h5]:font-bold [&_h6]:font-bold",
  "[&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-[2em] [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-[2em]",
  "[&_li]:my-1",
  "[&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2",
  "[&_strong]:font-bold [&_em]:italic",
  "[&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-gold-500 [&_blockquote]:bg-gold-100/50 [&_blockquote]:px-4",
  "[&_table]:my-4 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_th]:border [&_th]:border-stone-300 [&_th]:px-2 [&_td]:border [&_td]:border-stone-300 [&_td]:px-2",
  "[&_td>p]:my-0 [&_th>p]:my-0 [&_img]:mx-auto [&_img]:my-3 [&_img]:h-auto [&_img]:max-w-full [&_hr]:my-6 [&_hr]:border-stone-300",
].join(" ");

export function ReportBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by lib/rich-text/sanitize.ts against its allowlist
  return <div className={reportBodyClass} dangerouslySetInnerHTML={{ __html: html }} />;
}
