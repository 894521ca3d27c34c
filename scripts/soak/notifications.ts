// The soak's notification channels and their check: a real SMTP server and a stand-in for
// Aliyun's SMS API (the ones the e2e run uses, e2e/notification-sinks.mjs) receive what the
// server's delivery worker sends; after the run, every notification the soak's changes
// called for must have been written once and delivered once on each of its channels.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startAliyunSmsStub, startSmtpSink } from "../../e2e/notification-sinks.mjs";
import { messageIdFor } from "../../lib/notifications/mail-content";

export interface Sinks {
  /** The server's environment: e-mail and SMS pointed at the sinks. */
  env: Record<string, string>;
  mails: { messageId?: string; to: string[] }[];
  sms: { outId: string }[];
  close(): Promise<void>;
}

export async function startSinks(): Promise<Sinks> {
  const accessKeyId = "soak-key";
  const accessKeySecret = randomBytes(16).toString("hex");
  const smtp = await startSmtpSink();
  const sms = await startAliyunSmsStub({ accessKeyId, accessKeySecret });
  return {
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: "履职通压测 <soak@example.org>",
      SMS_PROVIDER: "aliyun",
      SMS_ACCESS_KEY_ID: accessKeyId,
      SMS_ACCESS_KEY_SECRET: accessKeySecret,
      SMS_SIGN_NAME: "压测政协",
      SMS_TEMPLATE: "SMS_SOAK",
      SMS_ENDPOINT: sms.url,
      // Short enough that a delivery claimed by a killed server is tried again in the drain.
      DELIVERY_POLL_SECONDS: "1",
    },
    mails: smtp.messages,
    sms: sms.received,
    close: async () => {
      await Promise.all([smtp.close(), sms.close()]);
    },
  };
}

/** Waits (while the server runs) until no delivery is pending, or the time is up. */
export async function drainDeliveries(url: string, timeoutMs: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from notification_deliveries where status = 'pending'",
      );
      const pending = rows[0]?.n ?? 0;
      if (pending === 0 || Date.now() > deadline) return pending;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  } finally {
    await client.end();
  }
}

export interface NotificationVerdict {
  lost: number;
  twice: number;
  /**
   * Copies received again with the same key (Message-ID, OutId): a server killed between
   * handing a message over and recording it sends it again. That is at-least-once delivery;
   * the key lets the receiver drop the copy. Reported, not counted as sent twice.
   */
  resent: number;
  lines: string[];
}

/**
 * - every submitted soak note told at least one member of staff (its scope holds the two
 *   soak administrators), and nobody twice;
 * - every stored registration of the soak event told its registrant of its state once
 *   (confirmed or waitlisted);
 * - every delivery sent (none pending, failed or skipped: both channels are configured), and
 *   each received by its sink (e-mail by Message-ID, SMS by OutId); nothing received that no
 *   delivery sent (a second message for one change would carry another key).
 */
export async function verifyNotifications(
  url: string,
  sinks: Sinks,
  input: { memberIds: number[]; soakEventId: number; siteUrl: string },
): Promise<NotificationVerdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: notes } = await client.query<{ id: number; told: number; pairs: number }>(
      `select n.id,
              count(x.id)::int as told,
              count(distinct x.user_id)::int as pairs
       from field_notes n
       left join notifications x
         on x.kind = 'staff.note_submitted' and x.link = '/admin/notes/' || n.id
       where n.author_id = any($1::int[]) and n.submitted_at is not null
       group by n.id`,
      [input.memberIds],
    );
    const notesUntold = notes.filter((n) => n.told === 0).length;
    const staffTwice = notes.reduce((sum, n) => sum + (n.told - n.pairs), 0);

    const { rows: regs } = await client.query<{ id: number; told: number }>(
      `select r.id, count(x.id)::int as told
       from registrations r
       left join notifications x on x.registration_id = r.id
         and x.kind in ('registration.confirmed', 'registration.waitlisted')
       where r.event_id = $1
       group by r.id`,
      [input.soakEventId],
    );
    const regsUntold = regs.filter((r) => r.told === 0).length;
    const regsTwice = regs.reduce((sum, r) => sum + Math.max(0, r.told - 1), 0);

    const { rows: deliveries } = await client.query<{
      id: number;
      channel: "email" | "sms";
      status: string;
      dedupe_key: string;
    }>(
      `select d.id, d.channel, d.status, n.dedupe_key
       from notification_deliveries d join notifications n on n.id = d.notification_id`,
    );
    const mailsById = new Map<string, number>();
    for (const mail of sinks.mails) {
      const id = mail.messageId ?? "";
      mailsById.set(id, (mailsById.get(id) ?? 0) + 1);
    }
    const smsByOutId = new Map<string, number>();
    for (const message of sinks.sms) {
      smsByOutId.set(message.outId, (smsByOutId.get(message.outId) ?? 0) + 1);
    }
    const notSent = deliveries.filter((d) => d.status !== "sent");
    // Message-IDs are derived from the dedupe key: one per notification, so per delivery.
    let unreceived = 0;
    let resent = 0;
    const keys = new Set<string>();
    for (const d of deliveries) {
      const key =
        d.channel === "email" ? messageIdFor(d.dedupe_key, input.siteUrl) : `delivery-${d.id}`;
      keys.add(key);
      if (d.status !== "sent") continue;
      const n = (d.channel === "email" ? mailsById.get(key) : smsByOutId.get(key)) ?? 0;
      if (n === 0) unreceived += 1;
      if (n > 1) resent += n - 1;
    }
    const strangers =
      sinks.mails.filter((m) => !keys.has(m.messageId ?? "")).length +
      sinks.sms.filter((m) => !keys.has(m.outId)).length;
    const emails = deliveries.filter((d) => d.channel === "email").length;
    const lines = [
      `notifications: ${notes.length} submitted notes told to staff (${notesUntold} not told, ` +
        `${staffTwice} told twice); ${regs.length} registrants told of their place ` +
        `(${regsUntold} not told, ${regsTwice} told twice)`,
      `  deliveries: ${emails} e-mails and ${deliveries.length - emails} SMS; ` +
        `${notSent.length} not sent (${summarise(notSent.map((d) => d.status))}); ` +
        `received: ${sinks.mails.length} mails, ${sinks.sms.length} SMS; ` +
        `sent but never received: ${unreceived}; received that nothing sent: ${strangers}; ` +
        `received again with the same key after a kill (at least once): ${resent}`,
    ];
    return {
      lost: notesUntold + regsUntold + notSent.length + unreceived,
      twice: staffTwice + regsTwice + strangers,
      resent,
      lines,
    };
  } finally {
    await client.end();
  }
}

function summarise(values: string[]): string {
  if (values.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(", ");
}
