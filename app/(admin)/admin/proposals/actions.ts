"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AdminFormState } from "@/components/admin/form-state";
import { saveProposal } from "@/db/queries/proposals";
import { adminMessages } from "@/lib/messages/admin";
import { proposalKinds } from "@/lib/vocabulary";
import {
  authorizeStaffAction,
  forbiddenState,
  idField,
  idList,
  refusal,
  textField,
} from "../../staff";

const m = adminMessages.proposals;
const kindSchema = z.enum(proposalKinds);

/** Create (no id) or update a proposal with its links to a topic, notes and members. */
export async function saveProposalAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const title = textField(formData, "title", 81).trim();
  const number = textField(formData, "number", 31).trim();
  const summary = textField(formData, "summary", 2001).trim();
  const yearRaw = textField(formData, "year", 6).trim();
  const kindRaw = textField(formData, "kind", 20);
  const researchTopicRaw = textField(formData, "researchTopicId", 12);
  const noteIds = idList(formData, "notes");
  const memberIds = idList(formData, "members");
  const values = {
    title,
    number,
    summary,
    year: yearRaw,
    kind: kindRaw,
    researchTopicId: researchTopicRaw,
    notes: noteIds.map(String),
    members: memberIds.map(String),
  };
  const ctx = await authorizeStaffAction("proposal.manage");
  if (!ctx) return forbiddenState(values);
  const fieldErrors: Record<string, string> = {};
  if (title === "" || title.length > 80) fieldErrors.title = m.titleRequired;
  if (number.length > 30 || summary.length > 2000)
    fieldErrors.summary = adminMessages.research.tooLong;
  const year = Number(yearRaw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    fieldErrors.year = adminMessages.research.yearInvalid;
  }
  const kind = kindSchema.safeParse(kindRaw);
  if (!kind.success || Object.keys(fieldErrors).length > 0) {
    return { status: "error", message: adminMessages.errors.invalid, fieldErrors, values };
  }
  const id = idField(formData, "id");
  let savedId: number;
  try {
    savedId = await saveProposal(ctx, id, {
      kind: kind.data,
      title,
      year,
      number,
      summary,
      researchTopicId: idField(formData, "researchTopicId"),
      noteIds,
      memberIds,
    });
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath("/admin/proposals");
  revalidatePath(`/admin/proposals/${savedId}`);
  if (id === null) redirect(`/admin/proposals/${savedId}?created=1`);
  return { status: "ok", message: m.saved, fieldErrors: {}, values };
}
