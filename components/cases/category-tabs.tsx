import Link from "next/link";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";
import { type NoteCategory, noteCategories } from "@/lib/vocabulary";

/** /cases and /cases?category=…&page=…: the board's address for a category and page. */
export function casesHref(category: NoteCategory | null, page = 1): string {
  const q = new URLSearchParams();
  if (category) q.set("category", category);
  if (page > 1) q.set("page", String(page));
  return q.size ? `/cases?${q}` : "/cases";
}

/** The results board's categories as links, the current one marked. */
export function CategoryTabs({ current }: { current: NoteCategory | null }) {
  return (
    <nav aria-label={cmsMessages.cases.filterLabel}>
      <ul className="flex flex-wrap gap-2">
        {[null, ...noteCategories].map((c) => (
          <li key={c ?? "all"}>
            <Link
              href={casesHref(c)}
              aria-current={c === current ? "page" : undefined}
              className={`block rounded-full border px-3 py-1 text-[15px] ${
                c === current
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-stone-400 bg-white hover:border-brand-700"
              }`}
            >
              {c ? messages.admin.categories[c] : cmsMessages.common.all}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
