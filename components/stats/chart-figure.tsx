import { cmsMessages } from "@/lib/messages/cms";
import {
  barChartSvg,
  CHART_LARGE,
  type ChartSpec,
  columnChartSvg,
  largest,
} from "@/lib/stats/charts";
import type { StatsTable } from "@/lib/stats/datasets";

const m = cmsMessages.stats;

/**
 * One table of figures: its heading, the chart drawn on the server (an SVG image named by
 * its title and a one-sentence description), the same numbers as a data table that
 * screen readers and people without images can read, and its CSV download. The chart
 * comes in two drawings, the larger one for 适老模式 (CSS shows the one that fits the mode).
 */
export function ChartFigure({
  table,
  headingLevel = 3,
  csvHref,
}: {
  table: StatsTable;
  headingLevel?: 2 | 3;
  csvHref?: string;
}) {
  const id = `chart-${table.dataset}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const chart = table.chart;
  let svg: { standard: string; large: string } | null = null;
  if (chart) {
    const total = chart.data.reduce((s, d) => s + d.value, 0);
    const top = largest(chart.data);
    const description =
      table.dataset === "years" && chart.data.length > 0
        ? m.describe.years(
            Number(chart.data[0]?.label),
            Number(chart.data[chart.data.length - 1]?.label),
          )
        : m.describe.counts(table.title, total, top?.label ?? null, top?.value ?? 0);
    const spec: ChartSpec = {
      id: `${id}-svg`,
      title: table.title,
      description,
      data: chart.data,
      formatValue: (n: number) => `${n}`,
      emptyText: m.noData,
    };
    const draw = chart.kind === "bar" ? barChartSvg : columnChartSvg;
    svg = {
      standard: draw(spec),
      large: draw({ ...spec, id: `${id}-svg-large`, scale: CHART_LARGE }),
    };
  }
  return (
    <section aria-labelledby={id} className="rounded-md border border-stone-300 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={id} className="font-serif text-lg font-bold text-brand-800">
          {table.title}
        </Heading>
        {csvHref && (
          <a
            href={csvHref}
            className="text-sm text-brand-700 underline-offset-2 hover:underline"
            download
          >
            {cmsMessages.common.csv}
            <span className="sr-only">：{table.title}</span>
          </a>
        )}
      </div>
      {svg && (
        <>
          <div
            className="elder:hidden [&_svg]:block [&_svg]:w-full"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: lib/charts.ts escapes every text it draws
            dangerouslySetInnerHTML={{ __html: svg.standard }}
          />
          <div
            className="hidden elder:block [&_svg]:block [&_svg]:w-full"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: lib/charts.ts escapes every text it draws
            dangerouslySetInnerHTML={{ __html: svg.large }}
          />
        </>
      )}
      {table.note && <p className="mt-2 text-sm text-muted">{table.note}</p>}
      <details className="mt-2" open={!svg}>
        <summary className="cursor-pointer text-sm text-brand-700">{m.table.showData}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{table.title}</caption>
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th
                    key={h}
                    scope="col"
                    className="border-b border-stone-300 bg-stone-50 px-2 py-1.5 font-semibold"
                  >
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.header.length} className="px-2 py-2 text-muted">
                    {m.noData}
                  </td>
                </tr>
              ) : (
                table.rows.map((row) => {
                  // The first cell names the row (a sector, a year …): unique within a table.
                  const [name, ...values] = row;
                  return (
                    <tr key={String(name)}>
                      <th scope="row" className="border-b border-stone-200 px-2 py-1 font-normal">
                        {String(name ?? "")}
                      </th>
                      {values.map((cell, j) => (
                        <td
                          key={table.header[j + 1]}
                          className="border-b border-stone-200 px-2 py-1 tabular-nums"
                        >
                          {String(cell ?? "")}
                        </td>
                      ))}
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
