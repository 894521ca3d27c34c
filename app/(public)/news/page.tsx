import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ArticleList } from "@/components/news/article-list";
import { NewsBreadcrumbs } from "@/components/news/breadcrumbs";
import { ColumnTabs } from "@/components/news/column-tabs";
import { FeedLinks } from "@/components/news/feed-links";
import { Pagination } from "@/components/news/pagination";
import { listArticlePage, listNewsColumns } from "@/db/queries/news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import {
  absoluteUrl,
  feedHref,
  NEWS_PAGE_SIZE,
  newsListHref,
  pageCount,
  parsePageParam,
} from "@/lib/news";

type SearchParams = Record<string, string | string[] | undefined>;

/** ?column=slug&page=N → the column (or all) and the page; null for a 404. */
const resolveList = cache(async (column: string | string[] | undefined, rawPage: unknown) => {
  const page = parsePageParam(rawPage as string | string[] | undefined);
  if (page === null || Array.isArray(column)) return null;
  const columns = await listNewsColumns();
  const current = column ? columns.find((c) => c.slug === column) : null;
  if (current === undefined) return null;
  return { columns, current, page };
});

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  await connection();
  const params = await searchParams;
  const [list, committee] = await Promise.all([
    resolveList(params.column, params.page),
    getCommitteeInfo(),
  ]);
  if (!list) return {};
  const m = messages.newsPages.meta;
  const { current, page } = list;
  const suffix = page > 1 ? m.pageSuffix(page) : "";
  const url = (path: string) => absoluteUrl(env.SITE_URL, path);
  return {
    title: `${current ? current.name : m.listTitle}${suffix}`,
    description: current
      ? m.columnDescription(current.name, current.description, committee.name)
      : m.listDescription(committee.name),
    alternates: {
      canonical: url(newsListHref(current?.slug, page)),
      types: {
        "application/rss+xml": url(feedHref("rss", current?.slug)),
        "application/atom+xml": url(feedHref("atom", current?.slug)),
      },
    },
  };
}

export default async function NewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const [list, committee] = await Promise.all([
    resolveList(params.column, params.page),
    getCommitteeInfo(),
  ]);
  if (!list) notFound();
  const { columns, current, page } = list;
  const result = await listArticlePage({
    columnId: current?.id ?? null,
    page,
    pageSize: NEWS_PAGE_SIZE,
  });
  if (!result) notFound(); // a page past the end
  const { items, total } = result;
  const pages = pageCount(total, NEWS_PAGE_SIZE);

  const m = messages.newsPages;
  const title = current ? current.name : m.title;
  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <NewsBreadcrumbs
          trail={
            current ? [{ label: m.title, href: "/news" }, { label: title }] : [{ label: title }]
          }
        />
        <div className="mt-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{title}</h1>
          <p className="text-sm text-muted">{m.count(total)}</p>
        </div>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">
          {current ? current.description || m.intro : m.intro}
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0">
          <ColumnTabs columns={columns} current={current?.slug ?? null} />
          {items.length === 0 ? (
            <p className="py-10 text-center text-muted">{current ? m.empty : m.emptyAll}</p>
          ) : (
            <ArticleList
              items={items}
              timeZone={committee.timeZone}
              showColumn={!current}
              label={m.listLabel(title)}
            />
          )}
          <Pagination column={current?.slug ?? null} page={page} pages={pages} />
        </div>
        <aside className="space-y-6">
          <FeedLinks column={current ?? null} />
        </aside>
      </div>
    </div>
  );
}
