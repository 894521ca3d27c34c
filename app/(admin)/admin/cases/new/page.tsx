import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CaseForm } from "@/components/admin/content/case-form";
import { AdminPageHeader } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { buildCaseDraft, getTownOptions } from "@/db/queries/cases";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyCaseValues } from "../schema";
import { caseChoices } from "../view";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /admin/cases/new?note=ID: a draft from the note, for the editor to rewrite and confirm. */
export default async function NewCasePage({ searchParams }: Props) {
  await requireStaff("case.publish", { roles: ["admin"], next: "/admin/cases" });
  const { note } = await searchParams;
  if (typeof note !== "string" || !/^[1-9]\d{0,8}$/.test(note)) notFound();
  const committee = await getCommitteeInfo();
  const [draft, towns] = await Promise.all([
    buildCaseDraft(Number(note), committee.timeZone),
    getTownOptions(),
  ]);
  if (!draft) notFound();
  return (
    <div>
      <AdminPageHeader
        title={m.newTitle}
        back={{ href: "/admin/cases", label: cmsMessages.common.back }}
      />
      <p className="mb-5 max-w-3xl rounded-md border border-gold-500 bg-gold-100 px-4 py-3 text-ink">
        {m.reviewNotice}
      </p>
      <CaseForm
        id={null}
        noteId={draft.noteId}
        initial={{
          ...emptyCaseValues,
          title: draft.title,
          summary: draft.summary,
          category: draft.category ?? "",
          townId: draft.townId === null ? "" : String(draft.townId),
          departmentName: draft.departmentName,
          outcome: draft.outcome,
          receivedOn: draft.receivedOn ?? "",
          resolvedOn: draft.resolvedOn ?? "",
        }}
        {...caseChoices(towns)}
        permalink={`/admin/cases/new?note=${draft.noteId}`}
      />
    </div>
  );
}
