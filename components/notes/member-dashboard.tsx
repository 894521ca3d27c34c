import Link from "next/link";
import type { EventListItem } from "@/db/queries/events/organisers";
import type { MemberNoteListItem, NoteStatusCounts } from "@/db/queries/notes/member";
import { notesMessages as m } from "@/lib/messages/notes";
import { inboxMessages } from "@/lib/messages/notifications";
import { EventList } from "../home/event-list";
import { SectionHeading } from "../ui/section-heading";
import { NewNoteButton, StatusTiles, YearFigures } from "./dashboard";
import { NoteList } from "./note-list";

const d = m.dashboard;

/** The member area's home for staff, who file no notes: the way to the console. */
export function StaffHint() {
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

/** The member's home: notes by status, the latest ones, the year's figures, coming events. */
export function MemberDashboard({
  counts,
  recent,
  figures,
  upcoming,
  unread,
  timeZone,
}: {
  counts: NoteStatusCounts;
  recent: MemberNoteListItem[];
  figures: { year: number; filed: number; adopted: number };
  /** The member's sector's coming events; null when the member has no sector. */
  upcoming: EventListItem[] | null;
  /** Unread messages in the member's message centre. */
  unread: number;
  timeZone: string;
}) {
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{d.title}</h1>
        <NewNoteButton className="w-full sm:w-auto" />
      </div>
      <UnreadLine unread={unread} />

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
            {recent.length > 0 ? (
              <NoteList items={recent} timeZone={timeZone} headingLevel={3} />
            ) : (
              <p className="rounded-md border border-dashed border-stone-300 bg-white p-5 text-muted">
                {d.noRecent}
              </p>
            )}
          </section>
        </div>

        <div className="space-y-8">
          <YearFigures year={figures.year} filed={figures.filed} adopted={figures.adopted} />
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
                <EventList items={upcoming} timeZone={timeZone} emptyText={d.noUpcoming} />
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** The message centre's unread count, and the way there. */
function UnreadLine({ unread }: { unread: number }) {
  return (
    <p
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-4 py-3 ${
        unread > 0 ? "border-brand-600 bg-brand-50" : "border-stone-200 bg-white"
      }`}
    >
      <span className={unread > 0 ? "font-semibold text-brand-800" : "text-muted"}>
        {inboxMessages.dashboardUnread(unread)}
      </span>
      <Link href="/member/messages" className="text-brand-700 underline-offset-2 hover:underline">
        {inboxMessages.dashboardLink}
        <span aria-hidden="true"> ›</span>
      </Link>
    </p>
  );
}
