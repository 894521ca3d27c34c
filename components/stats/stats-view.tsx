import { FilterForm, FilterSelect } from "@/components/admin/kit/filters";
import { cmsMessages } from "@/lib/messages/cms";
import { buildStatsTables, type Dataset, publicDatasets } from "@/lib/stats/datasets";
import type { DepartmentRow, PublicFigures, StatsFilters, StatsOptions } from "@/lib/stats/types";
import { ChartFigure } from "./chart-figure";

const m = cmsMessages.stats;

/** The year and campaign filter: a plain GET form. */
export function StatsFilterForm({
  action,
  options,
  filters,
  campaignSlug,
}: {
  action: string;
  options: StatsOptions;
  filters: StatsFilters;
  campaignSlug: string | null;
}) {
  return (
    <FilterForm action={action} label={m.filters} submitLabel={m.apply}>
      <FilterSelect
        id="stats-year"
        name="year"
        label={m.year}
        value={filters.year === null ? "" : String(filters.year)}
        allLabel={m.allYears}
        options={options.years.map((y) => ({ value: y, label: String(y) }))}
      />
      <FilterSelect
        id="stats-campaign"
        name="campaign"
        label={m.campaign}
        value={campaignSlug ?? ""}
        allLabel={m.allCampaigns}
        options={options.campaigns.map((c) => ({ value: c.slug, label: c.name }))}
      />
    </FilterForm>
  );
}

function Figure({ value, label, hint }: { value: string; label: string; hint?: string }) {
  return (
    <div className="rounded-md border border-stone-300 bg-white p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 font-serif text-3xl font-bold text-brand-800 tabular-nums">{value}</dd>
      {hint && <dd className="mt-1 text-xs text-muted">{hint}</dd>}
    </div>
  );
}

/**
 * The figures page's body, shared by the public /stats and the staff dashboard: key
 * figures, charts with their data tables, CSV links keeping the filters.
 */
export function StatsView({
  figures,
  departments,
  csvHref,
}: {
  figures: PublicFigures;
  departments?: DepartmentRow[];
  csvHref: (dataset: Dataset) => string;
}) {
  const tables = buildStatsTables(figures, departments);
  const h = figures.handling;
  return (
    <div className="space-y-8">
      <section aria-labelledby="stats-figures">
        <h2 id="stats-figures" className="sr-only">
          {m.figures}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Figure
            value={String(figures.eventsTotal)}
            label={m.eventsTotal}
            hint={m.eventsTotalHint}
          />
          <Figure value={String(h.submitted)} label={m.notesSubmitted} />
          <Figure
            value={h.rate === null ? "—" : m.percent(h.rate)}
            label={m.handlingRate}
            hint={m.handlingRateHint}
          />
          <Figure value={h.medianDays === null ? "—" : m.days(h.medianDays)} label={m.medianDays} />
        </dl>
      </section>
      <div className="grid items-start gap-5 lg:grid-cols-2">
        {publicDatasets.map((dataset) => {
          const table = tables[dataset];
          return table ? (
            <ChartFigure key={dataset} table={table} headingLevel={2} csvHref={csvHref(dataset)} />
          ) : null;
        })}
      </div>
      {tables.departments && (
        <ChartFigure table={tables.departments} headingLevel={2} csvHref={csvHref("departments")} />
      )}
    </div>
  );
}
