import { z } from "zod";
import { type NotificationKind, notificationKinds } from "../vocabulary";

/**
 * The delivery channels' settings (part of lib/env.ts). Each channel is off while its
 * variables are unset: its deliveries are then marked skipped. The messages are in English:
 * they are read by whoever configures the server, in its log.
 */
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalText = () => z.preprocess(emptyToUndefined, z.string().optional());

export const smsProviders = ["aliyun"] as const;
export type SmsProvider = (typeof smsProviders)[number];

export const deliveryEnv = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: no e-mail. */
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^smtps?:\/\/[^/\s]+/,
        "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465",
      )
      .optional(),
  ),
  /** The sender, e.g. `履职通 <noreply@example.org>`; required with SMTP_URL. */
  MAIL_FROM: optionalText(),
  /** The SMS provider: "aliyun" (Dysmsapi SendSms). Unset: no SMS. */
  SMS_PROVIDER: z.preprocess(
    emptyToUndefined,
    z.enum(smsProviders, { error: 'SMS_PROVIDER must be "aliyun" (or unset: no SMS)' }).optional(),
  ),
  SMS_ACCESS_KEY_ID: optionalText(),
  SMS_ACCESS_KEY_SECRET: optionalText(),
  /** The approved signature (签名), e.g. 某某区政协. */
  SMS_SIGN_NAME: optionalText(),
  /** The approved template used for every kind without its own (SMS_TEMPLATES). */
  SMS_TEMPLATE: optionalText(),
  /** Templates per notification kind: `registration.confirmed=SMS_1,account.security=SMS_2`. */
  SMS_TEMPLATES: optionalText(),
  /** The API's address (tests point it at a local stand-in). */
  SMS_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z
      .url({ error: "SMS_ENDPOINT must be an http(s) URL" })
      .default("https://dysmsapi.aliyuncs.com/"),
  ),
  SMS_REGION: z.preprocess(emptyToUndefined, z.string().default("cn-hangzhou")),
  /** Attempts of one delivery before it is marked failed (an administrator may retry it). */
  DELIVERY_MAX_ATTEMPTS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "DELIVERY_MAX_ATTEMPTS must be a whole number" })
      .int("DELIVERY_MAX_ATTEMPTS must be a whole number")
      .min(1, "DELIVERY_MAX_ATTEMPTS must be at least 1")
      .max(20, "DELIVERY_MAX_ATTEMPTS must be at most 20")
      .default(6),
  ),
  /** How often the worker looks for due deliveries (new ones also wake it at once). */
  DELIVERY_POLL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "DELIVERY_POLL_SECONDS must be a number of seconds" })
      .int("DELIVERY_POLL_SECONDS must be a whole number")
      .min(1, "DELIVERY_POLL_SECONDS must be at least 1")
      .max(3600, "DELIVERY_POLL_SECONDS must be at most 3600")
      .default(5),
  ),
};

interface DeliverySettings {
  SMTP_URL?: string;
  MAIL_FROM?: string;
  SMS_PROVIDER?: SmsProvider;
  SMS_ACCESS_KEY_ID?: string;
  SMS_ACCESS_KEY_SECRET?: string;
  SMS_SIGN_NAME?: string;
  SMS_TEMPLATE?: string;
  SMS_TEMPLATES?: string;
}

/** The pairs that must come together, and the template map's form. */
export function checkDeliveryEnv(value: DeliverySettings, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  if (value.SMTP_URL && !value.MAIL_FROM) {
    issue("MAIL_FROM", "MAIL_FROM is required with SMTP_URL, e.g. Lvzhi <noreply@example.org>");
  }
  if (value.MAIL_FROM && !/@[^@\s>]+\.[^@\s>]+>?\s*$/.test(value.MAIL_FROM)) {
    issue("MAIL_FROM", "MAIL_FROM must be an address, e.g. noreply@example.org or Name <a@b.org>");
  }
  if (value.SMS_PROVIDER) {
    for (const name of [
      "SMS_ACCESS_KEY_ID",
      "SMS_ACCESS_KEY_SECRET",
      "SMS_SIGN_NAME",
      "SMS_TEMPLATE",
    ] as const) {
      if (!value[name]) issue(name, `${name} is required with SMS_PROVIDER`);
    }
  }
  if (value.SMS_TEMPLATES) {
    try {
      parseSmsTemplates(value.SMS_TEMPLATES);
    } catch (error) {
      issue("SMS_TEMPLATES", (error as Error).message);
    }
  }
}

/** `kind=TEMPLATE_CODE,…` → a map; throws on an unknown kind or a malformed entry. */
export function parseSmsTemplates(text: string): Partial<Record<NotificationKind, string>> {
  const map: Partial<Record<NotificationKind, string>> = {};
  for (const entry of text.split(",")) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const match = /^([a-z_.]+)\s*=\s*([A-Za-z0-9_-]+)$/.exec(trimmed);
    if (!match) {
      throw new Error(`SMS_TEMPLATES: "${trimmed}" is not kind=TEMPLATE_CODE`);
    }
    const kind = match[1] as NotificationKind;
    if (!notificationKinds.includes(kind)) {
      throw new Error(`SMS_TEMPLATES: unknown notification kind "${match[1]}"`);
    }
    map[kind] = match[2];
  }
  return map;
}
