import Link from "next/link";
import type { CampaignFigures } from "@/db/queries/events/campaigns";
import type { Campaign } from "@/db/schema";
import { monthOf } from "@/lib/calendar/month";
import { calendarHref, feedHref } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";
import { formatDateSpan } from "@/lib/time";
import { CalendarIcon } from "./subscribe-links";

/** A campaign's title, dates, summary and figures, with ways into the calendar. */
export function CampaignHero({
  campaign,
  figures,
}: {
  campaign: Campaign;
  figures: CampaignFigures;
}) {
  const m = messages.calendar.campaign;
  const filters = { campaign: campaign.slug };
  return (
    <header className="overflow-hidden rounded-lg border border-gold-200 bg-gradient-to-br from-gold-100 via-white to-brand-50 p-6 shadow-sm sm:p-8">
      <div className="flex flex-col gap-6 lg:flex-row lg:items-end lg:justify-between">
        <div className="max-w-2xl">
          <p className="inline-block rounded-full bg-brand-700 px-3 py-0.5 text-sm font-medium text-white">
            {m.kinds[campaign.kind]}
          </p>
          <h1 className="mt-3 font-serif text-3xl font-bold leading-snug text-brand-800 sm:text-4xl">
            {campaign.name}
          </h1>
          <p className="mt-1 font-medium text-gold-700">
            <time dateTime={campaign.startsOn}>
              {formatDateSpan(campaign.startsOn, campaign.endsOn)}
            </time>
          </p>
          {campaign.summary && <p className="mt-3 text-[17px] leading-8">{campaign.summary}</p>}
          <p className="mt-5 flex flex-wrap gap-2">
            <Link
              href={calendarHref({ month: monthOf(campaign.startsOn), filters })}
              className="inline-flex items-center rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {m.inCalendar}
              <span aria-hidden="true" className="ml-1">
                ›
              </span>
            </Link>
            <a
              href={feedHref(filters)}
              className="inline-flex items-center gap-1.5 rounded border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              <CalendarIcon />
              {m.subscribe}
            </a>
          </p>
        </div>
        <section aria-labelledby="campaign-figures-title" className="lg:min-w-80">
          <h2 id="campaign-figures-title" className="sr-only">
            {m.figures}
          </h2>
          <dl className="grid grid-cols-3 gap-3 text-center">
            <Figure value={figures.events} label={m.figureEvents} />
            <Figure value={figures.sectors} label={m.figureSectors} />
            <Figure value={figures.towns} label={m.figureTowns} />
          </dl>
        </section>
      </div>
    </header>
  );
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex flex-col-reverse rounded-md bg-white/85 px-2 py-3 shadow-sm ring-1 ring-gold-200">
      <dt className="text-xs text-muted sm:text-sm">{label}</dt>
      <dd className="font-serif text-3xl font-bold text-brand-700 sm:text-4xl">{value}</dd>
    </div>
  );
}
