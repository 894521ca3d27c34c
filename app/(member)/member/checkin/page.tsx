import type { Metadata } from "next";
import {
  type MemberCheckinAnswer,
  MemberCheckinResult,
} from "@/components/checkin/member-checkin-result";
import { signInAtEvent } from "@/db/queries/events/member-checkin";
import { getCommitteeInfo } from "@/db/queries/settings";
import { formatEventWhen } from "@/lib/attendance";
import { isMemberCheckinRefusal } from "@/lib/checkin/token";
import { isAppError } from "@/lib/errors";
import { checkinMessages } from "@/lib/messages/checkin";
import { formatDateTime } from "@/lib/time";
import { actorOf } from "@/server/action";
import { requireUser } from "@/server/auth/session";
import { eventCheckinKey } from "@/server/checkin/key";

export const metadata: Metadata = { title: checkinMessages.member.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * 委员扫码签到: the address in the event's QR code (`?e=<event>&t=<token>`). Opening it
 * signed in as a member records the attendance (once; event_attendees, the duty record);
 * signed out, the login page comes first and brings the member back here. Opening it is
 * the sign-in, so the phone's own camera app is enough.
 */
export default async function MemberCheckinPage({ searchParams }: Props) {
  const query = await searchParams;
  const e = one(query.e);
  const t = one(query.t).slice(0, 80);
  const next = `/member/checkin?e=${encodeURIComponent(e)}&t=${encodeURIComponent(t)}`;
  const user = await requireUser({ roles: ["member"], next });
  const answer = await answerFor(user, e, t);
  return (
    <div className="mx-auto max-w-xl">
      <MemberCheckinResult answer={answer} />
    </div>
  );
}

async function answerFor(
  user: Awaited<ReturnType<typeof requireUser>>,
  e: string,
  token: string,
): Promise<MemberCheckinAnswer> {
  if (!/^[1-9]\d{0,8}$/.test(e)) return { ok: false, why: "not_found" };
  try {
    const [checkin, { timeZone }] = await Promise.all([
      signInAtEvent(await actorOf(user), { eventId: Number(e), token, key: eventCheckinKey() }),
      getCommitteeInfo(),
    ]);
    return {
      ok: true,
      checkin,
      at: formatDateTime(checkin.at, timeZone),
      when: formatEventWhen(checkin.event.startsAt, checkin.event.endsAt, timeZone),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "invalid_state" && isMemberCheckinRefusal(error.field)) {
      return { ok: false, why: error.field };
    }
    return { ok: false, why: "not_found" };
  }
}
