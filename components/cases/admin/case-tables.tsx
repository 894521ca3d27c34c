import Link from "next/link";
import { Badge, type Column, columnsFor, DataTable } from "@/components/admin/kit";
import type { AdminCaseRow, EligibleNote } from "@/db/queries/cases/staff";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.cases;
const categoryOf = (c: string | null) =>
  c ? messages.admin.categories[c as keyof typeof messages.admin.categories] : "";
const statusOf = (s: string) =>
  messages.admin.statuses[s as keyof typeof messages.admin.statuses] ?? s;

/** The public cases, drafts and published, newest change first. */
export function CaseTable({ rows, timeZone }: { rows: readonly AdminCaseRow[]; timeZone: string }) {
  const col = columnsFor<AdminCaseRow>(timeZone);
  const columns: Column<AdminCaseRow>[] = [
    col.link(m.table.title, (r) => ({ href: `/admin/cases/${r.id}`, text: r.title })),
    { header: m.table.category, cell: (r) => categoryOf(r.category) },
    { header: m.table.town, cell: (r) => r.townName ?? "" },
    {
      header: m.table.status,
      cell: (r) => (
        <Badge tone={r.publishedAt ? "good" : "neutral"}>
          {r.publishedAt ? m.status.published : m.status.draft}
        </Badge>
      ),
    },
    col.time(m.table.updatedAt, (r) => r.updatedAt),
  ];
  return <DataTable caption={m.table.caption} rows={rows} empty={m.empty} columns={columns} />;
}

/** Notes a case may be written from, each with its "write" link. */
export function EligibleNoteTable({
  rows,
  timeZone,
}: {
  rows: readonly EligibleNote[];
  timeZone: string;
}) {
  const t = m.eligibleTable;
  const col = columnsFor<EligibleNote>(timeZone);
  const columns: Column<EligibleNote>[] = [
    { header: t.title, cell: (r) => r.title },
    { header: t.status, cell: (r) => statusOf(r.status) },
    { header: t.town, cell: (r) => r.townName ?? "" },
    col.time(t.submittedAt, (r) => r.submittedAt),
    {
      header: cmsMessages.common.actions,
      cell: (r) => (
        <Link
          href={`/admin/cases/new?note=${r.id}`}
          className="whitespace-nowrap text-brand-700 hover:underline"
          aria-label={m.writeFor(r.title)}
        >
          {m.write}
        </Link>
      ),
    },
  ];
  return <DataTable caption={t.caption} rows={rows} empty={m.eligibleEmpty} columns={columns} />;
}
