// @ts-check
// The rendered public pages server.mjs keeps in memory: least recently used out first
// above maxBytes, each entry until its `expires`, emptied (all, or one event's pages)
// when content changes. Plain JavaScript: server.mjs imports it without a build.

/**
 * @typedef {{ size: number, expires: number }} Sized  what the cache needs of an entry
 */

/** @template {Sized} [Entry=Sized] */
export class PageCache {
  /** @type {Map<string, Entry>} */
  entries = new Map();
  bytes = 0;
  /** Bumped when everything is dropped. */
  generation = 0;
  /** Bumped per event when that event's registrations change. @type {Map<number, number>} */
  eventVersions = new Map();

  /** @param {{ maxBytes: number, now?: () => number }} options */
  constructor(options) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
  }

  /** @param {string} key @returns {Entry | undefined} */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < this.now()) {
      this.delete(key);
      return undefined;
    }
    // Map order is recency order: move to the back.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** @param {string} key @param {Entry} entry */
  set(key, entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldKey);
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  /**
   * Content changed: nothing rendered before now may be served again. When every tag
   * names one event's registrations (`registrations:<id>`), only that event's pages go:
   * they are the only ones showing its seats, and a busy registration day must not empty
   * the whole cache with every sign-up. Any other change (or none named) drops it all.
   */
  /** @param {readonly string[]} [tags] */
  invalidate(tags) {
    const eventIds = changedEvents(tags);
    if (eventIds !== null) {
      for (const id of eventIds) this.eventVersions.set(id, (this.eventVersions.get(id) ?? 0) + 1);
      for (const key of [...this.entries.keys()]) {
        const id = eventOfKey(key);
        if (id !== null && eventIds.includes(id)) this.delete(key);
      }
      return;
    }
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
  }

  /**
   * What a render of `key` must still see when it ends for its copy to be kept: no full
   * invalidation since, nor one of its event's registrations.
   */
  /** @param {string} key @returns {string} */
  versionOf(key) {
    const id = eventOfKey(key);
    return `${this.generation}:${id === null ? 0 : (this.eventVersions.get(id) ?? 0)}`;
  }
}

/**
 * Which keys a change of `tags` makes stale: one event's (`registrations:<id>` tags
 * only), or null for all.
 * @param {readonly string[] | undefined} tags
 * @returns {number[] | null}
 */
function changedEvents(tags) {
  const ids = Array.isArray(tags) && tags.length > 0 ? tags.map(registrationEvent) : [];
  return ids.length > 0 && ids.every((id) => id !== null) ? /** @type {number[]} */ (ids) : null;
}

/**
 * The public pages handed to a shared cache (nginx, a CDN) that it may still hold: the
 * keys to purge there when content changes. Independent of PageCache, which may have
 * dropped a page (memory, a restart) that the proxy still has.
 */
export class SharedCopies {
  /** @type {Map<string, number>} key → until when the proxy may hold it (ms) */
  held = new Map();

  /** @param {{ now?: () => number }} [options] */
  constructor(options = {}) {
    this.now = options.now ?? Date.now;
  }

  /** @param {string} key @param {number} until */
  remember(key, until) {
    this.held.set(key, Math.max(until, this.held.get(key) ?? 0));
  }

  /**
   * The keys a change of `tags` makes stale (as PageCache.invalidate), forgotten here.
   * @param {readonly string[]} [tags]
   * @returns {string[]}
   */
  take(tags) {
    const events = changedEvents(tags);
    const now = this.now();
    const stale = [];
    for (const [key, until] of this.held) {
      if (until < now) {
        this.held.delete(key);
        continue;
      }
      const id = eventOfKey(key);
      if (events !== null && (id === null || !events.includes(id))) continue;
      this.held.delete(key);
      stale.push(key);
    }
    return stale;
  }
}

/** @param {string} tag @returns {number | null} */
function registrationEvent(tag) {
  const match = /^registrations:(\d+)$/.exec(String(tag));
  return match ? Number(match[1]) : null;
}

/**
 * The event a cached page belongs to (`/events/<id>` and below), read as the router reads
 * it: %-escapes decoded, leading zeros ignored (`/events/%37`, `/events/07/register`).
 */
/** @param {string} key @returns {number | null} */
function eventOfKey(key) {
  let path = key.slice(key.indexOf(" ") + 1).split("?", 1)[0] ?? "";
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  const match = /^\/events\/(\d+)(?:\/|$)/.exec(path);
  return match ? Number(match[1]) : null;
}
