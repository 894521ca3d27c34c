import Link from "next/link";
import { messages } from "@/lib/messages";
import { searchHref } from "@/lib/search/href";

const m = messages.search;

/** Before any search: what can be searched, and a few words to try. */
export function SearchStart() {
  return (
    <section aria-labelledby="search-start" className="rounded-md bg-white p-4 shadow-sm sm:p-6">
      <h2 id="search-start" className="font-serif text-xl font-bold text-brand-800">
        {m.start.title}
      </h2>
      <p className="mt-2 text-[15px] text-muted">{m.start.body}</p>
      <SearchExamples />
    </section>
  );
}

function SearchExamples() {
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-[15px]">
      <span className="text-muted">{m.start.examples}</span>
      {m.start.words.map((word) => (
        <Link
          key={word}
          href={searchHref(word)}
          className="rounded-sm border border-stone-300 bg-paper px-2.5 py-1 text-brand-700 hover:border-brand-600 hover:underline"
        >
          {word}
        </Link>
      ))}
    </p>
  );
}

/** Nothing found: say so, suggest what to change, offer the lists. */
export function SearchNoResults({ query }: { query: string }) {
  return (
    <section aria-labelledby="search-none" className="rounded-md bg-white p-4 shadow-sm sm:p-6">
      <h2 id="search-none" className="font-serif text-xl font-bold text-brand-800">
        {m.none.title(query)}
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-[15px] text-muted">
        {m.none.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <SearchExamples />
      <p className="mt-3 text-[15px]">
        <span className="text-muted">{m.none.browse}</span>
        <Link href="/news" className="ml-1 text-brand-700 underline underline-offset-2">
          {m.none.news}
        </Link>
        <span aria-hidden="true" className="mx-2 text-stone-400">
          |
        </span>
        <Link href="/events" className="text-brand-700 underline underline-offset-2">
          {m.none.events}
        </Link>
      </p>
    </section>
  );
}
