import { Inbox } from "@/components/notifications/inbox";
import { listInbox } from "@/db/queries/notifications/inbox";
import { getCommitteeInfo } from "@/db/queries/settings";
import { inboxMessages as m } from "@/lib/messages/notifications";
import { requireStaff, staffPageTitle } from "@/server/action";
import { inboxNotice, STAFF_INBOX } from "@/server/notifications/inbox";
import {
  markAllStaffMessagesReadAction,
  markStaffMessageReadAction,
  openStaffMessageAction,
} from "./actions";

export const generateMetadata = staffPageTitle(m.title);

type Params = Promise<Record<string, string | string[] | undefined>>;

/** The message centre of every staff role: submissions to review, transfers due, opinions. */
export default async function StaffMessagesPage({ searchParams }: { searchParams: Params }) {
  const user = await requireStaff("console.enter", STAFF_INBOX.href);
  const params = await searchParams;
  const [inbox, committee] = await Promise.all([
    listInbox(user.id, { page: Number(params.page) || 1 }),
    getCommitteeInfo(),
  ]);
  return (
    <Inbox
      inbox={inbox}
      listHref={STAFF_INBOX.href}
      timeZone={committee.timeZone}
      intro={m.intro.staff}
      notice={inboxNotice(params)}
      actions={{
        open: openStaffMessageAction,
        markRead: markStaffMessageReadAction,
        markAllRead: markAllStaffMessagesReadAction,
      }}
    />
  );
}
