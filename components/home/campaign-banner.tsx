import Link from "next/link";
import type { CampaignFigures } from "@/db/queries/events/campaigns";
import type { Campaign } from "@/db/schema";
import { messages } from "@/lib/messages";
import { formatDateSpan } from "@/lib/time";

export function CampaignBanner({
  campaign,
  figures,
  today,
}: {
  campaign: Campaign;
  figures: CampaignFigures;
  today: string;
}) {
  const m = messages.home;
  const state =
    campaign.startsOn > today
      ? m.upcomingCampaign
      : campaign.endsOn < today
        ? m.pastCampaign
        : m.currentCampaign;
  return (
    <section
      aria-labelledby="campaign-title"
      className="relative overflow-hidden rounded-lg border border-gold-200 bg-gradient-to-br from-gold-100 via-white to-brand-50 p-6 shadow-sm sm:p-8"
    >
      <div className="flex flex-col gap-6 lg:flex-row lg:items-end lg:justify-between">
        <div className="max-w-2xl">
          <p className="inline-block rounded-full bg-brand-600 px-3 py-0.5 text-sm font-medium text-white">
            {state}
          </p>
          <h2
            id="campaign-title"
            className="mt-3 font-serif text-2xl font-bold leading-snug text-brand-800 sm:text-3xl"
          >
            {campaign.name}
          </h2>
          <p className="mt-1 text-sm font-medium text-gold-700">
            {formatDateSpan(campaign.startsOn, campaign.endsOn)}
          </p>
          {campaign.summary && <p className="mt-3 text-[15px] text-ink">{campaign.summary}</p>}
          <Link
            href={`/campaigns/${campaign.slug}`}
            className="mt-4 inline-flex items-center rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {m.campaignEvents}
            <span aria-hidden="true" className="ml-1">
              ›
            </span>
          </Link>
        </div>
        <dl className="grid grid-cols-3 gap-3 text-center lg:min-w-80">
          <Figure value={figures.events} label={m.figures.events} />
          <Figure value={figures.sectors} label={m.figures.sectors} />
          <Figure value={figures.towns} label={m.figures.towns} />
        </dl>
      </div>
    </section>
  );
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex flex-col-reverse rounded-md bg-white/80 px-2 py-3 shadow-sm ring-1 ring-gold-200">
      <dt className="text-xs text-muted sm:text-sm">{label}</dt>
      <dd className="font-serif text-3xl font-bold text-brand-700">{value}</dd>
    </div>
  );
}
