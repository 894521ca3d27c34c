// @ts-check
// The one channel between the app (Next's bundle: db/cache.ts, server/redis.ts) and the
// process entry point (server.mjs, plain Node) for "public content changed, drop the pages
// rendered before now". The two sides are separate module graphs (the bundle has its own
// copy of this file), so no module state can be shared; the process object is the one
// thing they have in common, and a named event on it is a channel either side can find,
// type and test. Nothing is stored on globalThis.
//
// announcePagesChanged(tags): a write here (refreshCachedPages) or on another instance
// (Redis, server/redis.ts). onPagesChanged(listener): server.mjs's page cache and its
// proxy purge. Listeners run synchronously; a throwing listener never fails the write.

/** The event's name: private to this file. */
const EVENT = "lvzhi:pages-changed";

/** The process as the plain event emitter it is (its typings only know signal names). */
const bus = /** @type {import("node:events").EventEmitter} */ (/** @type {unknown} */ (process));

/**
 * Tells the listeners that the content under `tags` changed (none named: everything).
 * @param {readonly string[]} tags
 */
export function announcePagesChanged(tags) {
  const list = [...tags].filter((tag) => typeof tag === "string" && tag !== "");
  for (const listener of bus.listeners(EVENT)) {
    try {
      listener(list);
    } catch (error) {
      console.error("[page-cache] a listener failed:", error);
    }
  }
}

/**
 * Calls `listener` with the tags of every change from now on; returns the unsubscribe.
 * @param {(tags: string[]) => void} listener
 * @returns {() => void}
 */
export function onPagesChanged(listener) {
  bus.on(EVENT, listener);
  return () => {
    bus.off(EVENT, listener);
  };
}
