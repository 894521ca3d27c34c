import { toOptions } from "@/components/admin/content/format";
import type { ArticleFormOptions } from "@/db/queries/admin-news";
import { localDateKey } from "@/lib/time";

/** The editor's select options, events labelled with their local date. */
export function articleOptions(options: ArticleFormOptions, timeZone: string) {
  return {
    columns: toOptions(options.columns),
    sectors: toOptions(options.sectors),
    events: options.events.map((e) => ({
      value: String(e.id),
      label: `${localDateKey(e.startsAt, timeZone)} ${e.title}`,
    })),
  };
}
