import type { Metadata } from "next";
import { connection } from "next/server";
import { StatsFilterForm, StatsView } from "@/components/stats/stats-view";
import { getCommitteeInfo } from "@/db/queries/settings";
import { getPublicFigures, getStatsOptions } from "@/db/queries/stats/public";
import { cmsMessages } from "@/lib/messages/cms";
import { parseStatsParams, scopeLabel, statsQuerySuffix } from "@/lib/stats/datasets";

const m = cmsMessages.stats;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const committee = await getCommitteeInfo();
  return { title: m.title, description: `${committee.name}${m.publicIntro}` };
}

/** /stats: public figures, drawn on the server; filters and CSV links work without JavaScript. */
export default async function PublicStatsPage({ searchParams }: Props) {
  await connection();
  const [committee, params] = await Promise.all([getCommitteeInfo(), searchParams]);
  const options = await getStatsOptions(committee.timeZone);
  const { filters, campaignSlug } = parseStatsParams(params, options);
  const figures = await getPublicFigures(filters, committee.timeZone);
  const scope = scopeLabel(filters, options);
  const suffix = statsQuerySuffix(filters, campaignSlug);

  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">
          {m.title}
          {scope && <span className="ml-2 text-lg font-normal text-muted">{scope}</span>}
        </h1>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">{m.publicIntro}</p>
        <div className="mt-4">
          <StatsFilterForm
            action="/stats"
            options={options}
            filters={filters}
            campaignSlug={campaignSlug}
          />
        </div>
      </header>
      <StatsView figures={figures} csvHref={(dataset) => `/stats/csv/${dataset}${suffix}`} />
      <p className="text-sm text-muted">{cmsMessages.common.csvHint}</p>
    </div>
  );
}
