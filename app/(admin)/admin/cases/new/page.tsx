import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/kit";
import { CaseForm } from "@/components/cases/admin/case-form";
import { buildCaseDraft, getTownOptions } from "@/db/queries/cases/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { idParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";
import { saveCaseAction } from "../actions";
import { caseChoices, caseFormValues } from "../view";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /admin/cases/new?note=ID: a draft from the note, for the editor to rewrite and confirm. */
export default async function NewCasePage({ searchParams }: Props) {
  await requireStaff("case.publish", "/admin/cases");
  const noteId = idParam((await searchParams).note) ?? notFound();
  const committee = await getCommitteeInfo();
  const [draft, towns] = await Promise.all([
    buildCaseDraft(noteId, committee.timeZone),
    getTownOptions(),
  ]);
  if (!draft) notFound();
  return (
    <div>
      <PageHeader
        title={m.newTitle}
        back={{ href: "/admin/cases", label: cmsMessages.common.back }}
      />
      <p className="mb-5 max-w-3xl rounded-md border border-gold-500 bg-gold-100 px-4 py-3 text-ink">
        {m.reviewNotice}
      </p>
      <CaseForm
        action={saveCaseAction}
        id={null}
        noteId={draft.noteId}
        initial={caseFormValues(draft, true)}
        {...caseChoices(towns)}
        permalink={`/admin/cases/new?note=${draft.noteId}`}
      />
    </div>
  );
}
