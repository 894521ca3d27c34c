import { messages } from "@/lib/messages";

/** "跳到主要内容": the first tab stop of every page, shown when focused. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
    >
      {messages.site.skipToContent}
    </a>
  );
}
