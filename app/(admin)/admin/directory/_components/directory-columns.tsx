import Link from "next/link";
import { Badge, type Column, rowLinkClass } from "@/components/admin/kit";
import type { DirectoryListRow } from "@/db/queries/directory/staff";
import type { DirectoryKind } from "@/lib/directory/schema";
import { cmsMessages } from "@/lib/messages/cms";
import type { OrganisationKind } from "@/lib/vocabulary";

const m = cmsMessages.directory;

function detailLabel(kind: DirectoryKind, detail: string | null): string {
  if (!detail) return "";
  if (kind === "towns") return m.townKinds[detail as "town" | "subdistrict"] ?? detail;
  if (kind === "organisations")
    return cmsMessages.events.organisationKinds[detail as OrganisationKind] ?? detail;
  return detail;
}

/** One tab's columns: name, slug, the kind's detail, order, and for some a flag and a count. */
export function directoryColumns(kind: DirectoryKind): Column<DirectoryListRow>[] {
  const detailHeading = m.table.detail[kind];
  const columns: (Column<DirectoryListRow> | false)[] = [
    {
      header: m.table.name,
      cell: (row) => (
        <Link href={`/admin/directory/${kind}/${row.id}`} className={rowLinkClass}>
          {row.name}
        </Link>
      ),
    },
    { header: m.table.slug, className: "font-mono text-sm", cell: (row) => row.slug },
    !!detailHeading && { header: detailHeading, cell: (row) => detailLabel(kind, row.detail) },
    { header: m.table.sortOrder, cell: (row) => row.sortOrder },
    (kind === "organisations" || kind === "topics") && {
      header: m.table.flag,
      cell: (row) => (
        <>
          {row.flag === "inactive" && <Badge tone="neutral">{m.inactive}</Badge>}
          {row.flag === "open" && <Badge tone="good">{m.openForOpinions}</Badge>}
        </>
      ),
    },
    kind === "topics" && {
      header: m.table.pending,
      cell: (row) =>
        row.count ? (
          <Link href={`/admin/opinions?topic=${row.id}`} className="text-brand-700 hover:underline">
            {row.count}
          </Link>
        ) : (
          0
        ),
    },
  ];
  return columns.filter((c): c is Column<DirectoryListRow> => c !== false);
}
