import type { Metadata } from "next";
import Link from "next/link";
import { EventList } from "@/components/home/event-list";
import { NewNoteButton, StatusTiles, YearFigures } from "@/components/notes/dashboard";
import { NoteList } from "@/components/notes/note-list";
import { SectionHeading } from "@/components/ui/section-heading";
import {
  countMemberNotesByStatus,
  getMemberNoteFigures,
  listMemberNotes,
  listSectorUpcomingEvents,
} from "@/db/queries/notes";
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
  const d = m.dashboard;

  if (!mayFileNotes(user)) {
    return (
      <div className="space-y-4">
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{d.title}</h1>
        <p className="text-muted">{m.area.staffHint}</p>
        <Link href="/admin" className="inline-block text-brand-700 hover:underline">
          {m.area.staffConsole}
          <span aria-hidden="true"> ›</span>
        </Link>
      </div>
    );
  }

  const now = new Date();
  const tz = committee.timeZone;
  const year = localParts(now, tz).year;
  const [counts, recent, figures, upcoming] = await Promise.all([
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
  ]);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{d.title}</h1>
        <NewNoteButton className="w-full sm:w-auto" />
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <section aria-labelledby="status-title">
            <SectionHeading
              id="status-title"
              title={d.byStatus}
              moreHref="/member/notes"
              moreLabel={d.allNotes}
            />
            <StatusTiles counts={counts} />
          </section>
          <section aria-labelledby="recent-title">
            <SectionHeading id="recent-title" title={d.recent} />
            {recent.items.length > 0 ? (
              <NoteList items={recent.items} timeZone={tz} headingLevel={3} />
            ) : (
              <p className="rounded-md border border-dashed border-stone-300 bg-white p-5 text-muted">
                {d.noRecent}
              </p>
            )}
          </section>
        </div>

        <div className="space-y-8">
          <YearFigures year={year} filed={figures.filed} adopted={figures.adopted} />
          <section aria-labelledby="upcoming-title">
            <SectionHeading
              id="upcoming-title"
              title={d.upcoming}
              moreHref="/events"
              moreLabel={d.calendar}
            />
            {upcoming === null ? (
              <p className="text-muted">{d.noSector}</p>
            ) : (
              <>
                <p className="-mt-2 mb-3 text-sm text-muted">{d.upcomingHint}</p>
                <EventList items={upcoming} timeZone={tz} emptyText={d.noUpcoming} />
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
