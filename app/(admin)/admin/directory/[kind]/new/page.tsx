import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/kit";
import { DirectoryForm } from "@/components/directory/admin/directory-form";
import { getDirectoryFormOptions } from "@/db/queries/directory/staff";
import { emptyDirectoryValues } from "@/lib/directory/schema";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";
import { directoryChoices, kindFrom } from "../../_components/options";
import { saveDirectoryAction } from "../../actions";

const m = cmsMessages.directory;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

export default async function NewDirectoryRecordPage({
  params,
}: {
  params: Promise<{ kind: string }>;
}) {
  const { kind: raw } = await params;
  await requireStaff("directory.manage", `/admin/directory/${raw}/new`);
  const kind = kindFrom(raw);
  if (!kind) notFound();
  const options = await getDirectoryFormOptions();
  return (
    <div>
      <PageHeader
        title={m.newOf[kind]}
        back={{ href: `/admin/directory?tab=${kind}`, label: cmsMessages.common.back }}
      />
      <DirectoryForm
        action={saveDirectoryAction}
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
