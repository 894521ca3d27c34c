import type { Metadata } from "next";
import { PageHeader, Pager } from "@/components/admin/kit";
import { CasesSection, CaseTable, EligibleNoteTable } from "@/components/cases/admin/case-tables";
import { ADMIN_CASES_PAGE_SIZE, listAdminCases, listEligibleNotes } from "@/db/queries/cases/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { pageCount, pageParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.adminTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCasesPage({ searchParams }: Props) {
  await requireStaff("case.publish", "/admin/cases");
  const page = pageParam((await searchParams).page);
  const [{ rows, total }, eligible, committee] = await Promise.all([
    listAdminCases(page),
    listEligibleNotes(),
    getCommitteeInfo(),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={m.adminTitle} intro={m.adminIntro} />
      <CasesSection id="cases-list" title={m.listTitle}>
        <CaseTable rows={rows} timeZone={committee.timeZone} />
        <Pager
          page={page}
          pages={pageCount(total, ADMIN_CASES_PAGE_SIZE)}
          hrefFor={(p) => `/admin/cases?page=${p}`}
        />
      </CasesSection>
      <CasesSection id="cases-eligible" title={m.eligibleTitle}>
        <EligibleNoteTable rows={eligible} timeZone={committee.timeZone} />
      </CasesSection>
    </div>
  );
}
