import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DetailHero, HeroFigures } from "@/components/directory/detail-hero";
import { CalendarIcon } from "@/components/directory/icons";
import { StudioList } from "@/components/directory/studio-list";
import { EventList } from "@/components/home/event-list";
import { NewsList } from "@/components/home/news-list";
import { SectionHeading } from "@/components/ui/section-heading";
import {
  countUpcoming,
  loadSectorCards,
  loadSectorDetail,
  settleTimeline,
} from "@/db/queries/directory";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";

type Props = { params: Promise<{ slug: string }> };

const m = messages.directory.sector;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const detail = await loadSectorDetail((await params).slug);
  if (!detail) return {};
  const { name, description } = detail.sector;
  return { title: name, description: m.metaDescription(name, description) };
}

export default async function SectorPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const [detail, cards, committee] = await Promise.all([
    loadSectorDetail(slug),
    loadSectorCards(),
    getCommitteeInfo(),
  ]);
  if (!detail) notFound();
  const now = new Date();
  const { sector, news, studios } = detail;
  const { upcoming, past } = settleTimeline(detail, now);
  const card = cards.find((c) => c.slug === slug);
  const tz = committee.timeZone;

  return (
    <div className="space-y-8 sm:space-y-10">
      <DetailHero
        trail={[
          { label: messages.directory.sectors.title, href: "/sectors" },
          { label: sector.name },
        ]}
        badge={m.badge}
        title={sector.name}
        description={sector.description}
        aside={
          <HeroFigures
            figures={[
              {
                value: card ? countUpcoming(card, now) : upcoming.length,
                label: m.figures.upcoming,
              },
              { value: studios.length, label: m.figures.studios },
            ]}
          />
        }
      >
        <p className="mt-4 flex flex-wrap gap-2">
          <Link
            href={`/events?sector=${sector.slug}`}
            className="inline-flex items-center gap-1.5 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            <CalendarIcon />
            {m.calendar}
          </Link>
          <a
            href={`/events.ics?sector=${sector.slug}`}
            className="inline-flex items-center rounded border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
          >
            {m.subscribe}
          </a>
        </p>
      </DetailHero>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <section aria-labelledby="upcoming-title">
            <SectionHeading id="upcoming-title" title={m.upcoming} />
            <EventList items={upcoming} timeZone={tz} emptyText={m.noUpcoming} />
          </section>
          <section aria-labelledby="past-title">
            <SectionHeading id="past-title" title={m.past} />
            <EventList items={past} timeZone={tz} emptyText={m.noPast} />
          </section>
        </div>
        <div className="space-y-8">
          <section aria-labelledby="news-title">
            <SectionHeading id="news-title" title={m.news} />
            <NewsList items={news} timeZone={tz} emptyText={m.noNews} />
          </section>
          <section aria-labelledby="studios-title">
            <SectionHeading id="studios-title" title={m.studios} />
            <StudioList studios={studios} headingLevel={3} compact emptyText={m.noStudios} />
          </section>
        </div>
      </div>
    </div>
  );
}
