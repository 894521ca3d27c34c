import type { Metadata } from "next";
import { connection } from "next/server";
import { SectorGrid } from "@/components/directory/sector-grid";
import { PageHeader } from "@/components/ui/page-header";
import { loadSectorCards } from "@/db/queries/directory/cached";
import { countUpcoming } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";

const m = messages.directory.sectors;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const cards = await loadSectorCards();
  return { title: m.title, description: m.intro(cards.length) };
}

export default async function SectorsPage() {
  await connection();
  const now = new Date();
  const cards = await loadSectorCards();
  return (
    <div className="space-y-6">
      <PageHeader trail={[{ label: m.title }]} title={m.title} intro={m.intro(cards.length)} />
      <SectorGrid
        items={cards.map((card) => ({
          slug: card.slug,
          name: card.name,
          description: card.description,
          upcomingEvents: countUpcoming(card, now),
          studios: card.studioCount,
          photo: card.photo,
        }))}
      />
    </div>
  );
}
