import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DetailHero, HeroFigures } from "@/components/directory/detail-hero";
import { PlaceFacts } from "@/components/directory/place-facts";
import { SectorCalendarLinks, SectorColumns } from "@/components/directory/sector-detail";
import { loadSectorCards, loadSectorDetail } from "@/db/queries/directory/cached";
import { countUpcoming, settleTimeline } from "@/db/queries/directory/public";
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
  const { sector, studios } = detail;
  const timeline = settleTimeline(detail, now);
  const card = cards.find((c) => c.slug === slug);
  const upcoming = card ? countUpcoming(card, now) : timeline.upcoming.length;
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
          <div className="flex w-full shrink-0 flex-col gap-3 lg:w-80">
            <PlaceFacts
              id="sector-contact"
              name={sector.name}
              photo={sector.photo}
              address={sector.address}
              contact={sector.contact}
              sizes="(min-width: 1024px) 320px, 100vw"
              priority
            />
            <HeroFigures
              figures={[
                { value: upcoming, label: m.figures.upcoming },
                { value: studios.length, label: m.figures.studios },
              ]}
            />
          </div>
        }
      >
        <SectorCalendarLinks slug={sector.slug} />
      </DetailHero>
      <SectorColumns detail={detail} timeline={timeline} timeZone={committee.timeZone} />
    </div>
  );
}
