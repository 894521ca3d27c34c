import "server-only";
import { and, desc, eq, like } from "drizzle-orm";
import type { ChannelChoices } from "@/lib/notifications/channel-choices";
import type { Database } from "../../client";
import { openOptional, sealField, sealOptional } from "../../encryption/fields";
import { getDb } from "../../runtime";
import { notificationDeliveries, notifications, users } from "../../schema";
import { writeAudit } from "../audit/write";

/**
 * A person's own notification channels (the profile's "通知方式"): the e-mail address,
 * stored encrypted like the phone, and whether to use e-mail and SMS. In-app is always on.
 */

export interface ChannelChoicesView extends ChannelChoices {
  /** The account's phone, masked (SMS goes there), or null when it has none. */
  phoneMasked: string | null;
}

export async function getChannelChoicesIn(
  db: Database,
  userId: number,
): Promise<ChannelChoicesView | null> {
  const [row] = await db
    .select({
      email: users.email,
      byEmail: users.notifyByEmail,
      bySms: users.notifyBySms,
      phone: users.phone,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const phone = openOptional("users.phone", row.phone);
  return {
    email: openOptional("users.email", row.email),
    byEmail: row.byEmail,
    bySms: row.bySms,
    phoneMasked: phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null,
  };
}

export async function getChannelChoices(userId: number) {
  return getChannelChoicesIn(await getDb(), userId);
}

/**
 * Saves the choices of the account `userId` (the caller's own: the action never takes an
 * id from the form, and asks for the password first: server/auth/account.ts). A security
 * event, audited without the address itself: the audit entry's notice is written BEFORE
 * the change, on the channels in force until now, and its deliveries keep the address and
 * phone of before (a delivery otherwise reads them when it is sent), so whoever changed
 * the address cannot keep the holder from hearing of it.
 */
export async function saveChannelChoicesIn(
  db: Database,
  userId: number,
  choices: ChannelChoices,
  actor: { ip: string | null; actorLabel: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ email: users.email, phone: users.phone })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) return;
    const previous = openOptional("users.email", before.email);
    await writeAudit(tx, {
      action: "user.notification_channels",
      actorId: userId,
      actorLabel: actor.actorLabel,
      ip: actor.ip,
      targetType: "user",
      targetId: String(userId),
      details: {
        email: previous === choices.email ? "unchanged" : choices.email ? "set" : "cleared",
        byEmail: choices.byEmail,
        bySms: choices.bySms,
      },
    });
    await pinNoticeAddresses(tx, userId, {
      email: previous,
      phone: openOptional("users.phone", before.phone),
    });
    await tx
      .update(users)
      .set({
        email: sealOptional("users.email", choices.email),
        notifyByEmail: choices.byEmail,
        notifyBySms: choices.bySms,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
  });
}

/** The deliveries of the notice just written (the newest of its kind) keep these addresses. */
async function pinNoticeAddresses(
  tx: Pick<Database, "select" | "update">,
  userId: number,
  before: { email: string | null; phone: string | null },
): Promise<void> {
  const [notice] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        like(notifications.dedupeKey, "account.security:user.notification_channels:%"),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(1);
  if (!notice) return;
  const pins = [
    ["email", before.email],
    ["sms", before.phone],
  ] as const;
  for (const [channel, address] of pins) {
    if (!address) continue;
    await tx
      .update(notificationDeliveries)
      .set({ address: sealField("notification_deliveries.address", address) })
      .where(
        and(
          eq(notificationDeliveries.notificationId, notice.id),
          eq(notificationDeliveries.channel, channel),
        ),
      );
  }
}
