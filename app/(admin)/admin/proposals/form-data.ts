import "server-only";
import { listLinkableNotes, listTopicChoices } from "@/db/queries/pipeline/proposals";
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
