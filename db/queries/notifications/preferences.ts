import "server-only";
import { eq } from "drizzle-orm";
import type { ChannelChoices } from "@/lib/notifications/channel-choices";
import type { Database } from "../../client";
import { openOptional, sealOptional } from "../../encryption/fields";
import { getDb } from "../../runtime";
import { users } from "../../schema";
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
 * id from the form), audited without the address itself.
 */
export async function saveChannelChoicesIn(
  db: Database,
  userId: number,
  choices: ChannelChoices,
  actor: { ip: string | null; actorLabel: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) return;
    const previous = openOptional("users.email", before.email);
    await tx
      .update(users)
      .set({
        email: sealOptional("users.email", choices.email),
        notifyByEmail: choices.byEmail,
        notifyBySms: choices.bySms,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
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
  });
}

export async function saveChannelChoices(
  userId: number,
  choices: ChannelChoices,
  actor: { ip: string | null; actorLabel: string },
) {
  await saveChannelChoicesIn(await getDb(), userId, choices, actor);
}
