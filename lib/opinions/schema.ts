import { z } from "zod";
import { type FormState, firstIssuePerField } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";

/** The public opinion form: what may be sent, and the limits on sending. */

const fe = cmsMessages.opinions.fieldErrors;

export const OPINION_HONEYPOT = "website";
/** Per client IP: opinions that pass validation (and every honeypot hit) count. */
export const OPINION_RATE_LIMIT = { limit: 5, windowMs: 10 * 60_000 } as const;

export const opinionFields = ["topicId", "name", "contact", "body"] as const;
export type OpinionFormValues = Record<(typeof opinionFields)[number], string>;
export type OpinionFormState = FormState<OpinionFormValues>;

export const emptyOpinionValues: OpinionFormValues = {
  topicId: "",
  name: "",
  contact: "",
  body: "",
};

const asText = (v: unknown) => (typeof v === "string" ? v : "");
const tidy = (v: unknown) => asText(v).normalize("NFKC").replace(/\s+/g, " ").trim();
const length = (s: string) => [...s].length;
// Letters of any script, "·" and spaces: a name or a way of signing ("王先生", "一位家长").
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}·•・.\-'’ ]*$/u;
// U+FFFD stands where the browser sent bytes that were not UTF-8: refused, not stored garbled.
const NO_MARKUP_OR_CONTROL = /^[^<>\p{Cc}\p{Cf}\uFFFD]*$/u;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PHONE = /^(?:\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

export const opinionSchema = z.object({
  topicId: z.preprocess(
    tidy,
    z
      .string()
      .regex(/^[1-9]\d{0,8}$/, fe.topic)
      .transform(Number),
  ),
  name: z.preprocess(
    tidy,
    z
      .string()
      .min(1, fe.nameRequired)
      .refine((s) => length(s) <= 20, fe.nameTooLong)
      .refine((s) => s === "" || NAME.test(s), fe.nameInvalid),
  ),
  contact: z.preprocess(
    tidy,
    z
      .string()
      .refine((s) => length(s) <= 50, fe.contactTooLong)
      .refine(
        (s) => s === "" || EMAIL.test(s) || PHONE.test(s.replace(/[\s-]/g, "")),
        fe.contactInvalid,
      ),
  ),
  body: z.preprocess(
    (v) => asText(v).normalize("NFC").replace(/\r\n?/g, "\n").trim(),
    z
      .string()
      .refine((s) => length(s) >= 10, fe.bodyTooShort)
      .refine((s) => length(s) <= 2000, fe.bodyTooLong)
      .refine((s) => NO_MARKUP_OR_CONTROL.test(s.replace(/\n/g, "")), fe.bodyInvalid),
  ),
});

export function parseOpinionForm(values: OpinionFormValues) {
  const result = opinionSchema.safeParse(values);
  return result.success
    ? ({ ok: true, data: result.data } as const)
    : ({ ok: false, fieldErrors: firstIssuePerField(result.error.issues, opinionFields) } as const);
}

export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === "string" ? value.trim() !== "" : value != null;
}
