import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CaseList } from "@/components/cases/case-list";
import { Pagination } from "@/components/cases/pagination";
import { NewsBreadcrumbs } from "@/components/news/breadcrumbs";
import { CASES_PAGE_SIZE, listPublishedCases } from "@/db/queries/cases";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";
import { parsePageParam } from "@/lib/news";
import { type NoteCategory, noteCategories } from "@/lib/vocabulary";

const m = cmsMessages.cases;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const committee = await getCommitteeInfo();
  return { title: m.title, description: m.meta.description(committee.name) };
}

/** /cases?category=…&page=…: the public results board, anonymised cases only. */
export default async function CasesPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const page = parsePageParam(params.page);
  const raw = params.category;
  const category =
    typeof raw === "string" ? (noteCategories.find((c) => c === raw) ?? undefined) : null;
  if (page === null || category === undefined) notFound();
  const { items, total } = await listPublishedCases(page, category);
  const pages = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE));
  if (page > pages) notFound();
  const href = (c: NoteCategory | null, p = 1) => {
    const q = new URLSearchParams();
    if (c) q.set("category", c);
    if (p > 1) q.set("page", String(p));
    return q.size ? `/cases?${q}` : "/cases";
  };

  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <NewsBreadcrumbs trail={[{ label: m.title }]} />
        <div className="mt-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{m.title}</h1>
          <p className="text-sm text-muted">{m.count(total)}</p>
        </div>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">{m.publicIntro}</p>
      </header>
      <nav aria-label={m.filterLabel}>
        <ul className="flex flex-wrap gap-2">
          {[null, ...noteCategories].map((c) => (
            <li key={c ?? "all"}>
              <Link
                href={href(c)}
                aria-current={c === category ? "page" : undefined}
                className={`block rounded-full border px-3 py-1 text-[15px] ${
                  c === category
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
      {items.length === 0 ? (
        <p className="py-10 text-center text-muted">{m.publicEmpty}</p>
      ) : (
        <CaseList items={items} />
      )}
      <Pagination page={page} pages={pages} href={(p) => href(category, p)} />
    </div>
  );
}
