import "server-only";
import {
  checkMemberCheckin,
  type MemberCheckinRequest,
  signInAtEvent,
} from "@/db/queries/events/member-checkin";
import { getCommitteeInfo } from "@/db/queries/settings";
import { formatEventWhen } from "@/lib/attendance";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { isMemberCheckinRefusal, type MemberCheckinAnswer } from "@/lib/checkin/token";
import { isAppError } from "@/lib/errors";
import { type FormState, idleForm } from "@/lib/form-state";
import { formatDateTime } from "@/lib/time";
import { actorOf, gatedAction } from "../action";
import { eventCheckinKey } from "./key";

/**
 * 委员扫码签到, the two halves. Opening the QR's address (`/member/checkin?e=…&t=…`, a GET)
 * only checks the token and shows the event with a 确认签到 button; a GET must not write,
 * since a prefetch, a link preview or a link from another site may make it. The member's
 * tap posts to `confirmMemberCheckin` (through the action gate), which checks again and
 * records the attendance once.
 */

export type MemberCheckinValues = { e: string; t: string };
export type MemberCheckinState = FormState<MemberCheckinValues, MemberCheckinAnswer>;

/** What the address carries, trimmed: the event id and the token. */
export const checkinQuery = (e: string, t: string): MemberCheckinValues => ({
  e: e.slice(0, 12),
  t: t.slice(0, 80),
});

type Refused = Extract<MemberCheckinAnswer, { ok: false }>;

/** The request, or a refusal for an event id that cannot be one. */
function requestOf({ e, t }: MemberCheckinValues): MemberCheckinRequest | Refused {
  if (!/^[1-9]\d{0,8}$/.test(e)) return { ok: false, why: "not_found" };
  return { eventId: Number(e), token: t, key: eventCheckinKey() };
}

function refusalOf(error: unknown): Refused {
  if (!isAppError(error)) throw error;
  if (error.code === "invalid_state" && isMemberCheckinRefusal(error.field)) {
    return { ok: false, why: error.field };
  }
  return { ok: false, why: "not_found" };
}

export type MemberCheckinView =
  | { kind: "refused"; answer: Refused }
  | { kind: "confirm"; event: { title: string; when: string }; initial: MemberCheckinState };

/** The GET: checks, writes nothing. Signed in already → the answer, no button. */
export async function viewMemberCheckin(
  user: SessionUser,
  query: MemberCheckinValues,
): Promise<MemberCheckinView> {
  const request = requestOf(query);
  if ("ok" in request) return { kind: "refused", answer: request };
  try {
    const [{ event, signedInAt }, { timeZone }] = await Promise.all([
      checkMemberCheckin(await actorOf(user), request),
      getCommitteeInfo(),
    ]);
    const when = formatEventWhen(event.startsAt, event.endsAt, timeZone);
    const initial: MemberCheckinState = idleForm(query);
    if (signedInAt) {
      const at = formatDateTime(signedInAt, timeZone);
      initial.result = { ok: true, outcome: "already", title: event.title, at, when };
    }
    return { kind: "confirm", event: { title: event.title, when }, initial };
  } catch (error) {
    return { kind: "refused", answer: refusalOf(error) };
  }
}

/** The POST of 确认签到: the gate (a member), the token checked again, the attendance once. */
export async function confirmMemberCheckin(formData: FormData): Promise<MemberCheckinState> {
  return gatedAction<MemberCheckinValues, MemberCheckinValues, MemberCheckinAnswer>(formData, {
    label: "member check-in",
    roles: ["member"],
    permission: "duty.view",
    fields: ["e", "t"],
    errors: {},
    parse: (values) => ({ ok: true, data: checkinQuery(values.e, values.t) }),
    run: async (query, actor: Actor) => {
      const done = (result: MemberCheckinAnswer): MemberCheckinState => ({
        ...idleForm(query),
        status: result.ok ? "ok" : "error",
        result,
      });
      const request = requestOf(query);
      if ("ok" in request) return done(request);
      try {
        const [checkin, { timeZone }] = await Promise.all([
          signInAtEvent(actor, request),
          getCommitteeInfo(),
        ]);
        return done({
          ok: true,
          outcome: checkin.outcome,
          title: checkin.event.title,
          at: formatDateTime(checkin.at, timeZone),
          when: formatEventWhen(checkin.event.startsAt, checkin.event.endsAt, timeZone),
        });
      } catch (error) {
        return done(refusalOf(error));
      }
    },
  });
}
