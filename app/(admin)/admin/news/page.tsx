import type { Metadata } from "next";
import { ListFilter, ListPage, listTabs } from "@/components/admin/kit";
import { ArticleTable } from "@/components/news/admin/article-table";
import { listNewsColumns } from "@/db/queries/news/cached";
import { type ArticleListStatus, listAdminArticles } from "@/db/queries/news/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import * as list from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";

const m = cmsMessages.news;
const statuses: readonly ArticleListStatus[] = ["all", "draft", "scheduled", "published"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

export default async function AdminNewsPage({ searchParams }: list.ListPageProps) {
  const user = await requireStaff("article.create", "/admin/news");
  const params = await searchParams;
  const tab = list.tabParam(params, "status", statuses, "all");
  const slug = list.textParam(params.column, 80);
  const q = list.textParam(params.q, 50);
  const page = list.pageParam(params.page);
  const [columns, committee] = await Promise.all([listNewsColumns(), getCommitteeInfo()]);
  const columnId = columns.find((c) => c.slug === slug)?.id ?? null;
  const query = { status: tab.current, columnId, q, page };
  const { rows, total } = await listAdminArticles(user, query);
  const column = columnId ? slug : "";
  const link = list.listHref("/admin/news", { status: tab.shown, column, q });
  const options = columns.map((c) => ({ value: c.slug, label: c.name }));
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      create={{ href: "/admin/news/new", label: m.newArticle }}
      tabs={listTabs(m.filters, tab, (s) => m.statusFilter[s], link)}
      filters={
        <ListFilter
          action="/admin/news"
          label={m.filters}
          keep={{ status: tab.shown }}
          total={total}
          selects={[{ name: "column", label: m.column, value: column, all: m.allColumns, options }]}
          search={{ label: m.keyword, value: q, maxLength: 50 }}
        />
      }
      pager={list.pagerFor(page, total, list.ADMIN_PAGE_SIZE, link)}
    >
      <ArticleTable rows={rows} timeZone={committee.timeZone} now={Date.now()} />
    </ListPage>
  );
}
