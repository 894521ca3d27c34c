import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { NewsListView } from "@/components/news/news-list-view";
import { listArticlePage } from "@/db/queries/news/cached";
import { getCommitteeInfo } from "@/db/queries/settings";
import { NEWS_PAGE_SIZE } from "@/lib/news/rules";
import { newsListMetadata, resolveNewsList } from "./view";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  await connection();
  const params = await searchParams;
  const [list, committee] = await Promise.all([
    resolveNewsList(params.column, params.page),
    getCommitteeInfo(),
  ]);
  return list ? newsListMetadata(list.current, list.page, committee.name) : {};
}

export default async function NewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const [list, committee] = await Promise.all([
    resolveNewsList(params.column, params.page),
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
  return (
    <NewsListView
      columns={columns}
      current={current}
      page={page}
      items={result.items}
      total={result.total}
      timeZone={committee.timeZone}
    />
  );
}
