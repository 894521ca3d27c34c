import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/kit";
import type { QueueOptions } from "@/db/queries/pipeline/queue";
import { adminMessages } from "@/lib/messages/admin";
import { type QueueFilters, queueStatuses, SEARCH_MAX } from "@/lib/moderation";

const m = adminMessages.queue;
const categories = ["industry", "livelihood", "governance"] as const;

const named = (rows: readonly { id: number; name: string }[]) =>
  rows.map((r) => ({ value: String(r.id), label: r.name }));
const idValue = (id: number | null | undefined) => (id ? String(id) : "");

/** The queue's filters: a plain GET form, so every view has its own shareable address. */
export function QueueFilterForm({
  filters,
  options,
  raw,
}: {
  filters: QueueFilters;
  options: QueueOptions;
  /** The dates as typed, so a malformed one is shown back rather than silently lost. */
  raw: { from: string; to: string };
}) {
  const selects = [
    {
      name: "status",
      label: m.status,
      all: m.allStatuses,
      value: filters.status ?? "",
      options: queueStatuses.map((s) => ({ value: s, label: adminMessages.statuses[s] })),
    },
    {
      name: "category",
      label: m.category,
      all: m.allCategories,
      value: filters.category ?? "",
      options: categories.map((c) => ({ value: c, label: adminMessages.categories[c] })),
    },
    {
      name: "sector",
      label: m.sector,
      all: m.allSectors,
      value: idValue(filters.sectorId),
      options: named(options.sectors),
    },
    {
      name: "town",
      label: m.town,
      all: m.allTowns,
      value: idValue(filters.townId),
      options: named(options.towns),
    },
    {
      name: "author",
      label: m.author,
      all: m.allAuthors,
      value: idValue(filters.authorId),
      options: named(options.authors),
    },
  ];
  return (
    <FilterForm
      action="/admin/notes"
      label={m.filters}
      layout="panel"
      submitLabel={m.apply}
      reset={{ href: "/admin/notes", label: m.reset }}
    >
      <FilterInput
        id="q"
        name="q"
        label={m.search}
        value={filters.q}
        maxLength={SEARCH_MAX}
        placeholder={m.searchPlaceholder}
        className="sm:col-span-3 lg:col-span-2"
      />
      {selects.map((s) => (
        <FilterSelect
          key={s.name}
          id={s.name}
          name={s.name}
          label={s.label}
          allLabel={s.all}
          value={s.value}
          options={s.options}
        />
      ))}
      <FilterInput id="from" name="from" label={m.from} type="date" value={raw.from} />
      <FilterInput id="to" name="to" label={m.to} type="date" value={raw.to} />
    </FilterForm>
  );
}
