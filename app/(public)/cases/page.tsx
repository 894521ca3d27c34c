import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CaseList } from "@/components/cases/case-list";
import { CategoryTabs, casesHref } from "@/components/cases/category-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pager } from "@/components/ui/pager";
import { CASES_PAGE_SIZE, listPublishedCases } from "@/db/queries/cases/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { pageCount, parsePageParam } from "@/lib/news/rules";
import { noteCategories } from "@/lib/vocabulary";

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
  const pages = pageCount(total, CASES_PAGE_SIZE);
  if (page > pages) notFound();

  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <Breadcrumbs trail={[{ label: m.title }]} />
        <div className="mt-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{m.title}</h1>
          <p className="text-sm text-muted">{m.count(total)}</p>
        </div>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">{m.publicIntro}</p>
      </header>
      <CategoryTabs current={category} />
      {items.length === 0 ? (
        <p className="py-10 text-center text-muted">{m.publicEmpty}</p>
      ) : (
        <CaseList items={items} />
      )}
      <Pager page={page} pages={pages} hrefFor={(p) => casesHref(category, p)} />
    </div>
  );
}
