import type { Metadata } from "next";
import { PageHeader, Pager, Section } from "@/components/admin/kit";
import { CaseTable, EligibleNoteTable } from "@/components/cases/admin/case-tables";
import { ADMIN_CASES_PAGE_SIZE, listAdminCases, listEligibleNotes } from "@/db/queries/cases/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { type ListPageProps, listHref, pageParam, pagerFor } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.adminTitle, robots: { index: false } };

export default async function AdminCasesPage({ searchParams }: ListPageProps) {
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
      <Section id="cases-list" title={m.listTitle}>
        <CaseTable rows={rows} timeZone={committee.timeZone} />
        <Pager {...pagerFor(page, total, ADMIN_CASES_PAGE_SIZE, listHref("/admin/cases", {}))} />
      </Section>
      <Section id="cases-eligible" title={m.eligibleTitle}>
        <EligibleNoteTable rows={eligible} timeZone={committee.timeZone} />
      </Section>
    </div>
  );
}
