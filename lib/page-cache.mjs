// The rendered public pages server.mjs keeps in memory: least recently used out first
// above maxBytes, each entry until its `expires`, emptied (all, or one event's pages)
// when content changes. Plain JavaScript: server.mjs imports it without a build.

export class PageCache {
  entries = new Map();
  bytes = 0;
  /** Bumped when everything is dropped. */
  generation = 0;
  /** Bumped per event when that event's registrations change. */
  eventVersions = new Map();

  /** @param {{ maxBytes: number, now?: () => number }} options */
  constructor(options) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
  }

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

  set(key, entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldKey);
    }
  }

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
  invalidate(tags) {
    const eventIds = Array.isArray(tags) && tags.length > 0 ? tags.map(registrationEvent) : [];
    if (eventIds.length > 0 && eventIds.every((id) => id !== null)) {
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
  versionOf(key) {
    const id = eventOfKey(key);
    return `${this.generation}:${id === null ? 0 : (this.eventVersions.get(id) ?? 0)}`;
  }
}

function registrationEvent(tag) {
  const match = /^registrations:(\d+)$/.exec(String(tag));
  return match ? Number(match[1]) : null;
}

/**
 * The event a cached page belongs to (`/events/<id>` and below), read as the router reads
 * it: %-escapes decoded, leading zeros ignored (`/events/%37`, `/events/07/register`).
 */
function eventOfKey(key) {
  let path = key.slice(key.indexOf(" ") + 1).split("?", 1)[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  const match = /^\/events\/(\d+)(?:\/|$)/.exec(path);
  return match ? Number(match[1]) : null;
}
