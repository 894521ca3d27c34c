import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import type { SearchResponse, SearchResult } from "@/db/queries/search/public";
import { messages } from "@/lib/messages";
import { MAX_SEARCH_PAGE, searchHref } from "@/lib/search/href";
import { formatDate, formatDateTime, localDateKey } from "@/lib/time";
import { HighlightedText } from "./highlighted-text";
import { SearchNoResults } from "./search-empty";

const m = messages.search;

/** One page of results: kind, date, highlighted title and excerpt. */
export function SearchResults({ items, timeZone }: { items: SearchResult[]; timeZone: string }) {
  return (
    <ol aria-label={m.resultsLabel} className="divide-y divide-stone-200 border-y border-stone-200">
      {items.map((item) => (
        <li key={`${item.kind}-${item.refId}`}>
          <article className="py-4 sm:py-5">
            <p className="result-meta">
              <span className={`result-kind ${item.kind}`}>{m.kinds[item.kind]}</span>
              {item.cancelled && <span className="result-kind cancelled">{m.cancelled}</span>}
              {item.happenedAt && (
                <time dateTime={localDateKey(item.happenedAt, timeZone)}>
                  {item.kind === "event"
                    ? formatDateTime(item.happenedAt, timeZone)
                    : formatDate(item.happenedAt, timeZone)}
                </time>
              )}
            </p>
            <h2 className="result-title">
              <Link href={item.url}>
                <HighlightedText segments={item.highlights.title} />
              </Link>
            </h2>
            {item.snippet && (
              <p className="result-snippet">
                <HighlightedText segments={item.highlights.snippet} />
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** The answer to a query: how many, the page of results and the page links, or why none. */
export function SearchResultsSection({
  response,
  timeZone,
}: {
  response: SearchResponse;
  timeZone: string;
}) {
  const { query, total, more, page, pageCount, results } = response;
  if (total === 0) return <SearchNoResults query={query} />;
  return (
    <section aria-labelledby="search-summary">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p id="search-summary" className="font-medium text-ink">
          {m.summary(total, query, more)}
        </p>
        {pageCount > 1 && <p className="text-sm text-muted">{m.pageOf(page, pageCount)}</p>}
      </div>
      {results.length > 0 ? (
        <>
          <p className="mb-2 text-sm text-muted">
            {m.titleFirst}
            {more && ` ${m.narrow}`}
          </p>
          <SearchResults items={results} timeZone={timeZone} />
        </>
      ) : (
        <p className="text-[15px]">
          {m.pastLastPage}
          <Link
            href={searchHref(query)}
            className="ml-2 text-brand-700 underline underline-offset-2"
          >
            {m.backToFirst}
          </Link>
        </p>
      )}
      <Pager
        page={page}
        pages={Math.min(pageCount, MAX_SEARCH_PAGE)}
        hrefFor={(n) => searchHref(query, n)}
        labels={m.pagination}
      />
    </section>
  );
}
