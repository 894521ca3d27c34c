import { afterEach, describe, expect, it, vi } from "vitest";
import LvzhiCacheHandler, {
  lastInvalidation,
  recordInvalidations,
  resetDataCacheForTests,
  setInvalidationPublisher,
} from "./handler.mjs";

function fakeClock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** What unstable_cache stores (kind FETCH) and the context Next passes. */
const fetchEntry = (data: string, tags: string[]) => ({
  kind: "FETCH",
  data: { headers: {}, body: data, status: 200 },
  revalidate: 60,
  tags,
});
const fetchCtx = (tags: string[], softTags: string[] = []) => ({
  kind: "FETCH",
  fetchCache: true,
  tags,
  softTags,
});

afterEach(() => resetDataCacheForTests());

describe("the data cache handler (next.config.js cacheHandler)", () => {
  it("returns what was stored, with the time it was stored", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const handler = new LvzhiCacheHandler({});
    expect(await handler.get("k", fetchCtx(["news"]))).toBeNull();
    await handler.set("k", fetchEntry("[1]", ["news"]), fetchCtx(["news"]));
    clock.advance(5);
    expect(await handler.get("k", fetchCtx(["news"]))).toEqual({
      value: fetchEntry("[1]", ["news"]),
      lastModified: 1_000_000,
    });
  });

  it("shares entries between the instances Next makes per request", async () => {
    await new LvzhiCacheHandler({}).set("k", fetchEntry("[1]", ["news"]), fetchCtx(["news"]));
    expect(await new LvzhiCacheHandler({}).get("k", fetchCtx(["news"]))).not.toBeNull();
  });

  it("drops an entry once any of its tags is revalidated, and only those entries", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const handler = new LvzhiCacheHandler({});
    await handler.set("news-list", fetchEntry("[1]", ["news"]), fetchCtx(["news"]));
    await handler.set("events", fetchEntry("[2]", ["events"]), fetchCtx(["events"]));
    clock.advance(10);
    await handler.revalidateTag("news", { expire: 0 });
    expect(await handler.get("news-list", fetchCtx(["news"]))).toBeNull();
    expect(await handler.get("events", fetchCtx(["events"]))).not.toBeNull();
    // Stored after the revalidation: fresh again.
    clock.advance(10);
    await handler.set("news-list", fetchEntry("[3]", ["news"]), fetchCtx(["news"]));
    expect(await handler.get("news-list", fetchCtx(["news"]))).not.toBeNull();
  });

  it("checks the implicit tags Next passes to get() (revalidatePath)", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const handler = new LvzhiCacheHandler({});
    await handler.set("k", fetchEntry("[1]", ["news"]), fetchCtx(["news"]));
    clock.advance(10);
    await handler.revalidateTag(["_N_T_/news"]);
    expect(await handler.get("k", fetchCtx(["news"], ["_N_T_/layout", "_N_T_/news"]))).toBeNull();
  });

  it("treats an entry stored in the same millisecond as a revalidation as stale", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const handler = new LvzhiCacheHandler({});
    await handler.set("k", fetchEntry("[1]", ["news"]), fetchCtx(["news"]));
    await handler.revalidateTag("news");
    expect(await handler.get("k", fetchCtx(["news"]))).toBeNull();
  });

  it("reads the tags of a rendered response from its x-next-cache-tags header", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const handler = new LvzhiCacheHandler({});
    const page = {
      kind: "APP_PAGE",
      html: "<p>hi</p>",
      rscData: Buffer.from("rsc"),
      headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/news" },
      status: 200,
    };
    await handler.set("/route-cache/APP_PAGE/x/$/news", page, {});
    clock.advance(1);
    await handler.revalidateTag("_N_T_/news");
    expect(await handler.get("/route-cache/APP_PAGE/x/$/news", { kind: "APP_PAGE" })).toBeNull();
  });

  it("applies invalidations recorded for other instances; an older record never wins", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const handler = new LvzhiCacheHandler({});
    await handler.set("k", fetchEntry("[1]", ["events"]), fetchCtx(["events"]));
    recordInvalidations(["events"], 2_000_000);
    recordInvalidations(["events"], 1_500_000);
    expect(lastInvalidation(["events", "news"])).toBe(2_000_000);
    expect(await handler.get("k", fetchCtx(["events"]))).toBeNull();
  });

  it("hands revalidated tags to the publisher, and survives its failure", async () => {
    const clock = fakeClock();
    resetDataCacheForTests({ now: clock.now });
    const published: [string[], number][] = [];
    setInvalidationPublisher(async (tags, at) => {
      published.push([tags, at]);
    });
    const handler = new LvzhiCacheHandler({});
    await handler.revalidateTag(["news", "stats"], { expire: 0 });
    expect(published).toEqual([[["news", "stats"], 1_000_000]]);

    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    setInvalidationPublisher(async () => {
      throw new Error("Redis is down");
    });
    await expect(handler.revalidateTag("events")).resolves.toBeUndefined();
    expect(lastInvalidation(["events"])).toBe(1_000_000);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it("keeps its memory bounded, least recently used out first", async () => {
    resetDataCacheForTests({ maxBytes: 40_000 });
    const handler = new LvzhiCacheHandler({});
    const big = "x".repeat(4_000); // ≈ 8 kB each
    await handler.set("a", fetchEntry(big, []), fetchCtx([]));
    await handler.set("b", fetchEntry(big, []), fetchCtx([]));
    await handler.set("c", fetchEntry(big, []), fetchCtx([]));
    expect(await handler.get("a", fetchCtx([]))).not.toBeNull(); // a is now the most recent
    await handler.set("d", fetchEntry(big, []), fetchCtx([]));
    await handler.set("e", fetchEntry(big, []), fetchCtx([]));
    expect(await handler.get("b", fetchCtx([]))).toBeNull();
    expect(await handler.get("a", fetchCtx([]))).not.toBeNull();
    expect(await handler.get("e", fetchCtx([]))).not.toBeNull();
    // One entry larger than a quarter of the budget is not kept at all.
    await handler.set("huge", fetchEntry("x".repeat(10_000), []), fetchCtx([]));
    expect(await handler.get("huge", fetchCtx([]))).toBeNull();
    expect(await handler.get("e", fetchCtx([]))).not.toBeNull();
  });
});
