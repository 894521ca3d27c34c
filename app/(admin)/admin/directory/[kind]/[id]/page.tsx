import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice, PageHeader } from "@/components/admin/kit";
import { DirectoryForm } from "@/components/directory/admin/directory-form";
import { getDirectoryPhoto } from "@/db/queries/directory/photo";
import { getDirectoryFormOptions, getDirectoryRecord } from "@/db/queries/directory/staff";
import { hasPhoto } from "@/lib/directory/schema";
import { cmsMessages } from "@/lib/messages/cms";
import { fileHref } from "@/lib/news/rules";
import { requireStaff } from "@/server/action";
import { directoryChoices, kindFrom, recordValues } from "../../_components/options";
import { saveDirectoryAction } from "../../actions";

const m = cmsMessages.directory;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditDirectoryRecordPage({ params, searchParams }: Props) {
  const { kind: rawKind, id: rawId } = await params;
  await requireStaff("directory.manage", `/admin/directory/${rawKind}/${rawId}`);
  const kind = kindFrom(rawKind);
  if (!kind || !/^[1-9]\d{0,8}$/.test(rawId)) notFound();
  const [record, photo, options, query] = await Promise.all([
    getDirectoryRecord(kind, Number(rawId)),
    hasPhoto(kind) ? getDirectoryPhoto(kind, Number(rawId)) : null,
    getDirectoryFormOptions(),
    searchParams,
  ]);
  if (!record) notFound();
  const done = query.done === "created" ? m.created : query.done === "saved" ? m.saved : null;
  return (
    <div>
      <PageHeader
        title={`${m.editOf[kind]}：${record.name}`}
        back={{ href: `/admin/directory?tab=${kind}`, label: cmsMessages.common.back }}
      />
      <Notice>{done}</Notice>
      <DirectoryForm
        action={saveDirectoryAction}
        kind={kind}
        id={record.id}
        initial={recordValues(kind, record)}
        {...directoryChoices(kind, options)}
        permalink={`/admin/directory/${kind}/${record.id}`}
        photo={photo && { src: fileHref(photo.fileId), width: photo.width, height: photo.height }}
      />
    </div>
  );
}
