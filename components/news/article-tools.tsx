import Link from "next/link";
import { QrCode } from "@/components/checkin/qr-code";
import type { QrDrawing } from "@/lib/checkin/qr";
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

/** 分享: the article's absolute address as a QR code (drawn on the server) for WeChat. */
export function ArticleShare({ url, qr, title }: { url: string; qr: QrDrawing; title: string }) {
  return (
    <section
      aria-labelledby="article-share"
      className="rounded-sm border border-stone-200 bg-white p-4 text-center shadow-sm print:hidden"
    >
      <h2 id="article-share" className="font-serif text-lg font-bold text-brand-800">
        {m.share}
      </h2>
      <QrCode
        id="article-qr"
        drawing={qr}
        label={m.qrLabel(title)}
        className="mx-auto mt-3 h-40 w-40"
      />
      <p className="mt-2 text-sm text-muted">{m.shareHint}</p>
      <p className="mt-2 break-all text-sm text-muted">
        <span className="sr-only">{m.address}：</span>
        {url}
      </p>
    </section>
  );
}
