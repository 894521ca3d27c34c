import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DetailHero } from "@/components/directory/detail-hero";
import { TimelineSections } from "@/components/directory/event-timeline";
import { StudioFacts } from "@/components/directory/studio-facts";
import { loadStudioDetail } from "@/db/queries/directory/cached";
import { settleTimeline } from "@/db/queries/directory/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";

type Props = { params: Promise<{ slug: string }> };

const m = messages.directory.studio;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const detail = await loadStudioDetail((await params).slug);
  if (!detail) return {};
  const { name, description } = detail.studio;
  return { title: name, description: m.metaDescription(name, description) };
}

export default async function StudioPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const [detail, committee] = await Promise.all([loadStudioDetail(slug), getCommitteeInfo()]);
  if (!detail) notFound();
  const { studio } = detail;

  return (
    <div className="space-y-8 sm:space-y-10">
      <DetailHero
        trail={[
          { label: messages.directory.studios.title, href: "/studios" },
          { label: studio.name },
        ]}
        badge={m.badge}
        title={studio.name}
        description={studio.description}
        aside={<StudioFacts studio={studio} />}
      >
        {studio.town && (
          <p className="mt-4">
            <Link
              href={`/towns#town-${studio.town.slug}`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              {m.townLink(studio.town.name)}
              <span aria-hidden="true"> ›</span>
            </Link>
          </p>
        )}
      </DetailHero>

      <div className="grid gap-8 lg:grid-cols-2">
        <TimelineSections
          timeline={settleTimeline(detail, new Date())}
          timeZone={committee.timeZone}
          words={m}
        />
      </div>
    </div>
  );
}
