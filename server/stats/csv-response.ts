import "server-only";
import { csvHeaders, toCsv } from "@/lib/csv";
import { cmsMessages } from "@/lib/messages/cms";
import type { StatsTable } from "@/lib/stats/datasets";

/** A figures table as a CSV download (UTF-8 with BOM: Excel opens the Chinese as is). */
export function statsCsvResponse(
  table: StatsTable,
  scope: string,
  options: { public: boolean },
): Response {
  const name = cmsMessages.stats.csvFilename(cmsMessages.stats.datasets[table.dataset], scope);
  return new Response(toCsv(table.header, table.rows), {
    status: 200,
    headers: csvHeaders(name, { public: options.public }),
  });
}

export function csvNotFound(): Response {
  return new Response(cmsMessages.errors.not_found, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
