import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisRateLimiter, type RedisRunner, redisRateLimitKey } from "./rate-limit";

/*
 * The Redis limiter against a real redis-server: TEST_REDIS_URL (scripts/test.sh starts
 * one), or one started here with scripts/redis-ephemeral.sh (installs Debian's
 * redis-server when missing) and stopped afterwards.
 */

let url = process.env.TEST_REDIS_URL ?? "";
let ephemeralDir: string | null = null;
let client: ReturnType<typeof createClient>;
const run: RedisRunner = (command) => command(client as never);
const prefix = `it-${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  if (!url) {
    ephemeralDir = path.join(mkdtempSync(path.join(os.tmpdir(), "lvzhi-rl-")), "redis");
    const started = spawnSync("bash", ["scripts/redis-ephemeral.sh", "start", ephemeralDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const match = /TEST_REDIS_URL='([^']+)'/.exec(started.stdout ?? "");
    if (started.status !== 0 || !match?.[1]) throw new Error("could not start redis-server");
    url = match[1];
  }
  client = createClient({ url });
  await client.connect();
});

afterAll(async () => {
  await client?.close();
  if (ephemeralDir) {
    spawnSync("bash", ["scripts/redis-ephemeral.sh", "stop", ephemeralDir]);
    rmSync(path.dirname(ephemeralDir), { recursive: true, force: true });
  }
});

describe("Redis rate limiter (fixed window, shared by instances)", () => {
  it("allows `limit` attempts per window, then refuses with the wait, as in memory", async () => {
    const limiter = createRedisRateLimiter(
      { limit: 3, windowMs: 60_000 },
      { name: `${prefix}:a`, run },
    );
    for (let i = 0; i < 3; i++) {
      expect(await limiter.consume("203.0.113.7")).toEqual({
        allowed: true,
        remaining: 2 - i,
        retryAfterSeconds: 0,
      });
    }
    const refused = await limiter.consume("203.0.113.7");
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Refused attempts are not counted; each key counts on its own.
    expect(await client.get(redisRateLimitKey(`${prefix}:a`, "203.0.113.7"))).toBe("3");
    expect((await limiter.consume("203.0.113.8")).allowed).toBe(true);
  });

  it("is shared: two limiters of one name (two instances) count against one window", async () => {
    const rule = { limit: 4, windowMs: 60_000 };
    const onA = createRedisRateLimiter(rule, { name: `${prefix}:shared`, run });
    const onB = createRedisRateLimiter(rule, { name: `${prefix}:shared`, run });
    const other = createRedisRateLimiter(rule, { name: `${prefix}:other`, run });
    for (let i = 0; i < 4; i++) expect((await onA.consume("ip")).allowed).toBe(true);
    expect((await onB.consume("ip")).allowed).toBe(false);
    expect((await onB.peek("ip")).allowed).toBe(false);
    expect((await other.consume("ip")).allowed).toBe(true);
  });

  it("peeks without counting", async () => {
    const limiter = createRedisRateLimiter(
      { limit: 2, windowMs: 60_000 },
      { name: `${prefix}:peek`, run },
    );
    expect(await limiter.peek("k")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(await limiter.peek("k")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    await limiter.consume("k");
    expect(await limiter.peek("k")).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it("starts afresh when the window has passed (Redis expires the key)", async () => {
    const limiter = createRedisRateLimiter(
      { limit: 1, windowMs: 300 },
      { name: `${prefix}:window`, run },
    );
    expect((await limiter.consume("k")).allowed).toBe(true);
    expect((await limiter.consume("k")).allowed).toBe(false);
    const key = redisRateLimitKey(`${prefix}:window`, "k");
    const ttl = await client.pTTL(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    await expect
      .poll(() => limiter.consume("k").then((d) => d.allowed), { timeout: 3_000, interval: 100 })
      .toBe(true);
  });

  it("counts atomically under concurrent attempts", async () => {
    const limiter = createRedisRateLimiter(
      { limit: 10, windowMs: 60_000 },
      { name: `${prefix}:race`, run },
    );
    const decisions = await Promise.all(Array.from({ length: 25 }, () => limiter.consume("k")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(await client.get(redisRateLimitKey(`${prefix}:race`, "k"))).toBe("10");
  });
});
