import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { announcePagesChanged } from "@/lib/page-cache-channel.mjs";

/**
 * Public content is read through this cache and refreshed by tag when it changes.
 * Tags name what a page shows; a write revalidates the tags of what it touched.
 */
export const cacheTags = {
  settings: "settings",
  news: "news",
  events: "events",
  directory: "directory",
  campaigns: "campaigns",
  cases: "cases",
  opinions: "opinions",
  stats: "stats",
  registrations: (eventId: number) => `registrations:${eventId}`,
} as const;

const DATE_KEY = "__date";

// Next's data cache stores JSON: Dates are tagged on the way in and revived on the way out.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_KEY]: raw.toISOString() } : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v) =>
    v && typeof v === "object" && typeof v[DATE_KEY] === "string" && Object.keys(v).length === 1
      ? new Date(v[DATE_KEY])
      : v,
  ) as T;
}

/**
 * Wraps a query so its result is cached under `keyParts` + arguments, tagged with
 * `tags`, for at most `revalidateSeconds` (a safety net: tags do the real work).
 */
export function cachedQuery<Args extends unknown[], Result>(
  query: (...args: Args) => Promise<Result>,
  keyParts: string[],
  options: { tags: string[]; revalidateSeconds?: number },
): (...args: Args) => Promise<Result> {
  const cached = unstable_cache(async (...args: Args) => encode(await query(...args)), keyParts, {
    tags: options.tags,
    revalidate: options.revalidateSeconds ?? 60,
  });
  return async (...args: Args) => decode<Result>(await cached(...args));
}

/**
 * After a write: the data under these tags is refetched, and the rendered pages kept
 * by the server's page cache (server.mjs) are dropped on this instance, and the reverse
 * proxy is told to purge (lib/page-cache-channel.mjs; other instances hear it via Redis).
 */
export function refreshCachedPages(...tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  announcePagesChanged(tags);
}
