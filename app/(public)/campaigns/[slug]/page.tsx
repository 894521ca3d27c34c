import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/calendar/breadcrumb";
import { CampaignHero } from "@/components/calendar/campaign-hero";
import { EventAgenda } from "@/components/calendar/event-agenda";
import { ReportList } from "@/components/calendar/report-list";
import { SectionHeading } from "@/components/ui/section-heading";
import { getCampaignProgramme } from "@/db/queries/campaigns";
import { getEventReports, reportsAsOf } from "@/db/queries/events";
import { getCommitteeInfo } from "@/db/queries/settings";
import { groupEventsByDay } from "@/lib/calendar";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import { formatDateSpan } from "@/lib/time";

type Props = { params: Promise<{ slug: string }> };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

async function loadProgramme(params: Props["params"]) {
  const { slug } = await params;
  return SLUG.test(slug) ? getCampaignProgramme(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await loadProgramme(params);
  if (!programme) return { title: messages.errors.notFoundTitle };
  const { campaign } = programme;
  const description = `${formatDateSpan(campaign.startsOn, campaign.endsOn)} · ${campaign.summary}`;
  const url = new URL(`/campaigns/${campaign.slug}`, env.SITE_URL).toString();
  return {
    title: campaign.name,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", title: campaign.name, description, url, locale: "zh_CN" },
  };
}

export default async function CampaignPage({ params }: Props) {
  const programme = await loadProgramme(params);
  if (!programme) notFound();
  const { campaign, figures, events } = programme;
  const [committee, reports] = await Promise.all([
    getCommitteeInfo(),
    getEventReports(
      events.map((e) => e.id),
      reportsAsOf(),
    ),
  ]);
  const m = messages.calendar;
  const timeZone = committee.timeZone;
  const days = [...groupEventsByDay(events, timeZone)];
  const years = new Set(days.map(([date]) => date.slice(0, 4)));
  // The first report of each event is linked from the programme.
  const reportOf = new Map<number, (typeof reports)[number]>();
  for (const report of reports)
    if (!reportOf.has(report.eventId)) reportOf.set(report.eventId, report);

  return (
    <div className="space-y-8">
      <Breadcrumb trail={[{ href: "/", label: m.home }]} current={campaign.name} />
      <CampaignHero campaign={campaign} figures={figures} />
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
    </div>
  );
}
