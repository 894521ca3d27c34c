import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Notice, PageHeader } from "@/components/admin/kit";
import { buttonClass } from "@/components/admin/kit/fields";
import { CaseForm } from "@/components/cases/admin/case-form";
import { getCaseForEdit, getTownOptions } from "@/db/queries/cases/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { compactDateTime } from "@/lib/format";
import { idParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";
import { publishCaseAction, saveCaseAction, unpublishCaseAction } from "../actions";
import { caseChoices, caseFormValues, caseNotices } from "../view";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.editTitle, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditCasePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requireStaff("case.publish", `/admin/cases/${raw}`);
  const id = idParam(raw) ?? notFound();
  const [found, towns, committee, query] = await Promise.all([
    getCaseForEdit(id),
    getTownOptions(),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!found) notFound();
  const published = found.publishedAt !== null;
  const notices = caseNotices(query);
  return (
    <div>
      <PageHeader
        title={m.editTitle}
        back={{ href: "/admin/cases", label: cmsMessages.common.back }}
        actions={
          published ? (
            <Link href={`/cases/${found.id}`} className={buttonClass.quiet}>
              {m.viewPublic}
            </Link>
          ) : undefined
        }
      />
      <Notice>{notices.done}</Notice>
      {notices.error && <Notice tone="error">{notices.error}</Notice>}
      <div className="mb-5 flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={published ? "good" : "neutral"}>
          {published ? m.status.published : m.status.draft}
        </Badge>
        <span>
          {cmsMessages.common.lastUpdated(compactDateTime(found.updatedAt, committee.timeZone))}
        </span>
        <form action={published ? unpublishCaseAction : publishCaseAction}>
          <input type="hidden" name="id" value={found.id} />
          <button type="submit" className={buttonClass.quiet}>
            {published ? m.unpublish : m.publish}
          </button>
        </form>
      </div>
      <CaseForm
        action={saveCaseAction}
        id={found.id}
        noteId={null}
        initial={caseFormValues(found, published)}
        {...caseChoices(towns)}
        permalink={`/admin/cases/${found.id}`}
      />
    </div>
  );
}
