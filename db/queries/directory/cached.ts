import "server-only";
import { cache } from "react";
import { cachedQuery, cacheTags } from "@/db/cache";
import { getDb } from "@/db/runtime";
import {
  getSectorDetail,
  getStudioDetail,
  listSectorCards,
  listStudios,
  listTownsWithOffices,
  type SectorDetail,
  type StudioDetail,
} from "./public";

// ---- cached reads for the public pages ----
// A cached result carries the instant it was read at; pages settle it against their
// own `now` (settleTimeline, countUpcoming), so a stale entry never shows a past
// event as coming. Detail lookups check the slug against the cached list first, so
// made-up slugs never fill the cache.

const directoryTags = [cacheTags.directory];
const withEvents = [cacheTags.directory, cacheTags.events];

const cachedSectorCards = cachedQuery(
  async () => listSectorCards(await getDb(), new Date()),
  ["directory", "sector-cards"],
  { tags: withEvents },
);
const cachedSectorDetail = cachedQuery(
  async (slug: string) => getSectorDetail(await getDb(), slug, new Date()),
  ["directory", "sector-detail"],
  { tags: [...withEvents, cacheTags.news] },
);
const cachedStudios = cachedQuery(
  async () => listStudios(await getDb()),
  ["directory", "studios"],
  {
    tags: directoryTags,
  },
);
const cachedStudioDetail = cachedQuery(
  async (slug: string) => getStudioDetail(await getDb(), slug, new Date()),
  ["directory", "studio-detail"],
  { tags: withEvents },
);
const cachedTowns = cachedQuery(
  async () => listTownsWithOffices(await getDb()),
  ["directory", "towns"],
  { tags: directoryTags },
);

/** React's cache dedupes the reads of generateMetadata and the page within one request. */
export const loadSectorCards = cache(() => cachedSectorCards());
export const loadStudios = cache(() => cachedStudios());
export const loadTowns = cache(() => cachedTowns());

export const loadSectorDetail = cache(async (slug: string): Promise<SectorDetail | null> => {
  const known = (await loadSectorCards()).some((s) => s.slug === slug);
  return known ? cachedSectorDetail(slug) : null;
});

export const loadStudioDetail = cache(async (slug: string): Promise<StudioDetail | null> => {
  const known = (await loadStudios()).some((s) => s.slug === slug);
  return known ? cachedStudioDetail(slug) : null;
});
