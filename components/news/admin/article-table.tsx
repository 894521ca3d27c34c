import { Badge, type Column, columnsFor, DataTable } from "@/components/admin/kit";
import type { AdminArticleRow } from "@/db/queries/news/staff";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.news;
const tones = { published: "good", scheduled: "info", draft: "neutral" } as const;

/** The news list of the console: title, column, state, publication time, author. */
export function ArticleTable({
  rows,
  timeZone,
  now,
}: {
  rows: readonly AdminArticleRow[];
  timeZone: string;
  now: number;
}) {
  const stateOf = (row: AdminArticleRow) =>
    row.status === "draft"
      ? "draft"
      : row.publishedAt && row.publishedAt.getTime() > now
        ? "scheduled"
        : "published";
  const col = columnsFor<AdminArticleRow>(timeZone);
  const columns: Column<AdminArticleRow>[] = [
    col.link(m.table.title, (r) => ({ href: `/admin/news/${r.id}`, text: r.title })),
    { header: m.table.column, className: "whitespace-nowrap", cell: (r) => r.columnName },
    {
      header: m.table.status,
      cell: (r) => <Badge tone={tones[stateOf(r)]}>{m.status[stateOf(r)]}</Badge>,
    },
    col.time(m.table.publishedAt, (r) => r.publishedAt),
    {
      header: m.table.author,
      className: "whitespace-nowrap text-sm",
      cell: (r) => r.authorName ?? "",
    },
  ];
  return <DataTable caption={m.table.caption} rows={rows} empty={m.empty} columns={columns} />;
}
