import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseForm } from "@/components/admin/content/case-form";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import { AdminPageHeader, Badge, Notice } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { getCaseForEdit, getTownOptions, type PersonalDataKind } from "@/db/queries/cases";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { publishCaseAction, unpublishCaseAction } from "../actions";
import { caseChoices } from "../view";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.editTitle, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const doneText: Record<string, string> = {
  saved: m.saved,
  published: m.publishedDone,
  unpublished: m.unpublishedDone,
};

function errorText(code: string): string | null {
  if (code.startsWith("personal_"))
    return m.personalData[code.slice(9) as PersonalDataKind] ?? cmsMessages.errors.personal_data;
  return code in cmsMessages.errors
    ? String(cmsMessages.errors[code as keyof typeof cmsMessages.errors])
    : null;
}

export default async function EditCasePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requireStaff("case.publish", { roles: ["admin"], next: `/admin/cases/${raw}` });
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const [found, towns, committee, query] = await Promise.all([
    getCaseForEdit(Number(raw)),
    getTownOptions(),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!found) notFound();
  const published = found.publishedAt !== null;
  const done = typeof query.done === "string" ? (doneText[query.done] ?? null) : null;
  const refusal = typeof query.error === "string" ? errorText(query.error) : null;

  return (
    <div>
      <AdminPageHeader
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
      <Notice>{done}</Notice>
      {refusal && <Notice tone="error">{refusal}</Notice>}
      <div className="mb-5 flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={published ? "good" : "neutral"}>
          {published ? m.status.published : m.status.draft}
        </Badge>
        <span>
          {cmsMessages.common.lastUpdated(compactDateTime(found.updatedAt, committee.timeZone))}
        </span>
        <form action={published ? unpublishCaseAction : publishCaseAction}>
          <input type="hidden" name="id" value={found.id} />
          <button type="submit" className={published ? buttonClass.quiet : buttonClass.quiet}>
            {published ? m.unpublish : m.publish}
          </button>
        </form>
      </div>
      <CaseForm
        id={found.id}
        noteId={null}
        initial={{
          title: found.title,
          summary: found.summary,
          category: found.category ?? "",
          townId: found.townId === null ? "" : String(found.townId),
          departmentName: found.departmentName,
          outcome: found.outcome,
          receivedOn: found.receivedOn ?? "",
          resolvedOn: found.resolvedOn ?? "",
          reviewed: "",
          publish: published ? "on" : "",
        }}
        {...caseChoices(towns)}
        permalink={`/admin/cases/${found.id}`}
      />
    </div>
  );
}
