import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { ProposalForm } from "@/components/pipeline/proposal-form";
import { PageHeader } from "@/components/ui/page-header";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { saveProposalAction } from "../actions";
import { proposalFormChoices } from "../form-data";

export const generateMetadata = staffPageTitle(adminMessages.proposals.create);

const m = adminMessages.proposals;

export default async function NewProposalPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [params, today] = await Promise.all([searchParams, committeeToday()]);
  const year = parseYear(params.year, today.year);
  const permalink = `/admin/proposals/new?year=${year}`;
  await requireStaff("proposal.manage", permalink);
  const choices = await proposalFormChoices(year, null);
  return (
    <>
      <PageHeader
        title={`${m.create}（${year}）`}
        back={{ href: `/admin/proposals?year=${year}`, label: m.back }}
      />
      <div className={ui.card}>
        <ProposalForm
          action={saveProposalAction}
          proposal={{
            id: null,
            kind: "proposal",
            title: "",
            year,
            number: "",
            summary: "",
            researchTopicId: null,
            noteIds: [],
            memberIds: [],
          }}
          {...choices}
          permalink={permalink}
        />
      </div>
    </>
  );
}
