import type { CaseInput } from "@/db/queries/cases/staff";
import type { PersonalDataKind } from "@/lib/cases/personal-data";
import type { CaseFormValues } from "@/lib/cases/schema";
import { toOptions } from "@/lib/format";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsErrorNotice } from "@/lib/messages/cms/gate";
import { noteCategories } from "@/lib/vocabulary";

import { uploadCaseImageAction } from "./image-actions";

const m = cmsMessages.cases;

/** The form's choices, and the action that stores a picture placed in the outcome. */
export function caseChoices(towns: { id: number; name: string }[]) {
  return {
    uploadImage: uploadCaseImageAction,
    categories: noteCategories.map((c) => ({ value: c, label: messages.admin.categories[c] })),
    towns: toOptions(towns),
  };
}

/** A draft or a saved case as the form holds it; `publish` ticked or not. */
export function caseFormValues(c: Omit<CaseInput, "publish">, publish: boolean): CaseFormValues {
  return {
    title: c.title,
    summary: c.summary,
    category: c.category ?? "",
    townId: c.townId === null ? "" : String(c.townId),
    departmentName: c.departmentName,
    outcome: c.outcome,
    receivedOn: c.receivedOn ?? "",
    resolvedOn: c.resolvedOn ?? "",
    reviewed: "",
    publish: publish ? "on" : "",
  };
}

const doneText: Record<string, string> = {
  saved: m.saved,
  published: m.publishedDone,
  unpublished: m.unpublishedDone,
};

/** The notices after a redirect from the case actions (`?done=` / `?error=`). */
export function caseNotices(query: Record<string, string | string[] | undefined>) {
  const done = typeof query.done === "string" ? (doneText[query.done] ?? null) : null;
  const code = typeof query.error === "string" ? query.error : null;
  return { done, error: code === null ? null : errorText(code) };
}

function errorText(code: string): string | null {
  if (code.startsWith("personal_"))
    return m.personalData[code.slice(9) as PersonalDataKind] ?? cmsMessages.errors.personal_data;
  return cmsErrorNotice(code);
}
