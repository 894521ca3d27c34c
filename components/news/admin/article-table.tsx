import Link from "next/link";
import { Badge, DataTable, rowLinkClass } from "@/components/admin/kit";
import type { AdminArticleRow } from "@/db/queries/news/staff";
import { compactDateTime } from "@/lib/format";
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
  return (
    <DataTable
      caption={m.table.caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty={m.empty}
      columns={[
        {
          header: m.table.title,
          cell: (r) => (
            <Link href={`/admin/news/${r.id}`} className={rowLinkClass}>
              {r.title}
            </Link>
          ),
        },
        { header: m.table.column, className: "whitespace-nowrap", cell: (r) => r.columnName },
        {
          header: m.table.status,
          cell: (r) => <Badge tone={tones[stateOf(r)]}>{m.status[stateOf(r)]}</Badge>,
        },
        {
          header: m.table.publishedAt,
          className: "whitespace-nowrap text-sm",
          cell: (r) => compactDateTime(r.publishedAt, timeZone),
        },
        {
          header: m.table.author,
          className: "whitespace-nowrap text-sm",
          cell: (r) => r.authorName ?? "",
        },
      ]}
    />
  );
}
