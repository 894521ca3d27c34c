import type { Metadata } from "next";
import { MemberDashboard, StaffHint } from "@/components/notes/member-dashboard";
import { listSectorUpcomingEvents } from "@/db/queries/events/note-choices";
import {
  countMemberNotesByStatus,
  getMemberNoteFigures,
  listMemberNotes,
} from "@/db/queries/notes/member";
import { countUnread } from "@/db/queries/notifications/inbox";
import { getCommitteeInfo } from "@/db/queries/settings";
import { notesMessages as m } from "@/lib/messages/notes";
import { mayFileNotes } from "@/lib/notes/access";
import { localParts, zonedInstant } from "@/lib/time";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: m.dashboard.title };

const UPCOMING_DAYS = 30;

export default async function MemberDashboardPage() {
  const user = await requireUser({ next: "/member" });
  const committee = await getCommitteeInfo();

  if (!mayFileNotes(user)) return <StaffHint />;

  const now = new Date();
  const tz = committee.timeZone;
  const year = localParts(now, tz).year;
  const [counts, recent, figures, upcoming, unread] = await Promise.all([
    countMemberNotesByStatus(user.id),
    listMemberNotes(user.id, { limit: 5 }),
    getMemberNoteFigures(
      user.id,
      zonedInstant(`${year}-01-01`, "00:00", tz),
      zonedInstant(`${year + 1}-01-01`, "00:00", tz),
    ),
    user.sectorId === null
      ? Promise.resolve(null)
      : listSectorUpcomingEvents(user.sectorId, {
          now,
          until: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000),
          limit: 6,
        }),
    countUnread(user.id),
  ]);

  return (
    <MemberDashboard
      counts={counts}
      recent={recent.items}
      figures={{ year, ...figures }}
      upcoming={upcoming}
      unread={unread}
      timeZone={tz}
    />
  );
}
