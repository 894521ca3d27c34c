import { z } from "zod";
import { deliveryMessages } from "../messages/notification-delivery";

const e = deliveryMessages.channels.errors;

/** What the profile's "通知方式" form sends: an address (or none) and the two channels. */
export interface ChannelChoicesValues {
  [field: string]: string;
  email: string;
  byEmail: string;
  bySms: string;
}

export interface ChannelChoices {
  /** null: no address (e-mail cannot be sent). */
  email: string | null;
  byEmail: boolean;
  bySms: boolean;
}

const checkbox = z.string().transform((v) => v === "on");

/** An address is optional; when given it must be one (RFC 5321's 254 characters at most). */
export const channelChoicesSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, e.emailTooLong)
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(""), z.email(e.emailInvalid)]))
    .transform((v) => (v === "" ? null : v)),
  byEmail: checkbox,
  bySms: checkbox,
});

/** Parses the form's values; messages per field on a refusal. */
export function parseChannelChoices(
  values: ChannelChoicesValues,
): { ok: true; data: ChannelChoices } | { ok: false; fieldErrors: { email?: string } } {
  const result = channelChoicesSchema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues.find((i) => i.path[0] === "email");
  return { ok: false, fieldErrors: { email: issue?.message ?? e.emailInvalid } };
}
