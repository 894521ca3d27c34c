import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/admin/content/fields";
import {
  AdminPageHeader,
  Badge,
  LinkTabs,
  TableFrame,
  tableClass,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { type DirectoryKind, directoryKinds, listDirectory } from "@/db/queries/admin-directory";
import { cmsMessages } from "@/lib/messages/cms";
import type { OrganisationKind } from "@/lib/vocabulary";

const m = cmsMessages.directory;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function detailLabel(kind: DirectoryKind, detail: string | null): string {
  if (!detail) return "";
  if (kind === "towns") return m.townKinds[detail as "town" | "subdistrict"] ?? detail;
  if (kind === "organisations")
    return cmsMessages.events.organisationKinds[detail as OrganisationKind] ?? detail;
  return detail;
}

export default async function AdminDirectoryPage({ searchParams }: Props) {
  await requireStaff("directory.manage", { roles: ["admin"], next: "/admin/directory" });
  const params = await searchParams;
  const kind = directoryKinds.find((k) => k === params.tab) ?? "sectors";
  const rows = await listDirectory(kind);
  const detailHeading = m.table.detail[kind];

  return (
    <div>
      <AdminPageHeader
        title={m.title}
        intro={m.intro}
        actions={
          <Link href={`/admin/directory/${kind}/new`} className={buttonClass.primary}>
            {m.newOf[kind]}
          </Link>
        }
      />
      <LinkTabs
        label={m.tabsLabel}
        items={directoryKinds.map((k) => ({
          href: `/admin/directory?tab=${k}`,
          label: m.tabs[k],
          current: k === kind,
        }))}
      />
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
          {m.empty}
        </p>
      ) : (
        <TableFrame label={m.tabs[kind]}>
          <table className={tableClass.table}>
            <caption className={tableClass.caption}>{m.tabs[kind]}</caption>
            <thead>
              <tr>
                <th scope="col" className={tableClass.th}>
                  {m.table.name}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.slug}
                </th>
                {detailHeading && (
                  <th scope="col" className={tableClass.th}>
                    {detailHeading}
                  </th>
                )}
                <th scope="col" className={tableClass.th}>
                  {m.table.sortOrder}
                </th>
                {(kind === "organisations" || kind === "topics") && (
                  <th scope="col" className={tableClass.th}>
                    {m.table.flag}
                  </th>
                )}
                {kind === "topics" && (
                  <th scope="col" className={tableClass.th}>
                    {m.table.pending}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={tableClass.td}>
                    <Link
                      href={`/admin/directory/${kind}/${row.id}`}
                      className="font-medium text-brand-800 hover:underline"
                    >
                      {row.name}
                    </Link>
                  </td>
                  <td className={`${tableClass.td} font-mono text-sm`}>{row.slug}</td>
                  {detailHeading && (
                    <td className={tableClass.td}>{detailLabel(kind, row.detail)}</td>
                  )}
                  <td className={tableClass.td}>{row.sortOrder}</td>
                  {(kind === "organisations" || kind === "topics") && (
                    <td className={tableClass.td}>
                      {row.flag === "inactive" && <Badge tone="neutral">{m.inactive}</Badge>}
                      {row.flag === "open" && <Badge tone="good">{m.openForOpinions}</Badge>}
                    </td>
                  )}
                  {kind === "topics" && (
                    <td className={tableClass.td}>
                      {row.count ? (
                        <Link
                          href={`/admin/opinions?topic=${row.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {row.count}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  );
}
