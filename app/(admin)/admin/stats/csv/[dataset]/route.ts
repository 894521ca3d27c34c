import { getCommitteeInfo } from "@/db/queries/settings";
import { getStaffFigures, getStaffStatsOptions } from "@/db/queries/stats/staff";
import { can } from "@/lib/permissions";
import {
  buildStatsTables,
  parseStatsParams,
  scopeLabel,
  staffDatasets,
} from "@/lib/stats/datasets";
import { localDateKey } from "@/lib/time";
import { getCurrentUser } from "@/server/auth/session";
import { csvNotFound, statsCsvResponse } from "@/server/stats/csv-response";

/** The staff dashboard's tables as CSV (live figures, departments included). Staff only. */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const user = await getCurrentUser();
  if (!user || !can(user, "stats.view")) return csvNotFound();
  const { dataset: raw } = await params;
  const dataset = staffDatasets.find((d) => d === raw);
  if (!dataset) return csvNotFound();
  const { timeZone } = await getCommitteeInfo();
  const options = await getStaffStatsOptions(timeZone);
  const { filters } = parseStatsParams(
    Object.fromEntries(new URL(request.url).searchParams),
    options,
  );
  const figures = await getStaffFigures(filters, timeZone, localDateKey(new Date(), timeZone));
  const table = buildStatsTables(figures, figures.departments)[dataset];
  if (!table) return csvNotFound();
  return statsCsvResponse(table, scopeLabel(filters, options), { public: false });
}
