import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { DeliveryChannel, NotificationKind } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { notificationDeliveries, notifications, users } from "../../schema";
import { auditStaffWrite } from "../shared/write";
import { signalOutboxWrite } from "./wake";

/**
 * The administrators' view of the outbox (/admin/notifications): deliveries that failed or
 * still wait, with the last error, and the retry of a failed one. No address is read here:
 * the page names the recipient, never their e-mail or phone.
 */

const nd = notificationDeliveries;
export const DELIVERIES_PAGE_SIZE = 30;
export type DeliveryListStatus = "failed" | "pending";

export interface DeliveryRow {
  id: number;
  channel: DeliveryChannel;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  kind: NotificationKind;
  title: string;
  recipientName: string | null;
  registrationId: number | null;
}

export async function listDeliveriesIn(
  db: Database,
  options: { status: DeliveryListStatus; page: number },
): Promise<{ rows: DeliveryRow[]; total: number }> {
  const where = eq(nd.status, options.status);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: nd.id,
        channel: nd.channel,
        attempts: nd.attempts,
        nextAttemptAt: nd.nextAttemptAt,
        lastError: nd.lastError,
        createdAt: nd.createdAt,
        kind: notifications.kind,
        title: notifications.title,
        recipientName: users.displayName,
        registrationId: notifications.registrationId,
      })
      .from(nd)
      .innerJoin(notifications, eq(notifications.id, nd.notificationId))
      .leftJoin(users, eq(users.id, notifications.userId))
      .where(where)
      .orderBy(desc(nd.createdAt), desc(nd.id))
      .limit(DELIVERIES_PAGE_SIZE)
      .offset((Math.max(1, options.page) - 1) * DELIVERIES_PAGE_SIZE),
    db.select({ n: count() }).from(nd).where(where),
  ]);
  return { rows, total: totals?.n ?? 0 };
}

export async function listDeliveries(options: { status: DeliveryListStatus; page: number }) {
  return listDeliveriesIn(await getDb(), options);
}

/**
 * Puts a failed delivery back in the queue: pending, due now, its attempts counted afresh
 * (the last error stays until the next attempt replaces it). Audited in the same
 * transaction. Refuses a delivery that is not failed (`invalid_state`) or not there.
 */
export async function retryDeliveryIn(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: nd.status, attempts: nd.attempts, channel: nd.channel })
      .from(nd)
      .where(eq(nd.id, id))
      .for("update");
    if (!row) throw new AppError("not_found");
    if (row.status !== "failed") throw new AppError("invalid_state");
    await tx
      .update(nd)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
      .where(and(eq(nd.id, id), eq(nd.status, "failed")));
    await auditStaffWrite(tx, actor, {
      action: "notification.delivery.retry",
      targetType: "notification_delivery",
      targetId: String(id),
      details: { channel: row.channel, attempts: row.attempts },
    });
  });
  signalOutboxWrite();
}

export async function retryDelivery(actor: Actor, id: number): Promise<void> {
  await retryDeliveryIn(await getDb(), actor, id);
}
