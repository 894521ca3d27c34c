import "server-only";
import { inArray } from "drizzle-orm";
import type { DeliveryChannel, NotificationKind } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { notificationDeliveries, notifications, registrations, users } from "../../schema";
import { signalOutboxWrite } from "./wake";

/** A transaction (or the database, for a change that is one statement). */
type Executor = Pick<Database, "insert" | "select">;

/** Who a notification is for: an account, or a registration (a member of the public). */
export type Recipient = { userId: number } | { registrationId: number };

export interface NotificationInput {
  to: Recipient;
  kind: NotificationKind;
  /**
   * What makes this change unique for its kind, e.g. `12:v4` for version 4 of note 12.
   * With the kind and the recipient it forms the dedupe key: the same change notifies the
   * same person once, however often the code that writes it runs.
   */
  key: string;
  /** Chinese, one line: the message centre's list and the e-mail's subject. */
  title: string;
  /** Chinese, a few lines: what changed and what to do. */
  body?: string;
  /** A path on this site (e.g. `/member/notes/12`), or "" for none. */
  link?: string;
}

const recipientTag = (to: Recipient) =>
  "userId" in to ? `user:${to.userId}` : `registration:${to.registrationId}`;

export const dedupeKeyOf = (input: Pick<NotificationInput, "to" | "kind" | "key">) =>
  `${input.kind}:${input.key}:${recipientTag(input.to)}`;

/**
 * Writes a notification and its outside deliveries: the outbox. Call it with the
 * transaction of the change it reports, so the notification exists exactly when the change
 * does; the delivery worker sends it afterwards, at least once, and the dedupe key keeps a
 * repeated call from writing it twice. Returns false when it was already written.
 *
 * Channels: a user always gets it in the message centre, by e-mail when they gave an
 * address and kept e-mail on, by SMS when they have a phone and chose SMS; a registration
 * gets an SMS to the phone it was made with (while it still has one).
 */
export async function notify(executor: Executor, input: NotificationInput): Promise<boolean> {
  return (await notifyEach(executor, [input])) > 0;
}

/** Rows per statement: far below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/**
 * The same for several recipients (e.g. every member of a sector) in a few statements
 * whatever their number: the notifications in one insert, the recipients' channels in one
 * query per kind of recipient, the deliveries in one insert. Returns how many were new.
 */
export async function notifyEach(
  executor: Executor,
  inputs: readonly NotificationInput[],
): Promise<number> {
  const byKey = new Map(inputs.map((input) => [dedupeKeyOf(input), input]));
  const unique = [...byKey.entries()];
  let written = 0;
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const rows = await executor
      .insert(notifications)
      .values(
        chunk.map(([dedupeKey, input]) => ({
          userId: "userId" in input.to ? input.to.userId : null,
          registrationId: "registrationId" in input.to ? input.to.registrationId : null,
          kind: input.kind,
          title: input.title,
          body: input.body ?? "",
          link: input.link ?? "",
          dedupeKey,
        })),
      )
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id, dedupeKey: notifications.dedupeKey });
    if (rows.length === 0) continue;
    written += rows.length;
    const added = rows.flatMap((row) => {
      const input = byKey.get(row.dedupeKey);
      return input ? [{ id: row.id, to: input.to }] : [];
    });
    const channels = await channelsOf(
      executor,
      added.map((row) => row.to),
    );
    const deliveries = added.flatMap((row) =>
      (channels.get(recipientTag(row.to)) ?? []).map((channel) => ({
        notificationId: row.id,
        channel,
      })),
    );
    if (deliveries.length > 0) {
      await executor.insert(notificationDeliveries).values(deliveries).onConflictDoNothing();
      signalOutboxWrite();
    }
  }
  return written;
}

/** Each recipient's outside channels, keyed by recipientTag. */
async function channelsOf(
  executor: Executor,
  recipients: readonly Recipient[],
): Promise<Map<string, DeliveryChannel[]>> {
  const result = new Map<string, DeliveryChannel[]>();
  const userIds = [...new Set(recipients.flatMap((to) => ("userId" in to ? [to.userId] : [])))];
  const registrationIds = [
    ...new Set(recipients.flatMap((to) => ("registrationId" in to ? [to.registrationId] : []))),
  ];
  if (registrationIds.length > 0) {
    const rows = await executor
      .select({
        id: registrations.id,
        phone: registrations.phone,
        anonymisedAt: registrations.anonymisedAt,
      })
      .from(registrations)
      .where(inArray(registrations.id, registrationIds));
    for (const row of rows) {
      if (row.phone && !row.anonymisedAt) result.set(`registration:${row.id}`, ["sms"]);
    }
  }
  if (userIds.length > 0) {
    const rows = await executor
      .select({
        id: users.id,
        email: users.email,
        phone: users.phone,
        notifyByEmail: users.notifyByEmail,
        notifyBySms: users.notifyBySms,
      })
      .from(users)
      .where(inArray(users.id, userIds));
    for (const user of rows) {
      const channels: DeliveryChannel[] = [];
      if (user.email && user.notifyByEmail) channels.push("email");
      if (user.phone && user.notifyBySms) channels.push("sms");
      result.set(`user:${user.id}`, channels);
    }
  }
  return result;
}
