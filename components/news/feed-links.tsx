import { messages } from "@/lib/messages";
import { feedHref } from "@/lib/news/rules";

/** RSS and Atom links for the whole site or one column. */
export function FeedLinks({ column }: { column: { slug: string; name: string } | null }) {
  const m = messages.newsPages.subscribe;
  const links = [
    { format: "rss" as const, label: column ? m.rssOf(column.name) : m.rss },
    { format: "atom" as const, label: column ? m.atomOf(column.name) : m.atom },
  ];
  return (
    <section
      aria-labelledby="news-subscribe"
      className="rounded-sm border border-stone-200 border-t-[3px] border-t-gold-500 bg-white p-4"
    >
      <h2 id="news-subscribe" className="font-serif text-lg font-bold text-brand-800">
        {m.title}
      </h2>
      <p className="mt-1 text-sm text-muted">{m.intro}</p>
      <ul className="mt-3 space-y-2 text-[15px]">
        {links.map((link) => (
          <li key={link.format}>
            <a
              href={feedHref(link.format, column?.slug)}
              type={link.format === "rss" ? "application/rss+xml" : "application/atom+xml"}
              className="inline-flex items-center gap-2 text-brand-700 hover:underline"
            >
              <FeedIcon />
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FeedIcon() {
  return (
    <svg viewBox="0 0 16 16" className="h-4 w-4 shrink-0" aria-hidden="true" focusable="false">
      <rect width="16" height="16" rx="3" fill="#c8962e" />
      <circle cx="4.5" cy="11.5" r="1.5" fill="#fff" />
      <path
        d="M3 7a6 6 0 0 1 6 6M3 3.5A9.5 9.5 0 0 1 12.5 13"
        stroke="#fff"
        strokeWidth="1.8"
        fill="none"
      />
    </svg>
  );
}
