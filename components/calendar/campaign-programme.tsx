import { SectionHeading } from "@/components/ui/section-heading";
import type { CalendarEvent } from "@/db/queries/events/organisers";
import type { EventReport } from "@/db/queries/news/event-reports";
import { groupEventsByDay } from "@/lib/calendar/month";
import { messages } from "@/lib/messages";
import { EventAgenda } from "./event-agenda";
import { ReportList } from "./report-list";

const m = messages.calendar;

/** A campaign's programme day by day (each event linking its first report), and its reports. */
export function CampaignProgramme({
  events,
  reports,
  timeZone,
}: {
  events: CalendarEvent[];
  reports: EventReport[];
  timeZone: string;
}) {
  const days = [...groupEventsByDay(events, timeZone)];
  const years = new Set(days.map(([date]) => date.slice(0, 4)));
  const reportOf = new Map<number, EventReport>();
  for (const report of reports)
    if (!reportOf.has(report.eventId)) reportOf.set(report.eventId, report);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="programme-title">
        <SectionHeading id="programme-title" title={m.campaign.programme} />
        {days.length > 0 ? (
          <div className="rounded-md bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
            <EventAgenda
              days={days}
              timeZone={timeZone}
              idPrefix="programme"
              reports={reportOf}
              showYear={years.size > 1}
            />
          </div>
        ) : (
          <p className="text-muted">{m.campaign.noEvents}</p>
        )}
      </section>
      <section aria-labelledby="campaign-reports-title">
        <SectionHeading id="campaign-reports-title" title={m.campaign.reports} />
        {reports.length > 0 ? (
          <ReportList reports={[...reports].reverse()} timeZone={timeZone} />
        ) : (
          <p className="text-muted">{m.campaign.noReports}</p>
        )}
      </section>
    </div>
  );
}
