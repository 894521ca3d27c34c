import { notFound } from "next/navigation";
import { Notice } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { ProposalForm } from "@/components/pipeline/proposal-form";
import { PageHeader } from "@/components/ui/page-header";
import { getProposal } from "@/db/queries/pipeline/proposals";
import { adminMessages } from "@/lib/messages/admin";
import { staffPageTitle } from "@/server/action";
import { openRecord, type RecordPageProps } from "../../record-page";
import { saveProposalAction } from "../actions";
import { proposalEditor } from "../form-data";

export const generateMetadata = staffPageTitle(adminMessages.proposals.title);

const m = adminMessages.proposals;

/** One proposal or plenary speech: its fields, the notes it draws on, its members. */
export default async function ProposalPage(props: RecordPageProps<{ created?: string }>) {
  const { id, query, permalink } = await openRecord(props, "/admin/proposals", "proposal.manage");
  const proposal = await getProposal(id);
  if (!proposal) notFound();
  const editor = await proposalEditor(proposal);
  return (
    <>
      <PageHeader
        title={proposal.title}
        intro={[adminMessages.proposalKinds[proposal.kind], proposal.year, proposal.number]
          .filter(Boolean)
          .join(" · ")}
        back={{ href: `/admin/proposals?year=${proposal.year}`, label: m.back }}
      />
      {query.created === "1" && <Notice>{m.created}</Notice>}
      <div className={ui.card}>
        <ProposalForm
          action={saveProposalAction}
          key={`${proposal.id}:${proposal.title}`}
          {...editor}
          permalink={permalink}
        />
      </div>
    </>
  );
}
