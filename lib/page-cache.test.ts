import { describe, expect, it } from "vitest";
import { PageCache, SharedCopies } from "./page-cache.mjs";

const entry = (size = 100, expires = Number.POSITIVE_INFINITY) => ({ size, expires });

function filled() {
  const cache = new PageCache({ maxBytes: 10_000 });
  for (const url of [
    "/",
    "/news",
    "/events",
    "/events/7",
    "/events/7?view=map",
    "/events/7/register",
    "/events/%37",
    "/events/07/register",
    "/events/70",
    "/events/8",
  ]) {
    cache.set(`std ${url}`, entry());
    cache.set(`elder ${url}`, entry());
  }
  return cache;
}

const urls = (cache: PageCache) => [...cache.entries.keys()].map((k) => k.split(" ")[1]);

describe("PageCache", () => {
  it("drops only the event's own pages when that event's registrations change", () => {
    const cache = filled();
    const news = cache.versionOf("std /news");
    const event = cache.versionOf("std /events/7/register");
    cache.invalidate(["registrations:7"]);
    // The event's pages go, however its address is written (%-escapes, leading zeros).
    expect(new Set(urls(cache))).toEqual(
      new Set(["/", "/news", "/events", "/events/70", "/events/8"]),
    );
    expect(cache.entries.size).toBe(10);
    expect(cache.bytes).toBe(1000);
    // A render of that event under way is not kept; renders of other pages are.
    expect(cache.versionOf("std /events/7")).not.toBe(event);
    expect(cache.versionOf("elder /events/07?x=1")).not.toBe(event);
    expect(cache.versionOf("std /news")).toBe(news);
    expect(cache.versionOf("std /events/70")).toBe(cache.versionOf("std /events/8"));
  });

  it("drops everything for any other change, or when no tag is named", () => {
    for (const tags of [["news"], ["registrations:7", "events"], [], undefined]) {
      const cache = filled();
      const before = cache.versionOf("std /news");
      cache.invalidate(tags);
      expect(cache.entries.size).toBe(0);
      expect(cache.bytes).toBe(0);
      expect(cache.versionOf("std /news")).not.toBe(before);
    }
  });

  it("keeps within its memory, least recently used out first, and forgets expired pages", () => {
    let now = 1_000;
    const cache = new PageCache({ maxBytes: 300, now: () => now });
    cache.set("std /a", entry(100, 5_000));
    cache.set("std /b", entry(100));
    cache.set("std /c", entry(100));
    cache.get("std /a");
    cache.set("std /d", entry(100));
    expect(urls(cache)).toEqual(["/c", "/a", "/d"]);
    now = 6_000;
    expect(cache.get("std /a")).toBeUndefined();
    expect(cache.bytes).toBe(200);
  });
});

describe("SharedCopies", () => {
  it("names the pages a proxy may hold that a change makes stale, each once", () => {
    let now = 0;
    const copies = new SharedCopies({ now: () => now });
    for (const key of ["std /", "elder /", "std /events/7", "std /events/8", "std /news"]) {
      copies.remember(key, 100);
    }
    copies.remember("std /old", 10);
    now = 50;
    expect(copies.take(["registrations:7"])).toEqual(["std /events/7"]);
    expect(copies.take(["registrations:7"])).toEqual([]);
    // Expired ones are forgotten, not purged: the proxy no longer has them.
    expect(copies.take(["news"]).sort()).toEqual([
      "elder /",
      "std /",
      "std /events/8",
      "std /news",
    ]);
    expect(copies.take(["news"])).toEqual([]);
    expect(copies.held.size).toBe(0);
  });
});
