import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Badge,
  LinkTabs,
  Pager,
  pageParam,
  queryString,
  TableFrame,
  tableClass,
  textParam,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import {
  ADMIN_PAGE_SIZE,
  type ArticleListStatus,
  listAdminArticles,
} from "@/db/queries/admin-news";
import { listNewsColumns } from "@/db/queries/news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.news;
const statuses: ArticleListStatus[] = ["all", "draft", "scheduled", "published"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminNewsPage({ searchParams }: Props) {
  const user = await requireStaff("article.create", { next: "/admin/news" });
  const params = await searchParams;
  const status = statuses.find((s) => s === params.status) ?? "all";
  const column = textParam(params.column, 80);
  const q = textParam(params.q, 50);
  const page = pageParam(params.page);
  const [columns, committee] = await Promise.all([listNewsColumns(), getCommitteeInfo()]);
  const columnId = columns.find((c) => c.slug === column)?.id ?? null;
  const { rows, total } = await listAdminArticles(user, { status, columnId, q, page });
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const now = Date.now();
  const link = (over: Record<string, string | number | null>) =>
    `/admin/news${queryString({ status: status === "all" ? null : status, column: columnId ? column : null, q, ...over })}`;

  return (
    <div>
      <AdminPageHeader
        title={m.title}
        intro={m.intro}
        actions={
          <Link href="/admin/news/new" className={buttonClass.primary}>
            {m.newArticle}
          </Link>
        }
      />
      <LinkTabs
        label={m.filters}
        items={statuses.map((s) => ({
          href: link({ status: s === "all" ? null : s, page: null }),
          label: m.statusFilter[s],
          current: s === status,
        }))}
      />
      <form
        method="get"
        action="/admin/news"
        className="mb-4 flex flex-wrap items-end gap-3"
        aria-label={m.filters}
      >
        {status !== "all" && <input type="hidden" name="status" value={status} />}
        <div>
          <label htmlFor="news-column" className="block text-sm font-medium">
            {m.column}
          </label>
          <select
            id="news-column"
            name="column"
            defaultValue={columnId ? column : ""}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5"
          >
            <option value="">{m.allColumns}</option>
            {columns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="news-q" className="block text-sm font-medium">
            {m.keyword}
          </label>
          <input
            id="news-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={50}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5"
          />
        </div>
        <button type="submit" className={buttonClass.quiet}>
          {cmsMessages.common.filter}
        </button>
        <p className="ml-auto text-sm text-muted">{cmsMessages.common.count(total)}</p>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
          {m.empty}
        </p>
      ) : (
        <TableFrame label={m.table.caption}>
          <table className={tableClass.table}>
            <caption className={tableClass.caption}>{m.table.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={tableClass.th}>
                  {m.table.title}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.column}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.status}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.publishedAt}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.author}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const state =
                  row.status === "draft"
                    ? "draft"
                    : row.publishedAt && row.publishedAt.getTime() > now
                      ? "scheduled"
                      : "published";
                return (
                  <tr key={row.id}>
                    <td className={tableClass.td}>
                      <Link
                        href={`/admin/news/${row.id}`}
                        className="font-medium text-brand-800 hover:underline"
                      >
                        {row.title}
                      </Link>
                    </td>
                    <td className={`${tableClass.td} whitespace-nowrap`}>{row.columnName}</td>
                    <td className={tableClass.td}>
                      <Badge
                        tone={
                          state === "published"
                            ? "good"
                            : state === "scheduled"
                              ? "info"
                              : "neutral"
                        }
                      >
                        {m.status[state]}
                      </Badge>
                    </td>
                    <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                      {compactDateTime(row.publishedAt, committee.timeZone)}
                    </td>
                    <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                      {row.authorName ?? ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pager page={page} pages={pages} href={(p) => link({ page: p })} />
    </div>
  );
}
