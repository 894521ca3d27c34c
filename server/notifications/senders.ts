import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type { DeliveryToSend } from "@/db/queries/notifications/deliveries";
import type { Env } from "@/lib/env";
import { formBody, sendSmsParams } from "@/lib/notifications/aliyun-sms";
import { parseSmsTemplates } from "@/lib/notifications/env";
import { buildMail } from "@/lib/notifications/mail-content";
import type { DeliveryChannel } from "@/lib/vocabulary";

/**
 * The outside channels as the worker uses them: one function per configured channel that
 * sends one delivery to one address, and throws when it was not accepted. A channel whose
 * settings are unset is missing here: its deliveries are skipped. Nothing here logs an
 * address or a phone.
 */
export type Sender = ((address: string, delivery: DeliveryToSend) => Promise<void>) & {
  /** Lets go of held connections (the worker's stop). */
  close?: () => void;
};
export type Senders = Partial<Record<DeliveryChannel, Sender>>;

export function closeSenders(senders: Senders): void {
  for (const sender of Object.values(senders)) sender?.close?.();
}

type MailSettings = Pick<Env, "SMTP_URL" | "MAIL_FROM" | "SITE_URL">;
type SmsSettings = Pick<
  Env,
  | "SMS_PROVIDER"
  | "SMS_ACCESS_KEY_ID"
  | "SMS_ACCESS_KEY_SECRET"
  | "SMS_SIGN_NAME"
  | "SMS_TEMPLATE"
  | "SMS_TEMPLATES"
  | "SMS_ENDPOINT"
  | "SMS_REGION"
>;

/**
 * The transport's defaults, each overridable in the URL's query (`?socketTimeout=…`):
 * - bounds on a stuck mail server (nodemailer's own are minutes long): a send must end well
 *   within the claim's lease, or another instance could take the delivery and send it too;
 * - a pool of a few connections kept open between messages: a new connection per message
 *   (greeting, EHLO) costs more than the message itself, and the worker sends several at
 *   once (./deliver.ts). An idle connection closes after socketTimeout.
 */
const SMTP_DEFAULTS = {
  connectionTimeout: "15000",
  greetingTimeout: "15000",
  socketTimeout: "60000",
  pool: "true",
  maxConnections: "4",
};

export function smtpTransportUrl(url: string): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(SMTP_DEFAULTS)) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, value);
  }
  return parsed.toString();
}

/** E-mail over SMTP (nodemailer), the URL's settings as given (TLS, auth, port). */
export function mailSender(settings: MailSettings): Sender | undefined {
  const { SMTP_URL: url, MAIL_FROM: from, SITE_URL: site } = settings;
  if (!url || !from) return undefined;
  const transport = nodemailer.createTransport(smtpTransportUrl(url));
  const send: Sender = async (address, delivery) => {
    const mail = buildMail(delivery, site);
    await transport.sendMail({
      from,
      to: address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { "X-Lvzhi-Notification": delivery.kind },
    });
  };
  send.close = () => transport.close();
  return send;
}

/** Aliyun's limit on a template variable of a notice (通知类) template. */
const SMS_VARIABLE_MAX = 35;
const SMS_TIMEOUT_MS = 15_000;

/**
 * SMS through Aliyun's SendSms: the kind's template (SMS_TEMPLATES) or the default one
 * (SMS_TEMPLATE), with the variables `title` (the notification's title, cut to Aliyun's
 * 35 characters) and, for a registrant, `code` (the check-in code). Accepted only when
 * Aliyun answers Code "OK".
 */
export function smsSender(
  settings: SmsSettings,
  fetchImpl: typeof fetch = fetch,
): Sender | undefined {
  if (settings.SMS_PROVIDER !== "aliyun") return undefined;
  const { SMS_ACCESS_KEY_ID: keyId, SMS_ACCESS_KEY_SECRET: secret } = settings;
  const { SMS_SIGN_NAME: signName, SMS_TEMPLATE: fallback } = settings;
  if (!keyId || !secret || !signName || !fallback) return undefined;
  const templates = settings.SMS_TEMPLATES ? parseSmsTemplates(settings.SMS_TEMPLATES) : {};
  const credentials = {
    accessKeyId: keyId,
    accessKeySecret: secret,
    regionId: settings.SMS_REGION,
  };
  return async (phone, delivery) => {
    const params = sendSmsParams(
      credentials,
      {
        phone,
        signName,
        templateCode: templates[delivery.kind] ?? fallback,
        templateParam: {
          title: [...delivery.title].slice(0, SMS_VARIABLE_MAX).join(""),
          ...(delivery.code ? { code: delivery.code } : {}),
        },
        outId: `delivery-${delivery.id}`,
      },
      randomUUID(),
      new Date(),
    );
    const response = await fetchImpl(settings.SMS_ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: formBody(params),
      signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
    });
    const text = await response.text();
    let answer: { Code?: string; Message?: string } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // not JSON: reported below with the HTTP status
    }
    if (!response.ok || answer.Code !== "OK") {
      throw new Error(
        `SMS provider refused (HTTP ${response.status}): ${answer.Code ?? "no code"} ${answer.Message ?? ""}`.trim(),
      );
    }
  };
}

export function sendersFromEnv(env: MailSettings & SmsSettings): Senders {
  return { email: mailSender(env), sms: smsSender(env) };
}
