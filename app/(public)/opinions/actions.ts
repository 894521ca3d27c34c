"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readFormValues } from "@/components/admin/content/form-state";
import { CmsError } from "@/db/queries/admin-content";
import { submitOpinion } from "@/db/queries/opinions";
import { clientIpFrom } from "@/lib/client-ip";
import { cmsMessages } from "@/lib/messages/cms";
import { sharedRateLimiter } from "@/server/rate-limit";
import {
  isHoneypotFilled,
  OPINION_HONEYPOT,
  OPINION_RATE_LIMIT,
  type OpinionFormState,
  opinionFields,
  parseOpinionForm,
} from "./schema";

const m = cmsMessages.opinions;

/**
 * The public opinion form (no login): honeypot, validate, rate-limit per IP, store as
 * pending. Success goes to /opinions?submitted=1; a refusal comes back with what was typed.
 * Works as a plain form post too.
 */
export async function submitOpinionAction(
  _previous: OpinionFormState,
  formData: FormData,
): Promise<OpinionFormState> {
  const values = readFormValues(formData, opinionFields);
  // Echo no more than a person types into these fields.
  values.name = values.name.slice(0, 100);
  values.contact = values.contact.slice(0, 100);
  values.body = values.body.slice(0, 4000);
  const refuse = (
    message: string,
    fieldErrors: OpinionFormState["fieldErrors"] = {},
  ): OpinionFormState => ({
    values,
    fieldErrors,
    message,
    tone: "error",
  });

  const ip = clientIpFrom(await headers());
  const limiter = sharedRateLimiter("opinions:submit", OPINION_RATE_LIMIT);
  if (isHoneypotFilled(formData.get(OPINION_HONEYPOT))) {
    await limiter.consume(ip);
    console.warn(`[opinions] honeypot filled, ip ${ip}; nothing stored`);
    return refuse(m.spam);
  }
  const parsed = parseOpinionForm(values);
  if (!parsed.ok) return refuse(cmsMessages.common.errorSummary, parsed.fieldErrors);
  const allowed = await limiter.consume(ip);
  if (!allowed.allowed) {
    return refuse(
      cmsMessages.errors.rate_limited(Math.max(1, Math.ceil(allowed.retryAfterSeconds / 60))),
    );
  }
  try {
    await submitOpinion({ ...parsed.data, ip });
  } catch (error) {
    if (error instanceof CmsError && error.code === "not_found") {
      return refuse(m.closedTopic, { topicId: m.closedTopic });
    }
    console.error("[opinions] submit failed:", error);
    return refuse(m.unavailable);
  }
  redirect("/opinions?submitted=1#opinion-form");
}
