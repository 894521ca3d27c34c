import type { Metadata } from "next";
import { MemberCheckinConfirm } from "@/components/checkin/member-checkin-confirm";
import { MemberCheckinResult } from "@/components/checkin/member-checkin-result";
import { checkinMessages } from "@/lib/messages/checkin";
import { requireUser } from "@/server/auth/session";
import { checkinQuery, viewMemberCheckin } from "@/server/checkin/member";
import { confirmMemberCheckinAction } from "./actions";

export const metadata: Metadata = { title: checkinMessages.member.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * 委员扫码签到: the address in the event's QR code (`?e=<event>&t=<token>`). Opening it only
 * CHECKS the code (a GET writes nothing: a prefetch or a link preview must not sign anyone
 * in) and shows the event with a 确认签到 button; the member's tap records the attendance.
 * Signed out, the login page comes first and brings the member back here.
 */
export default async function MemberCheckinPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = checkinQuery(one(params.e), one(params.t));
  const next = `/member/checkin?e=${encodeURIComponent(query.e)}&t=${encodeURIComponent(query.t)}`;
  const user = await requireUser({ roles: ["member"], next });
  const view = await viewMemberCheckin(user, query);
  return (
    <div className="mx-auto max-w-xl">
      {view.kind === "refused" ? (
        <MemberCheckinResult answer={view.answer} />
      ) : (
        <MemberCheckinConfirm
          initial={view.initial}
          event={view.event}
          action={confirmMemberCheckinAction}
          permalink={next}
        />
      )}
    </div>
  );
}
