import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { onPagesChanged } from "@/lib/page-cache-channel.mjs";

/*
 * Cache invalidations shared through Redis (server/redis.ts), against a real redis-server:
 * TEST_REDIS_URL (scripts/test.sh starts one), or one started here. "Another instance" is
 * played by plain Redis connections: what it publishes must reach this process's data
 * cache and page cache, and what this process revalidates must reach it.
 */

let url = process.env.TEST_REDIS_URL ?? "";
let ephemeralDir: string | null = null;
let other: ReturnType<typeof createClient>;
let otherListener: ReturnType<typeof createClient>;
const heard: string[] = [];
/** What server.mjs's page cache hears on the channel (lib/page-cache-channel.mjs). */
const pageCache = { invalidate: vi.fn() };
const stopListening = onPagesChanged((tags) => pageCache.invalidate(tags));

type RedisModule = typeof import("./redis");
type HandlerModule = typeof import("./cache/handler.mjs");
type RateLimitModule = typeof import("./rate-limit");
let redis: RedisModule;
let handler: HandlerModule;
let rateLimit: RateLimitModule;

beforeAll(async () => {
  if (!url) {
    ephemeralDir = path.join(mkdtempSync(path.join(os.tmpdir(), "lvzhi-redis-")), "redis");
    const started = spawnSync("bash", ["scripts/redis-ephemeral.sh", "start", ephemeralDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const match = /TEST_REDIS_URL='([^']+)'/.exec(started.stdout ?? "");
    if (started.status !== 0 || !match?.[1]) throw new Error("could not start redis-server");
    url = match[1];
  }
  // A database of its own: other tests on the same server never see these keys.
  const dbUrl = `${url}/2`;
  process.env.REDIS_URL = dbUrl;
  // Read lib/env.ts only now, with REDIS_URL set.
  redis = await import("./redis");
  handler = await import("./cache/handler.mjs");
  rateLimit = await import("./rate-limit");

  other = createClient({ url: dbUrl });
  await other.connect();
  await other.flushDb();
  otherListener = createClient({ url: dbUrl });
  // CLIENT KILL below drops this one too; it reconnects by itself.
  otherListener.on("error", () => {});
  await otherListener.connect();
  await otherListener.subscribe(redis.INVALIDATION_CHANNEL, (message) => {
    heard.push(message);
  });

  redis.startCacheInvalidationSync();
  // Listening (this process and `otherListener`) and connected for commands.
  const subscribers = async () =>
    Number((await other.pubSubNumSub(redis.INVALIDATION_CHANNEL))[redis.INVALIDATION_CHANNEL]);
  for (let i = 0; i < 100 && ((await subscribers()) < 2 || !redis.redisClient()?.isReady); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  stopListening();
  await redis?.closeRedis();
  await otherListener?.close();
  await other?.close();
  delete process.env.REDIS_URL;
  if (ephemeralDir) {
    spawnSync("bash", ["scripts/redis-ephemeral.sh", "stop", ephemeralDir]);
    rmSync(path.dirname(ephemeralDir), { recursive: true, force: true });
  }
});

describe("cache invalidations shared through Redis", () => {
  it("another instance's invalidation expires this one's entries and empties its page cache", async () => {
    const cache = new handler.default({});
    await cache.set("news-list", { kind: "FETCH", data: {}, revalidate: 60 }, { tags: ["news"] });
    expect(await cache.get("news-list", { tags: ["news"] })).not.toBeNull();
    pageCache.invalidate.mockClear();

    await other.publish(
      redis.INVALIDATION_CHANNEL,
      JSON.stringify({ origin: "instance-b", tags: ["news"], at: Date.now() }),
    );
    await expect.poll(() => cache.get("news-list", { tags: ["news"] })).toBeNull();
    expect(pageCache.invalidate).toHaveBeenCalled();
  });

  it("this instance's revalidateTag is announced and stored for instances that start later", async () => {
    const before = Date.now();
    await new handler.default({}).revalidateTag(["events", "stats"], { expire: 0 });
    await expect.poll(() => heard.length).toBeGreaterThan(0);
    const message = JSON.parse(heard.at(-1) ?? "{}");
    expect(message.tags).toEqual(["events", "stats"]);
    expect(message.at).toBeGreaterThanOrEqual(before);
    const stored = await other.hGetAll(redis.INVALIDATION_HASH);
    expect(Number(stored.events)).toBe(message.at);
    expect(Number(stored.stats)).toBe(message.at);
  });

  it("after a lost connection, catches up from the hash on what it missed", async () => {
    const cache = new handler.default({});
    await cache.set("dir", { kind: "FETCH", data: {}, revalidate: 60 }, { tags: ["directory"] });
    pageCache.invalidate.mockClear();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      // Drop this process's connections (as a Redis restart or network blip would), and
      // change the hash while nobody listens: no message reaches this instance.
      await other.sendCommand(["CLIENT", "KILL", "TYPE", "pubsub"]);
      await other.hSet(redis.INVALIDATION_HASH, "directory", String(Date.now()));
      await expect
        .poll(() => cache.get("dir", { tags: ["directory"] }), { timeout: 10_000 })
        .toBeNull();
      expect(pageCache.invalidate).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });

  it("with REDIS_URL set, sharedRateLimiter counts in Redis", async () => {
    const limiter = rateLimit.sharedRateLimiter("it:shared", { limit: 2, windowMs: 60_000 });
    await limiter.consume("198.51.100.9");
    expect(await other.get(rateLimit.redisRateLimitKey("it:shared", "198.51.100.9"))).toBe("1");
  });
});
