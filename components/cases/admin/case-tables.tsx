import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, DataTable, rowLinkClass } from "@/components/admin/kit";
import type { AdminCaseRow, EligibleNote } from "@/db/queries/cases/staff";
import { compactDateTime } from "@/lib/format";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.cases;
const categoryOf = (c: string | null) =>
  c ? messages.admin.categories[c as keyof typeof messages.admin.categories] : "";
const statusOf = (s: string) =>
  messages.admin.statuses[s as keyof typeof messages.admin.statuses] ?? s;

/** A titled part of the cases page (h2 named by its id). */
export function CasesSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 font-serif text-xl font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The public cases, drafts and published, newest change first. */
export function CaseTable({ rows, timeZone }: { rows: readonly AdminCaseRow[]; timeZone: string }) {
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
            <Link href={`/admin/cases/${r.id}`} className={rowLinkClass}>
              {r.title}
            </Link>
          ),
        },
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
        {
          header: m.table.updatedAt,
          className: "whitespace-nowrap text-sm",
          cell: (r) => compactDateTime(r.updatedAt, timeZone),
        },
      ]}
    />
  );
}

/** Notes a case may be written from, each with its "write" link. */
export function EligibleNoteTable({
  rows,
  timeZone,
}: {
  rows: readonly EligibleNote[];
  timeZone: string;
}) {
  return (
    <DataTable
      caption={m.eligibleTable.caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty={m.eligibleEmpty}
      columns={[
        { header: m.eligibleTable.title, cell: (r) => r.title },
        { header: m.eligibleTable.status, cell: (r) => statusOf(r.status) },
        { header: m.eligibleTable.town, cell: (r) => r.townName ?? "" },
        {
          header: m.eligibleTable.submittedAt,
          className: "whitespace-nowrap text-sm",
          cell: (r) => compactDateTime(r.submittedAt, timeZone),
        },
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
      ]}
    />
  );
}
