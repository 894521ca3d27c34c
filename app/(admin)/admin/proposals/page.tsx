import Link from "next/link";
import { ListPage } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { ProposalTable } from "@/components/pipeline/pipeline-lists";
import { listProposals } from "@/db/queries/pipeline/proposals";
import { listResearchYears } from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";

export const generateMetadata = staffPageTitle(adminMessages.proposals.title);

const m = adminMessages.proposals;

/** 提案与大会发言 of a year, with the topics and notes they came from. */
export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [params, today] = await Promise.all([searchParams, committeeToday()]);
  const year = parseYear(params.year, today.year);
  await requireStaff("proposal.manage", `/admin/proposals?year=${year}`);
  const [rows, years] = await Promise.all([listProposals(year), listResearchYears(today.year)]);
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        <Link href={`/admin/proposals/new?year=${year}`} className={ui.primary}>
          {m.create}
        </Link>
      }
      filters={
        <YearPicker
          action="/admin/proposals"
          year={year}
          years={years}
          label={m.year}
          submit={adminMessages.research.show}
        />
      }
    >
      <ProposalTable rows={rows} />
    </ListPage>
  );
}
