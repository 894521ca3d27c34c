import { z } from "zod";
import { type FormState, firstIssuePerField } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import { richTextBlock } from "@/lib/rich-text/validation";
import { block, checkbox, line, localDate, optionalId } from "@/lib/validation";
import { noteCategories } from "@/lib/vocabulary";

/** The public case form. "reviewed" must be ticked: the editor confirms there is no personal data. */

const m = cmsMessages.cases;
const f = m.fields;

export const caseTextFields = [
  "title",
  "summary",
  "category",
  "townId",
  "departmentName",
  "outcome",
  "receivedOn",
  "resolvedOn",
  "reviewed",
  "publish",
] as const;
export type CaseFormValues = Record<(typeof caseTextFields)[number], string>;
export type CaseField = keyof CaseFormValues;
export type CaseFormState = FormState<CaseFormValues>;

export const emptyCaseValues: CaseFormValues = {
  title: "",
  summary: "",
  category: "",
  townId: "",
  departmentName: "",
  outcome: "",
  receivedOn: "",
  resolvedOn: "",
  reviewed: "",
  publish: "on",
};

const caseSchema = z
  .object({
    title: line(f.title, 80, { required: true }),
    summary: block(f.summary, 2000, { required: true }),
    category: z.preprocess(
      (v) => (v === "" ? null : v),
      z.enum(noteCategories, { error: cmsMessages.field.invalidChoice(f.category) }).nullable(),
    ),
    townId: optionalId(f.town),
    departmentName: line(f.departmentName, 120),
    outcome: richTextBlock(f.outcome, 3000, { required: true }),
    receivedOn: localDate(f.receivedOn, { optional: true }),
    resolvedOn: localDate(f.resolvedOn, { optional: true }),
    reviewed: checkbox.refine((v) => v, m.fieldErrors.reviewed),
    publish: checkbox,
  })
  .superRefine((c, ctx) => {
    if (c.receivedOn && c.resolvedOn && c.resolvedOn < c.receivedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["resolvedOn"],
        message: m.fieldErrors.resolvedBeforeReceived,
      });
    }
  });

export type ParsedCase = z.infer<typeof caseSchema>;

export function parseCaseForm(values: CaseFormValues) {
  const result = caseSchema.safeParse(values);
  return result.success
    ? ({ ok: true, data: result.data } as const)
    : ({
        ok: false,
        fieldErrors: firstIssuePerField(result.error.issues, caseTextFields),
      } as const);
}
