import Link from "next/link";
import { siteMessages } from "@/lib/messages/site";
import { type ArticleSize, articleSizeHref, articleSizes } from "@/lib/news/tools";
import { PrintArticleButton } from "./print-article-button";

const m = siteMessages.tools;
const chip =
  "inline-flex min-h-9 items-center rounded-sm border border-stone-300 px-3 py-1 text-[15px] hover:border-brand-600 hover:text-brand-800";

/** 字号 (three sizes, plain links) and 打印, under the article's header; off paper. */
export function ArticleTools({ slug, size }: { slug: string; size: ArticleSize }) {
  return (
    <section
      aria-label={m.label}
      className="mt-4 flex flex-wrap items-center justify-center gap-x-6 gap-y-3 print:hidden"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span id="article-size-label" className="text-sm text-muted">
          {m.size}
        </span>
        <ul aria-labelledby="article-size-label" className="flex gap-2">
          {articleSizes.map((s) => (
            <li key={s}>
              <Link
                href={articleSizeHref(slug, s)}
                rel="nofollow"
                scroll={false}
                aria-current={s === size ? "true" : undefined}
                className={`${chip} ${s === size ? "border-brand-700 bg-brand-700 text-white hover:text-white" : "bg-white text-ink"}`}
              >
                {m.sizes[s]}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <PrintArticleButton
        label={m.print}
        hint={m.printHint}
        noScriptHint={m.printHintNoScript}
        className={`${chip} bg-white text-ink`}
      />
    </section>
  );
}

/**
 * 分享: the article's absolute address as a QR code for WeChat, a PNG picture of its own
 * (app/(public)/news/[slug]/qr.png): a phone can long-press it to open the article, and
 * the page does not carry the code's drawing.
 */
export function ArticleShare({ url, qrSrc, title }: { url: string; qrSrc: string; title: string }) {
  return (
    <section
      aria-labelledby="article-share"
      className="rounded-sm border border-stone-200 bg-white p-4 text-center shadow-sm print:hidden"
    >
      <h2 id="article-share" className="font-serif text-lg font-bold text-brand-800">
        {m.share}
      </h2>
      {/* biome-ignore lint/performance/noImgElement: a QR code; next/image would re-encode what must stay crisp */}
      <img
        id="article-qr"
        src={qrSrc}
        alt={m.qrLabel(title)}
        width={160}
        height={160}
        decoding="async"
        className="mx-auto mt-3 h-40 w-40 bg-white [image-rendering:pixelated]"
      />
      <p className="mt-2 text-sm text-muted">{m.shareHint}</p>
      <p className="mt-2 break-all text-sm text-muted">
        <span className="sr-only">{m.address}：</span>
        {url}
      </p>
    </section>
  );
}
