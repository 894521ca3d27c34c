import type { Metadata } from "next";
import { connection } from "next/server";
import { SearchStart } from "@/components/search/search-empty";
import { SearchForm } from "@/components/search/search-form";
import { SearchResultsSection } from "@/components/search/search-results";
import { searchSite } from "@/db/queries/search/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { MAX_SEARCH_PAGE } from "@/lib/search/href";
import { MAX_QUERY_LENGTH, normalizeQuery } from "@/lib/search/tokenize";

const m = messages.search;
const problemText = { empty: m.problems.empty, tooLong: m.problems.tooLong(MAX_QUERY_LENGTH) };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function parsePage(value: string | string[] | undefined): number {
  const raw = first(value);
  const n = raw && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), MAX_SEARCH_PAGE);
}

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  const { text, problem } = normalizeQuery(first((await searchParams).q));
  // Result pages are endless and personal: keep them out of search engines.
  return { title: problem ? m.title : m.metaTitle(text), robots: { index: false, follow: true } };
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await connection();
  const params = await searchParams;
  const typed = first(params.q);
  const { text, problem } = normalizeQuery(typed);
  const page = parsePage(params.page);
  const [committee, response] = await Promise.all([
    getCommitteeInfo(),
    problem ? Promise.resolve(null) : searchSite(text, { page }),
  ]);

  const noTerms = response !== null && response.terms.length === 0;
  // No `q` at all: the first visit, no complaint.
  const error =
    typed === undefined
      ? undefined
      : problem
        ? problemText[problem]
        : noTerms
          ? m.problems.noTerms
          : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-4 border-b-2 border-brand-600 pb-5">
        <div>
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{m.title}</h1>
          <p className="mt-2 text-[15px] text-muted">{m.intro}</p>
        </div>
        {/* Keeps what was typed, even when it cannot be searched. */}
        <SearchForm value={typed ?? ""} maxLength={MAX_QUERY_LENGTH} error={error} />
      </header>
      {typed === undefined && <SearchStart />}
      {response && !noTerms && (
        <SearchResultsSection response={response} timeZone={committee.timeZone} />
      )}
    </div>
  );
}
