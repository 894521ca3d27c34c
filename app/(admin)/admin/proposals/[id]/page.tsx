import { notFound } from "next/navigation";
import { ProposalForm } from "@/components/admin/proposal-form";
import { ui } from "@/components/admin/ui";
import { PageHeader } from "@/components/ui/page-header";
import { getProposal } from "@/db/queries/pipeline/proposals";
import { adminMessages } from "@/lib/messages/admin";
import { requireStaff, staffPageTitle } from "@/server/action";
import { saveProposalAction } from "../actions";
import { proposalFormChoices } from "../form-data";

export const generateMetadata = staffPageTitle(adminMessages.proposals.title);

const m = adminMessages.proposals;

export default async function ProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const permalink = `/admin/proposals/${id}`;
  await requireStaff("proposal.manage", permalink);
  const proposal = await getProposal(Number(id));
  if (!proposal) notFound();
  const choices = await proposalFormChoices(proposal.year, proposal.researchTopicId);
  // Notes already linked stay listed even if they are no longer adopted.
  const listed = new Set(choices.notes.map((n) => n.id));
  const notes = [
    ...proposal.notes
      .filter((n) => !listed.has(n.id))
      .map((n) => ({ id: n.id, title: n.title, hint: n.authorName })),
    ...choices.notes,
  ];
  return (
    <>
      <PageHeader
        title={proposal.title}
        intro={`${adminMessages.proposalKinds[proposal.kind]} · ${proposal.year}${proposal.number ? ` · ${proposal.number}` : ""}`}
        back={{ href: `/admin/proposals?year=${proposal.year}`, label: m.back }}
      />
      {created === "1" && (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          {m.created}
        </p>
      )}
      <div className={ui.card}>
        <ProposalForm
          action={saveProposalAction}
          key={`${proposal.id}:${proposal.title}`}
          proposal={{
            id: proposal.id,
            kind: proposal.kind,
            title: proposal.title,
            year: proposal.year,
            number: proposal.number,
            summary: proposal.summary,
            researchTopicId: proposal.researchTopicId,
            noteIds: proposal.notes.map((n) => n.id),
            memberIds: proposal.members.map((p) => p.id),
          }}
          topics={choices.topics}
          notes={notes}
          members={choices.members}
          permalink={permalink}
        />
      </div>
    </>
  );
}
