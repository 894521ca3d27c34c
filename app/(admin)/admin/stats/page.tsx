import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/kit";
import { StatsFilterForm, StatsView } from "@/components/stats/stats-view";
import { getCommitteeInfo } from "@/db/queries/settings";
import { getStaffFigures, getStaffStatsOptions } from "@/db/queries/stats/staff";
import { cmsMessages } from "@/lib/messages/cms";
import { parseStatsParams, scopeLabel, statsQuerySuffix } from "@/lib/stats/datasets";
import { localDateKey } from "@/lib/time";
import { requireStaff } from "@/server/action";

const m = cmsMessages.stats;

export const metadata: Metadata = { title: m.staffTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The staff dashboard: the public figures as of now, plus each department's handling. */
export default async function AdminStatsPage({ searchParams }: Props) {
  await requireStaff("stats.view", "/admin/stats");
  const [committee, params] = await Promise.all([getCommitteeInfo(), searchParams]);
  const tz = committee.timeZone;
  const options = await getStaffStatsOptions(tz);
  const { filters, campaignSlug } = parseStatsParams(params, options);
  const figures = await getStaffFigures(filters, tz, localDateKey(new Date(), tz));
  const scope = scopeLabel(filters, options);
  const suffix = statsQuerySuffix(filters, campaignSlug);

  return (
    <div className="space-y-6">
      <PageHeader title={scope ? `${m.staffTitle}：${scope}` : m.staffTitle} intro={m.staffIntro} />
      <StatsFilterForm
        action="/admin/stats"
        options={options}
        filters={filters}
        campaignSlug={campaignSlug}
      />
      <StatsView
        figures={figures}
        departments={figures.departments}
        csvHref={(dataset) => `/admin/stats/csv/${dataset}${suffix}`}
      />
      <p className="text-sm text-muted">{cmsMessages.common.csvHint}</p>
    </div>
  );
}
