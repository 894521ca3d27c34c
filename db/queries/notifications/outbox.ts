import "server-only";
import { eq } from "drizzle-orm";
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
  const [row] = await executor
    .insert(notifications)
    .values({
      userId: "userId" in input.to ? input.to.userId : null,
      registrationId: "registrationId" in input.to ? input.to.registrationId : null,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      link: input.link ?? "",
      dedupeKey: dedupeKeyOf(input),
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (!row) return false;
  const channels = await channelsFor(executor, input.to);
  if (channels.length > 0) {
    await executor
      .insert(notificationDeliveries)
      .values(channels.map((channel) => ({ notificationId: row.id, channel })))
      .onConflictDoNothing();
    signalOutboxWrite();
  }
  return true;
}

/** The same for several recipients (e.g. every member of a sector), one after another. */
export async function notifyEach(
  executor: Executor,
  inputs: readonly NotificationInput[],
): Promise<number> {
  let written = 0;
  for (const input of inputs) if (await notify(executor, input)) written += 1;
  return written;
}

async function channelsFor(executor: Executor, to: Recipient): Promise<DeliveryChannel[]> {
  if ("registrationId" in to) {
    const [registration] = await executor
      .select({ phone: registrations.phone, anonymisedAt: registrations.anonymisedAt })
      .from(registrations)
      .where(eq(registrations.id, to.registrationId));
    return registration && !registration.anonymisedAt && registration.phone ? ["sms"] : [];
  }
  const [user] = await executor
    .select({
      email: users.email,
      phone: users.phone,
      notifyByEmail: users.notifyByEmail,
      notifyBySms: users.notifyBySms,
    })
    .from(users)
    .where(eq(users.id, to.userId));
  if (!user) return [];
  const channels: DeliveryChannel[] = [];
  if (user.email && user.notifyByEmail) channels.push("email");
  if (user.phone && user.notifyBySms) channels.push("sms");
  return channels;
}
