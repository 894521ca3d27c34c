import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { phoneIndex } from "@/db/encryption/fields";
import { notify } from "@/db/queries/notifications/outbox";
import { getDb } from "@/db/runtime";
import { events, registrations } from "@/db/schema";
import { checkinMessages } from "@/lib/messages/checkin";

const m = checkinMessages.resend;

/** Requests for the same registration within this span write one message, not several. */
export const RESEND_BUCKET_MS = 5 * 60_000;

/**
 * A registrant who lost the code asks for it again with the phone they registered with:
 * when that phone holds a live registration for the event, the code goes into the outbox
 * as an SMS to that registration's phone (the delivery worker sends it). The caller tells
 * every asker the same thing whatever this finds: the answer is no oracle for who
 * registered. Returns whether a message was written (for tests and logs only).
 */
export async function resendRegistrationCodeIn(
  db: Database,
  request: { eventId: number; phone: string },
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: registrations.id, code: registrations.code, title: events.title })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(
        and(
          eq(registrations.eventId, request.eventId),
          eq(registrations.phoneHash, phoneIndex(request.phone)),
          ne(registrations.status, "cancelled"),
          isNull(registrations.anonymisedAt),
        ),
      );
    if (!row) return false;
    return notify(tx, {
      to: { registrationId: row.id },
      kind: "registration.code_resent",
      key: String(Math.floor(now.getTime() / RESEND_BUCKET_MS)),
      title: m.smsTitle(row.code),
      body: m.smsBody(row.title, row.code),
      link: "/registrations",
    });
  });
}

export async function resendRegistrationCode(request: { eventId: number; phone: string }) {
  return resendRegistrationCodeIn(await getDb(), request);
}
