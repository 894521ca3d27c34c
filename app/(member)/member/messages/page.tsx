import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Inbox } from "@/components/notifications/inbox";
import { listInbox } from "@/db/queries/notifications/inbox";
import { getCommitteeInfo } from "@/db/queries/settings";
import { inboxMessages as m } from "@/lib/messages/notifications";
import { requireUser } from "@/server/auth/session";
import { inboxNotice, MEMBER_INBOX, STAFF_INBOX } from "@/server/notifications/inbox";
import {
  markAllMemberMessagesReadAction,
  markMemberMessageReadAction,
  openMemberMessageAction,
} from "./actions";

export const metadata: Metadata = { title: m.title };

type Params = Promise<Record<string, string | string[] | undefined>>;

/** The member's message centre; staff read theirs in the console. */
export default async function MemberMessagesPage({ searchParams }: { searchParams: Params }) {
  const user = await requireUser({ next: MEMBER_INBOX.href });
  if (user.role !== "member") redirect(STAFF_INBOX.href);
  const params = await searchParams;
  const [inbox, committee] = await Promise.all([
    listInbox(user.id, { page: Number(params.page) || 1 }),
    getCommitteeInfo(),
  ]);
  return (
    <Inbox
      inbox={inbox}
      listHref={MEMBER_INBOX.href}
      timeZone={committee.timeZone}
      intro={m.intro.member}
      notice={inboxNotice(params)}
      actions={{
        open: openMemberMessageAction,
        markRead: markMemberMessageReadAction,
        markAllRead: markAllMemberMessagesReadAction,
      }}
    />
  );
}
