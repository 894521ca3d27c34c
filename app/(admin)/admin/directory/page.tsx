import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, choiceTabs, DataTable, ListPage } from "@/components/admin/kit";
import { listDirectory } from "@/db/queries/directory/staff";
import { directoryKinds } from "@/lib/directory/schema";
import { choiceParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";
import { directoryColumns } from "./_components/directory-columns";

const m = cmsMessages.directory;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Sectors, towns, organisations and topics, a tab each (admins only). */
export default async function AdminDirectoryPage({ searchParams }: Props) {
  await requireStaff("directory.manage", "/admin/directory");
  const kind = choiceParam((await searchParams).tab, directoryKinds, "sectors");
  const rows = await listDirectory(kind);
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        <Link href={`/admin/directory/${kind}/new`} className={buttonClass.primary}>
          {m.newOf[kind]}
        </Link>
      }
      tabs={{
        label: m.tabsLabel,
        items: choiceTabs(
          directoryKinds,
          kind,
          (k) => m.tabs[k],
          (k) => `/admin/directory?tab=${k}`,
        ),
      }}
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
