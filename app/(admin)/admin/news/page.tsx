import type { Metadata } from "next";
import Link from "next/link";
import { choiceTabs, ListPage } from "@/components/admin/kit";
import { buttonClass } from "@/components/admin/kit/fields";
import { ArticleFilters } from "@/components/news/admin/article-filters";
import { ArticleTable } from "@/components/news/admin/article-table";
import { listNewsColumns } from "@/db/queries/news/cached";
import {
  ADMIN_PAGE_SIZE,
  type ArticleListStatus,
  listAdminArticles,
} from "@/db/queries/news/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { choiceParam, listHref, pageCount, pageParam, textParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";

const m = cmsMessages.news;
const statuses: readonly ArticleListStatus[] = ["all", "draft", "scheduled", "published"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminNewsPage({ searchParams }: Props) {
  const user = await requireStaff("article.create", "/admin/news");
  const params = await searchParams;
  const status = choiceParam(params.status, statuses, "all");
  const column = textParam(params.column, 80);
  const q = textParam(params.q, 50);
  const page = pageParam(params.page);
  const [columns, committee] = await Promise.all([listNewsColumns(), getCommitteeInfo()]);
  const columnId = columns.find((c) => c.slug === column)?.id ?? null;
  const { rows, total } = await listAdminArticles(user, { status, columnId, q, page });
  const tab = status === "all" ? null : status;
  const link = listHref("/admin/news", { status: tab, column: columnId ? column : null, q });
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        <Link href="/admin/news/new" className={buttonClass.primary}>
          {m.newArticle}
        </Link>
      }
      tabs={{
        label: m.filters,
        items: choiceTabs(
          statuses,
          status,
          (s) => m.statusFilter[s],
          (s) => link({ status: s === "all" ? null : s, page: null }),
        ),
      }}
      filters={
        <ArticleFilters
          status={tab}
          columns={columns}
          column={columnId ? column : ""}
          q={q}
          total={total}
        />
      }
      pager={{
        page,
        pages: pageCount(total, ADMIN_PAGE_SIZE),
        hrefFor: (p) => link({ page: p }),
      }}
    >
      <ArticleTable rows={rows} timeZone={committee.timeZone} now={Date.now()} />
    </ListPage>
  );
}
