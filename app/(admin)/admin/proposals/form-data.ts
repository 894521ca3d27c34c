import "server-only";
import type { ProposalFormValues } from "@/components/pipeline/proposal-form";
import {
  listLinkableNotes,
  listTopicChoices,
  type ProposalDetail,
} from "@/db/queries/pipeline/proposals";
import { listMemberOptions } from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";

/** The choices of the proposal form: the year's topics, adopted notes, members. */
export async function proposalFormChoices(year: number, researchTopicId: number | null) {
  const [topics, notes, members] = await Promise.all([
    listTopicChoices(year),
    listLinkableNotes({ researchTopicId }),
    listMemberOptions(),
  ]);
  return {
    topics,
    notes: notes.map((n) => ({
      id: n.id,
      title: n.title || adminMessages.queue.untitled,
      hint: `${n.authorName} · ${adminMessages.statuses[n.status]}`,
    })),
    members: members.map((p) => ({ id: p.id, name: p.name, hint: p.sectorName ?? "" })),
  };
}

/**
 * The proposal form of a saved proposal: its values and choices. Notes already linked stay
 * listed even if they are no longer adopted.
 */
export async function proposalEditor(proposal: ProposalDetail) {
  const choices = await proposalFormChoices(proposal.year, proposal.researchTopicId);
  const listed = new Set(choices.notes.map((n) => n.id));
  const values: ProposalFormValues = {
    id: proposal.id,
    kind: proposal.kind,
    title: proposal.title,
    year: proposal.year,
    number: proposal.number,
    summary: proposal.summary,
    researchTopicId: proposal.researchTopicId,
    noteIds: proposal.notes.map((n) => n.id),
    memberIds: proposal.members.map((p) => p.id),
  };
  return {
    ...choices,
    proposal: values,
    notes: [
      ...proposal.notes
        .filter((n) => !listed.has(n.id))
        .map((n) => ({ id: n.id, title: n.title, hint: n.authorName })),
      ...choices.notes,
    ],
  };
}
