import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditStaffWrite } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { eventAttendees, events } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import {
  checkinWindow,
  type MemberCheckinRefusal,
  TOKEN_GRACE_STEPS,
  verifyEventCheckinToken,
} from "@/lib/checkin/token";
import { AppError } from "@/lib/errors";

/**
 * 委员扫码签到: a member who scanned the event's rotating QR at the venue is recorded as
 * attending (event_attendees, which the duty record and the event's figures read). Once:
 * a second scan answers with the time of the first.
 *
 * Refusals are AppError("not_found") for no such event, or AppError("invalid_state", why)
 * with why = "invalid" (not this event's code), "cancelled", "not_yet", "over" (outside
 * the event's window) or "expired" (a code older than its grace, lib/checkin/token.ts).
 * Opening the QR's address only checks (`checkMemberCheckinIn`); the member's tap on
 * 确认签到 records (`signInAtEventIn`).
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

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type ShownEvent = MemberCheckin["event"];

/** The event (null: none), and why this token may not sign a member in at it now. */
async function judgeEvent(
  tx: Database | Tx,
  request: MemberCheckinRequest,
  now: Date,
  graceSteps: number,
): Promise<{ event: ShownEvent; refusal: MemberCheckinRefusal | null } | null> {
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
  if (!event) return null;
  const { status, ...shown } = event;
  const verdict = verifyEventCheckinToken(request.key, event.id, request.token, now, graceSteps);
  const window = checkinWindow(event, now);
  // A code that is not this event's says nothing more about the event.
  const refusal: MemberCheckinRefusal | null =
    verdict === "invalid"
      ? "invalid"
      : status === "cancelled"
        ? "cancelled"
        : window !== "open"
          ? window
          : verdict === "expired"
            ? "expired"
            : null;
  return { event: shown, refusal };
}

/** The event, if this token may sign a member in at it now; else the refusal, thrown. */
async function admissibleEvent(
  tx: Database | Tx,
  request: MemberCheckinRequest,
  now: Date,
  graceSteps: number,
): Promise<ShownEvent> {
  const judged = await judgeEvent(tx, request, now, graceSteps);
  if (!judged) throw new AppError("not_found");
  if (judged.refusal) throw new AppError("invalid_state", judged.refusal);
  return judged.event;
}

async function signedInAt(tx: Database | Tx, eventId: number, userId: number) {
  const [row] = await tx
    .select({ at: eventAttendees.createdAt })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.userId, userId)));
  return row?.at ?? null;
}

export interface MemberCheckinCheck {
  event: ShownEvent;
  /** When this member signed in already; null: not yet (the page offers 确认签到). */
  signedInAt: Date | null;
}

/**
 * What opening the QR's address does (a GET, so a prefetch, a link preview or a link from
 * another site may do it too): checks the token and the event, reads whether the member is
 * signed in already, and WRITES NOTHING. The refusals are those of `signInAtEventIn`.
 */
export async function checkMemberCheckinIn(
  db: Database,
  actor: Actor,
  request: MemberCheckinRequest,
  now = new Date(),
): Promise<MemberCheckinCheck> {
  if (actor.user.role !== "member") throw new AppError("forbidden");
  const judged = await judgeEvent(db, request, now, TOKEN_GRACE_STEPS.CHECK);
  if (!judged) throw new AppError("not_found");
  const { event, refusal } = judged;
  if (refusal === "invalid") throw new AppError("invalid_state", refusal);
  // With this event's genuine code, a member signed in already is told so, even once the
  // code has expired (the page shown again after the tap that signed them in).
  const at = await signedInAt(db, event.id, actor.user.id);
  if (at) return { event, signedInAt: at };
  if (refusal) throw new AppError("invalid_state", refusal);
  return { event, signedInAt: null };
}

/**
 * The member's tap on 确认签到 (a POST through the action gate): checks the token again,
 * with one step more of grace than the check (the tap follows it), and records the
 * attendance once.
 */
export async function signInAtEventIn(
  db: Database,
  actor: Actor,
  request: MemberCheckinRequest,
  now = new Date(),
): Promise<MemberCheckin> {
  if (actor.user.role !== "member") throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const shown = await admissibleEvent(tx, request, now, TOKEN_GRACE_STEPS.CONFIRM);
    const [inserted] = await tx
      .insert(eventAttendees)
      .values({ eventId: shown.id, userId: actor.user.id, createdAt: now })
      .onConflictDoNothing()
      .returning({ at: eventAttendees.createdAt });
    if (inserted) {
      await auditStaffWrite(tx, actor, {
        action: "event.member_check_in",
        targetType: "event",
        targetId: String(shown.id),
        details: { by: "qr" },
      });
      return { outcome: "signed_in", at: inserted.at, event: shown };
    }
    const earlier = await signedInAt(tx, shown.id, actor.user.id);
    return { outcome: "already", at: earlier ?? now, event: shown };
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

export async function checkMemberCheckin(actor: Actor, request: MemberCheckinRequest) {
  return checkMemberCheckinIn(await getDb(), actor, request);
}

export async function signInAtEvent(actor: Actor, request: MemberCheckinRequest) {
  return signInAtEventIn(await getDb(), actor, request);
}

export async function countMemberCheckins(eventId: number) {
  return countMemberCheckinsIn(await getDb(), eventId);
}
