import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { StudioList } from "@/components/directory/studio-list";
import { PageHeader } from "@/components/ui/page-header";
import { loadStudios } from "@/db/queries/directory/cached";
import { messages } from "@/lib/messages";

const m = messages.directory.studios;

async function load() {
  const studios = await loadStudios();
  const served = new Set(studios.flatMap((s) => s.sectors.map((x) => x.slug)));
  return { studios, intro: m.intro(studios.length, served.size) };
}

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { intro } = await load();
  return { title: m.title, description: intro };
}

export default async function StudiosPage() {
  await connection();
  const { studios, intro } = await load();
  return (
    <div className="space-y-6">
      <PageHeader trail={[{ label: m.title }]} title={m.title} intro={intro}>
        <p className="mt-3">
          <Link href="/towns" className="text-sm font-medium text-brand-700 hover:underline">
            {m.byTown}
            <span aria-hidden="true"> ›</span>
          </Link>
        </p>
      </PageHeader>
      <StudioList studios={studios} emptyText={m.empty} />
    </div>
  );
}
