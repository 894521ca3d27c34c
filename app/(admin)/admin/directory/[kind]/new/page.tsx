import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DirectoryForm } from "@/components/admin/content/directory-form";
import { AdminPageHeader } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { getDirectoryFormOptions } from "@/db/queries/admin-directory";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyDirectoryValues } from "../../schema";
import { directoryChoices, kindFrom } from "../../view";

const m = cmsMessages.directory;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

export default async function NewDirectoryRecordPage({
  params,
}: {
  params: Promise<{ kind: string }>;
}) {
  const { kind: raw } = await params;
  await requireStaff("directory.manage", { roles: ["admin"], next: `/admin/directory/${raw}/new` });
  const kind = kindFrom(raw);
  if (!kind) notFound();
  const options = await getDirectoryFormOptions();
  return (
    <div>
      <AdminPageHeader
        title={m.newOf[kind]}
        back={{ href: `/admin/directory?tab=${kind}`, label: cmsMessages.common.back }}
      />
      <DirectoryForm
        kind={kind}
        id={null}
        initial={{
          ...emptyDirectoryValues,
          kind: kind === "towns" ? "town" : kind === "organisations" ? "studio" : "",
        }}
        {...directoryChoices(kind, options)}
        permalink={`/admin/directory/${kind}/new`}
      />
    </div>
  );
}
