import type { Metadata } from "next";
import { DataTable, ListPage, listTabs } from "@/components/admin/kit";
import { listDirectory } from "@/db/queries/directory/staff";
import { directoryKinds } from "@/lib/directory/schema";
import { type ListPageProps, listHref, tabParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";
import { directoryColumns } from "./_components/directory-columns";

const m = cmsMessages.directory;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

/** Sectors, towns, organisations and topics, a tab each (admins only). */
export default async function AdminDirectoryPage({ searchParams }: ListPageProps) {
  await requireStaff("directory.manage", "/admin/directory");
  const tab = tabParam(await searchParams, "tab", directoryKinds, "sectors");
  const kind = tab.current;
  const rows = await listDirectory(kind);
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      create={{ href: `/admin/directory/${kind}/new`, label: m.newOf[kind] }}
      tabs={listTabs(m.tabsLabel, tab, (k) => m.tabs[k], listHref("/admin/directory", {}))}
    >
      <DataTable
        caption={m.tabs[kind]}
        rows={rows}
        rowKey={(r) => r.id}
        empty={m.empty}
        columns={directoryColumns(kind)}
      />
    </ListPage>
  );
}
