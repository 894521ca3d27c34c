import { expect } from "@playwright/test";

/**
 * What the e2e run's notification sinks received (started by playwright.config.ts for the
 * "pglite" server: e2e/notification-sinks.mjs). Addresses are unique per test, so a spec
 * reads only its own mail.
 *
 *   const mail = await waitForMail("someone-123@example.org", (m) => m.subject.includes("…"));
 *   const sms = await waitForSms("13800000001");
 */

export interface SinkMail {
  to: string[];
  subject: string;
  from: string;
  messageId: string;
  text: string;
  html: string;
  at: string;
}

export interface SinkSms {
  phone: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  outId: string;
  at: string;
}

function sinkUrl(path: string): string {
  const base = process.env.E2E_SINK_URL;
  if (!base) throw new Error("E2E_SINK_URL is not set (playwright.config.ts sets it)");
  return `${base}${path}`;
}

async function read<T>(path: string): Promise<T[]> {
  const response = await fetch(sinkUrl(path));
  if (!response.ok) throw new Error(`sink ${path}: HTTP ${response.status}`);
  return (await response.json()) as T[];
}

/** Every mail the SMTP sink accepted for `address` so far. */
export async function mailTo(address: string): Promise<SinkMail[]> {
  const all = await read<SinkMail>("/_sink/mail");
  return all.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** Every SMS the stand-in for the provider accepted (correctly signed) for `phone` so far. */
export async function smsTo(phone: string): Promise<SinkSms[]> {
  return (await read<SinkSms>("/_sink/sms")).filter((s) => s.phone === phone);
}

/** Waits (polling) for a mail to `address` that matches, and returns it. */
export async function waitForMail(
  address: string,
  matches: (mail: SinkMail) => boolean = () => true,
  timeout = 15_000,
): Promise<SinkMail> {
  let found: SinkMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).find(matches);
        return Boolean(found);
      },
      { timeout, message: `a mail to ${address}` },
    )
    .toBe(true);
  return found as SinkMail;
}

/** Waits (polling) for an SMS to `phone` that matches, and returns it. */
export async function waitForSms(
  phone: string,
  matches: (sms: SinkSms) => boolean = () => true,
  timeout = 15_000,
): Promise<SinkSms> {
  let found: SinkSms | undefined;
  await expect
    .poll(
      async () => {
        found = (await smsTo(phone)).find(matches);
        return Boolean(found);
      },
      { timeout, message: `an SMS to ${phone}` },
    )
    .toBe(true);
  return found as SinkSms;
}
