import Link from "next/link";
import type { QueueOptions } from "@/db/queries/pipeline/queue";
import { adminMessages } from "@/lib/messages/admin";
import { type QueueFilters, queueStatuses, SEARCH_MAX } from "@/lib/moderation";
import { ui } from "./ui";

const m = adminMessages.queue;

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
  const select = (
    id: string,
    label: string,
    all: string,
    value: string,
    choices: readonly { value: string; label: string }[],
  ) => (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value} className={ui.select}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <search className={`${ui.card} mb-4`}>
      <form method="get" action="/admin/notes">
        <h2 className="sr-only">{m.filters}</h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <div className="col-span-2">
            <label htmlFor="q" className="text-sm font-medium">
              {m.search}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              maxLength={SEARCH_MAX}
              defaultValue={filters.q}
              placeholder={m.searchPlaceholder}
              className={ui.input}
            />
          </div>
          {select(
            "status",
            m.status,
            m.allStatuses,
            filters.status ?? "",
            queueStatuses.map((s) => ({ value: s, label: adminMessages.statuses[s] })),
          )}
          {select(
            "category",
            m.category,
            m.allCategories,
            filters.category ?? "",
            (["industry", "livelihood", "governance"] as const).map((c) => ({
              value: c,
              label: adminMessages.categories[c],
            })),
          )}
          {select(
            "sector",
            m.sector,
            m.allSectors,
            filters.sectorId ? String(filters.sectorId) : "",
            options.sectors.map((s) => ({ value: String(s.id), label: s.name })),
          )}
          {select(
            "town",
            m.town,
            m.allTowns,
            filters.townId ? String(filters.townId) : "",
            options.towns.map((t) => ({ value: String(t.id), label: t.name })),
          )}
          {select(
            "author",
            m.author,
            m.allAuthors,
            filters.authorId ? String(filters.authorId) : "",
            options.authors.map((a) => ({ value: String(a.id), label: a.name })),
          )}
          <div className="col-span-2 grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="from" className="text-sm font-medium">
                {m.from}
              </label>
              <input
                id="from"
                name="from"
                type="date"
                defaultValue={raw.from}
                className={ui.input}
              />
            </div>
            <div>
              <label htmlFor="to" className="text-sm font-medium">
                {m.to}
              </label>
              <input id="to" name="to" type="date" defaultValue={raw.to} className={ui.input} />
            </div>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className={ui.primary}>
            {m.apply}
          </button>
          <Link href="/admin/notes" className={ui.link}>
            {m.reset}
          </Link>
        </div>
      </form>
    </search>
  );
}
