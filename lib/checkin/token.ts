import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The event's own check-in QR (委员扫码签到): a token that proves the holder saw the code
 * shown at the venue a moment ago. It is an HMAC, under a server key, of the event id and
 * the current time step; the page shows a fresh one every step, and a token of the current
 * or the previous step is accepted, so a code scanned just before it turned over still
 * works while a photo of it sent home stops working within two steps. It is accepted only
 * during the event's window: a little before the start until the end.
 */

export const CHECKIN_STEP_SECONDS = 60;
/** Members arriving early may sign in this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;

const TOKEN_PATTERN = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/;

export const checkinStep = (now: Date) => Math.floor(now.getTime() / 1000 / CHECKIN_STEP_SECONDS);

function mac(key: Uint8Array, eventId: number, step: number): Buffer {
  return createHmac("sha256", key)
    .update(`lvzhi.event-checkin.v1:${eventId}:${step}`)
    .digest()
    .subarray(0, 16);
}

/** The token to show now: `<step>.<mac>`, URL-safe. */
export function eventCheckinToken(key: Uint8Array, eventId: number, now: Date): string {
  const step = checkinStep(now);
  return `${step}.${mac(key, eventId, step).toString("base64url")}`;
}

export type TokenVerdict = "ok" | "expired" | "invalid";

/**
 * How many steps old a token may be: opening the QR's address checks it with the current or
 * the previous step (`CHECK`); the member's tap on 确认签到 that follows accepts one step
 * more (`CONFIRM`), so a token the page accepted at the last second of its grace is still
 * good for the tap, a minute at least after the page showed the button.
 */
export const TOKEN_GRACE_STEPS = { CHECK: 1, CONFIRM: 2 } as const;

/**
 * "invalid": not made by this server for this event (typed, altered, another event's);
 * "expired": genuine, but more than `graceSteps` steps old (or from the future).
 */
export function verifyEventCheckinToken(
  key: Uint8Array,
  eventId: number,
  token: string,
  now: Date,
  graceSteps: number = TOKEN_GRACE_STEPS.CHECK,
): TokenVerdict {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return "invalid";
  const step = Number(match[1]);
  const given = Buffer.from(match[2] ?? "", "base64url");
  const expected = mac(key, eventId, step);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const current = checkinStep(now);
  return step <= current && step >= current - graceSteps ? "ok" : "expired";
}

export interface CheckinWindowEvent {
  startsAt: Date;
  endsAt: Date;
}

export type WindowVerdict = "open" | "not_yet" | "over";

/** Whether members may sign in at this moment: from a little before the start to the end. */
export function checkinWindow(event: CheckinWindowEvent, now: Date): WindowVerdict {
  if (now.getTime() < event.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) return "not_yet";
  if (now.getTime() > event.endsAt.getTime()) return "over";
  return "open";
}

/** When the sign-in QR opens, for the staff page's "not yet" notice. */
export const checkinOpensAt = (event: CheckinWindowEvent) =>
  new Date(event.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS);

/** The address the QR carries: a page on this site, so the phone's own camera opens it. */
export function memberCheckinUrl(siteUrl: string, eventId: number, token: string): string {
  const url = new URL("/member/checkin", siteUrl);
  url.searchParams.set("e", String(eventId));
  url.searchParams.set("t", token);
  return url.toString();
}

/** Why a member's sign-in was refused (besides an unknown event). */
export const memberCheckinRefusals = [
  "invalid",
  "cancelled",
  "not_yet",
  "over",
  "expired",
] as const;
export type MemberCheckinRefusal = (typeof memberCheckinRefusals)[number];
export const isMemberCheckinRefusal = (value: unknown): value is MemberCheckinRefusal =>
  (memberCheckinRefusals as readonly unknown[]).includes(value);

/** What the member is told: signed in (now or earlier, when), or why not. Plain strings. */
export type MemberCheckinAnswer =
  | { ok: true; outcome: "signed_in" | "already"; title: string; at: string; when: string }
  | { ok: false; why: MemberCheckinRefusal | "not_found" };
