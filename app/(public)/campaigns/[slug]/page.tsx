import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/calendar/breadcrumb";
import { CampaignHero } from "@/components/calendar/campaign-hero";
import { CampaignProgramme } from "@/components/calendar/campaign-programme";
import { getCampaignProgramme } from "@/db/queries/events/campaigns";
import { getEventReports, reportsAsOf } from "@/db/queries/news/event-reports";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { siteUrl } from "@/lib/site-url";
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
  const url = siteUrl(`/campaigns/${campaign.slug}`);
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
  return (
    <div className="space-y-8">
      <Breadcrumb trail={[{ href: "/", label: messages.calendar.home }]} current={campaign.name} />
      <CampaignHero campaign={campaign} figures={figures} />
      <CampaignProgramme events={events} reports={reports} timeZone={committee.timeZone} />
    </div>
  );
}
