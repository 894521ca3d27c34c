import type { Metadata } from "next";
import { connection } from "next/server";
import { TownDirectory } from "@/components/directory/town-directory";
import { PageHeader } from "@/components/ui/page-header";
import { loadTowns } from "@/db/queries/directory/cached";
import { messages } from "@/lib/messages";

const m = messages.directory.towns;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const towns = await loadTowns();
  return { title: m.title, description: m.intro(towns.length) };
}

export default async function TownsPage() {
  await connection();
  const towns = await loadTowns();
  return (
    <div className="space-y-6">
      <PageHeader trail={[{ label: m.title }]} title={m.title} intro={m.intro(towns.length)} />
      <TownDirectory towns={towns} />
    </div>
  );
}
