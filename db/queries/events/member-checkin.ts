import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditStaffWrite } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { eventAttendees, events } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { checkinWindow, verifyEventCheckinToken } from "@/lib/checkin/token";
import { AppError } from "@/lib/errors";

/**
 * 委员扫码签到: a member who scanned the event's rotating QR at the venue is recorded as
 * attending (event_attendees, which the duty record and the event's figures read). Once:
 * a second scan answers with the time of the first.
 *
 * Refusals are AppError("not_found") for no such event, or AppError("invalid_state", why)
 * with why = "invalid" (not this event's code), "cancelled", "not_yet", "over" (outside
 * the event's window) or "expired" (a code older than the previous step).
 */

export type { MemberCheckinRefusal } from "@/lib/checkin/token";

export interface MemberCheckin {
  outcome: "signed_in" | "already";
  at: Date;
  event: { id: number; title: string; startsAt: Date; endsAt: Date };
}

export interface MemberCheckinRequest {
  eventId: number;
  token: string;
  /** The server's check-in key (server/checkin/key.ts). */
  key: Uint8Array;
}

export async function signInAtEventIn(
  db: Database,
  actor: Actor,
  request: MemberCheckinRequest,
  now = new Date(),
): Promise<MemberCheckin> {
  if (actor.user.role !== "member") throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const [event] = await tx
      .select({
        id: events.id,
        title: events.title,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        status: events.status,
      })
      .from(events)
      .where(eq(events.id, request.eventId));
    if (!event) throw new AppError("not_found");
    const verdict = verifyEventCheckinToken(request.key, event.id, request.token, now);
    // A code that is not this event's says nothing more about the event.
    if (verdict === "invalid") throw new AppError("invalid_state", "invalid");
    if (event.status === "cancelled") throw new AppError("invalid_state", "cancelled");
    const window = checkinWindow(event, now);
    if (window !== "open") throw new AppError("invalid_state", window);
    if (verdict === "expired") throw new AppError("invalid_state", "expired");

    const { status: _status, ...shown } = event;
    const [inserted] = await tx
      .insert(eventAttendees)
      .values({ eventId: event.id, userId: actor.user.id, createdAt: now })
      .onConflictDoNothing()
      .returning({ at: eventAttendees.createdAt });
    if (inserted) {
      await auditStaffWrite(tx, actor, {
        action: "event.member_check_in",
        targetType: "event",
        targetId: String(event.id),
        details: { by: "qr" },
      });
      return { outcome: "signed_in", at: inserted.at, event: shown };
    }
    const [earlier] = await tx
      .select({ at: eventAttendees.createdAt })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, event.id), eq(eventAttendees.userId, actor.user.id)));
    return { outcome: "already", at: earlier?.at ?? now, event: shown };
  });
}

/** How many members signed in at the event (the staff side's figures). */
export async function countMemberCheckinsIn(db: Database, eventId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(eventAttendees)
    .where(eq(eventAttendees.eventId, eventId));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function signInAtEvent(actor: Actor, request: MemberCheckinRequest) {
  return signInAtEventIn(await getDb(), actor, request);
}

export async function countMemberCheckins(eventId: number) {
  return countMemberCheckinsIn(await getDb(), eventId);
}
