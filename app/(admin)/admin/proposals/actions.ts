"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { saveProposal } from "@/db/queries/pipeline/proposals";
import { type FormState, type FormValues, firstIssuePerField } from "@/lib/form-state";
import { pipelineErrors as errors } from "@/lib/messages/pipeline/notes";
import { pipelineWorkMessages } from "@/lib/messages/pipeline/work";
import { proposalSchema } from "@/lib/pipeline/forms";
import { gatedAction } from "@/server/action";

const m = pipelineWorkMessages.proposals;
const fields = ["title", "number", "summary", "year", "kind", "researchTopicId", "id"] as const;

/** Create (no id) or update a proposal with its links to a topic, notes and members. */
export async function saveProposalAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, z.output<typeof proposalSchema>>(formData, {
    label: "proposals.save",
    permission: "proposal.manage",
    fields,
    multi: ["notes", "members"],
    errors,
    parse: (values) => {
      const parsed = proposalSchema.safeParse(values);
      if (parsed.success) return { ok: true, data: parsed.data };
      const { number, ...fieldErrors } = firstIssuePerField(parsed.error.issues, [
        ...fields,
        "notes",
        "members",
      ]);
      // The number has no message of its own on the form: it is told with the summary.
      return { ok: false, fieldErrors: { summary: number, ...fieldErrors } };
    },
    run: async ({ id, notes, members, ...input }, actor, values) => {
      const savedId = await saveProposal(actor, id, {
        ...input,
        noteIds: notes,
        memberIds: members,
      });
      revalidatePath("/admin/proposals");
      revalidatePath(`/admin/proposals/${savedId}`);
      if (id === null) redirect(`/admin/proposals/${savedId}?created=1`);
      return { status: "ok", message: m.saved, fieldErrors: {}, values };
    },
  });
}
