import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/kit";
import type { NewsColumnItem } from "@/db/queries/news/public";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.news;

/** The news list's filters: column and keyword, keeping the status tab. */
export function ArticleFilters({
  status,
  columns,
  column,
  q,
  total,
}: {
  status: string | null;
  columns: readonly NewsColumnItem[];
  /** The chosen column's slug, or "". */
  column: string;
  q: string;
  total: number;
}) {
  return (
    <FilterForm
      action="/admin/news"
      label={m.filters}
      keep={{ status }}
      count={cmsMessages.common.count(total)}
    >
      <FilterSelect
        id="news-column"
        name="column"
        label={m.column}
        value={column}
        allLabel={m.allColumns}
        options={columns.map((c) => ({ value: c.slug, label: c.name }))}
      />
      <FilterInput id="news-q" name="q" label={m.keyword} value={q} maxLength={50} />
    </FilterForm>
  );
}
