import { getCommitteeInfo } from "@/db/queries/settings";
import { getPublicFigures, getStatsOptions } from "@/db/queries/stats/public";
import {
  buildStatsTables,
  parseStatsParams,
  publicDatasets,
  scopeLabel,
} from "@/lib/stats/datasets";
import { csvNotFound, statsCsvResponse } from "@/server/stats/csv-response";

/** /stats/csv/events-by-sector?year=2026&campaign=… : one public figures table as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const { dataset: raw } = await params;
  const dataset = publicDatasets.find((d) => d === raw);
  if (!dataset) return csvNotFound();
  const { timeZone } = await getCommitteeInfo();
  const options = await getStatsOptions(timeZone);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { filters } = parseStatsParams(query, options);
  const table = buildStatsTables(await getPublicFigures(filters, timeZone))[dataset];
  if (!table) return csvNotFound();
  return statsCsvResponse(table, scopeLabel(filters, options), { public: true });
}
