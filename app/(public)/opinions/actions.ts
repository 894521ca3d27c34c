"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitOpinion } from "@/db/queries/opinions/public";
import { clientIpFrom } from "@/lib/client-ip";
import { isAppError } from "@/lib/errors";
import { controlCharacterRefusal, readFormValues, refusedForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import {
  isHoneypotFilled,
  OPINION_HONEYPOT,
  OPINION_RATE_LIMIT,
  type OpinionFormState,
  opinionFields,
  parseOpinionForm,
} from "@/lib/opinions/schema";
import { sharedRateLimiter } from "@/server/rate-limit";

const m = cmsMessages.opinions;

/**
 * The public opinion form (no login, so its own gate): honeypot, validate, rate-limit per
 * IP, store as pending. Success goes to /opinions?submitted=1; a refusal comes back as the
 * one FormState with what was typed. Works as a plain form post too.
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
  const refuse = (message: string, fieldErrors: OpinionFormState["fieldErrors"] = {}) =>
    refusedForm(values, message, fieldErrors);
  const garbled = controlCharacterRefusal<typeof values, undefined>(formData, values);
  if (garbled) return garbled;

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
    if (isAppError(error, "not_found")) return refuse(m.closedTopic, { topicId: m.closedTopic });
    console.error("[opinions] submit failed:", error);
    return refuse(m.unavailable);
  }
  redirect("/opinions?submitted=1#opinion-form");
}
