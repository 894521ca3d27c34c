// Next.js's data cache (next.config.js `cacheHandler`): what unstable_cache (db/cache.ts
// cachedQuery) keeps, in this process's memory, bounded, least recently used out first.
//
// Entries stay local; invalidations are shared. revalidateTag() records the tag's time
// here and hands it to the publisher that server/redis.ts installs when REDIS_URL is set
// (Redis hash + pub/sub channel); other instances record it through
// recordInvalidations(). An entry is stale when any of its tags (its own, and the
// implicit `_N_T_…` tags Next passes to get()) was invalidated at or after it was stored.
// Without REDIS_URL nothing is published: one instance, as before.
//
// Next imports this file itself (a native import, not bundled) and makes a new instance
// per request; server/redis.ts imports a bundled copy. All state therefore lives on
// globalThis, under one well-known symbol.
//
// Every revalidation expires at once (db/cache.ts asks for `{ expire: 0 }`); a
// stale-while-revalidate profile is treated the same way.

const STATE = Symbol.for("lvzhi.dataCache");
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const TAGS_HEADER = "x-next-cache-tags";

/**
 * @typedef {{ value: unknown, lastModified: number, tags: string[], size: number }} Entry
 * @typedef {(tags: string[], at: number) => Promise<void>} Publisher
 * @typedef {{
 *   entries: Map<string, Entry>,
 *   bytes: number,
 *   maxBytes: number,
 *   tagTimes: Map<string, number>,
 *   publisher: Publisher | null,
 *   now: () => number,
 * }} State
 */

/** @returns {State} */
function state() {
  const holder = /** @type {Record<symbol, State | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  let current = holder[STATE];
  if (!current) {
    current = {
      entries: new Map(),
      bytes: 0,
      maxBytes: DEFAULT_MAX_BYTES,
      tagTimes: new Map(),
      publisher: null,
      now: Date.now,
    };
    holder[STATE] = current;
  }
  return current;
}

/**
 * Records that `tags` changed at `at` (ms since the epoch); earlier records never win.
 * @param {Iterable<string>} tags
 * @param {number} at
 */
export function recordInvalidations(tags, at) {
  const { tagTimes } = state();
  for (const tag of tags) {
    if (typeof tag !== "string" || tag === "") continue;
    const known = tagTimes.get(tag) ?? 0;
    if (at > known) tagTimes.set(tag, at);
  }
}

/**
 * The latest invalidation time of any of `tags`, or 0.
 * @param {Iterable<string>} tags
 * @returns {number}
 */
export function lastInvalidation(tags) {
  const { tagTimes } = state();
  let latest = 0;
  for (const tag of tags) latest = Math.max(latest, tagTimes.get(tag) ?? 0);
  return latest;
}

/**
 * Installs (or, with null, removes) what tells other instances about invalidations.
 * @param {Publisher | null} publisher
 */
export function setInvalidationPublisher(publisher) {
  state().publisher = publisher;
}

/**
 * Tests only: forget everything, optionally with a fake clock and a small budget.
 * @param {{ maxBytes?: number, now?: () => number }} [options]
 */
export function resetDataCacheForTests(options = {}) {
  const current = state();
  current.entries.clear();
  current.bytes = 0;
  current.tagTimes.clear();
  current.publisher = null;
  current.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  current.now = options.now ?? Date.now;
}

/** Roughly how many bytes a cached value holds (strings, buffers, maps of either). */
function sizeOf(value, depth = 0) {
  if (value == null || depth > 4) return 0;
  if (typeof value === "string") return value.length * 2;
  if (typeof value === "number" || typeof value === "boolean") return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (value instanceof Map) {
    let total = 0;
    for (const [k, v] of value) total += sizeOf(k, depth + 1) + sizeOf(v, depth + 1);
    return total;
  }
  if (Array.isArray(value)) {
    return value.reduce((total, item) => total + sizeOf(item, depth + 1), 0);
  }
  if (typeof value === "object") {
    let total = 0;
    for (const [k, v] of Object.entries(value)) total += k.length * 2 + sizeOf(v, depth + 1);
    return total;
  }
  return 0;
}

/** The tags a stored value carries: fetch/unstable_cache tags, or a rendered response's. */
function tagsOf(data, ctx) {
  const tags = new Set();
  for (const tag of ctx?.tags ?? []) tags.add(tag);
  for (const tag of data?.tags ?? []) tags.add(tag);
  const header = data?.headers?.[TAGS_HEADER];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return [...tags];
}

function remove(current, key) {
  const entry = current.entries.get(key);
  if (!entry) return;
  current.entries.delete(key);
  current.bytes -= entry.size;
}

export default class LvzhiCacheHandler {
  /** @param {{ maxMemoryCacheSize?: number }} [options] */
  constructor(options = {}) {
    const current = state();
    if (typeof options.maxMemoryCacheSize === "number" && options.maxMemoryCacheSize > 0) {
      current.maxBytes = options.maxMemoryCacheSize;
    }
  }

  async get(key, ctx) {
    const current = state();
    const entry = current.entries.get(key);
    if (!entry) return null;
    const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    if (lastInvalidation(tags) >= entry.lastModified) {
      remove(current, key);
      return null;
    }
    // Map order is recency order: move to the back.
    current.entries.delete(key);
    current.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    const current = state();
    remove(current, key);
    if (data == null) return;
    const size = sizeOf(data) + key.length * 2 + 256;
    if (size > current.maxBytes / 4) return; // one huge entry must not empty the cache
    current.entries.set(key, {
      value: data,
      lastModified: current.now(),
      tags: tagsOf(data, ctx),
      size,
    });
    current.bytes += size;
    for (const oldKey of current.entries.keys()) {
      if (current.bytes <= current.maxBytes) break;
      remove(current, oldKey);
    }
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [_durations] ignored: every revalidation expires at once
   */
  async revalidateTag(tags, _durations) {
    const list = (typeof tags === "string" ? [tags] : [...(tags ?? [])]).filter(Boolean);
    if (list.length === 0) return;
    const current = state();
    const at = current.now();
    recordInvalidations(list, at);
    if (current.publisher) {
      try {
        await current.publisher(list, at);
      } catch (error) {
        // The publisher keeps what it could not send; a write never fails for it.
        console.error("[cache] could not share invalidation:", error);
      }
    }
  }

  resetRequestCache() {}
}
