import { describe, expect, it, vi } from "vitest";
import { clientIpFrom } from "@/lib/client-ip";
import { createMemoryRateLimiter, createRedisRateLimiter, sharedRateLimiter } from "./rate-limit";

function fakeClock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const TEN_MINUTES = 10 * 60_000;

describe("in-memory rate limiter (fixed window)", () => {
  it("allows `limit` attempts per window, then refuses with the wait", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter({ limit: 10, windowMs: TEN_MINUTES }, clock);
    for (let i = 0; i < 10; i++) {
      const decision = await limiter.consume("203.0.113.7");
      expect(decision).toEqual({ allowed: true, remaining: 9 - i, retryAfterSeconds: 0 });
    }
    clock.advance(4 * 60_000);
    expect(await limiter.consume("203.0.113.7")).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 6 * 60,
    });
  });

  it("starts afresh when the window has passed", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: TEN_MINUTES }, clock);
    await limiter.consume("a");
    await limiter.consume("a");
    expect((await limiter.consume("a")).allowed).toBe(false);
    clock.advance(TEN_MINUTES);
    expect(await limiter.consume("a")).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
    });
  });

  it("counts each key on its own", async () => {
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: TEN_MINUTES }, fakeClock());
    expect((await limiter.consume("198.51.100.1")).allowed).toBe(true);
    expect((await limiter.consume("198.51.100.1")).allowed).toBe(false);
    expect((await limiter.consume("198.51.100.2")).allowed).toBe(true);
  });

  it("peeks without counting, and refused attempts do not extend the wait", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000 }, clock);
    expect(await limiter.peek("k")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    await limiter.consume("k");
    await limiter.consume("k");
    expect((await limiter.peek("k")).allowed).toBe(false);
    clock.advance(30_000);
    for (let i = 0; i < 5; i++) await limiter.consume("k");
    clock.advance(30_000);
    expect((await limiter.consume("k")).allowed).toBe(true);
  });

  it("keeps its memory bounded under a flood of distinct keys", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { limit: 1, windowMs: 60_000 },
      { ...clock, maxKeys: 100 },
    );
    await limiter.consume("victim");
    clock.advance(61_000);
    // The victim's window has expired: the sweep removes it before evicting anyone live.
    for (let i = 0; i < 99; i++) await limiter.consume(`flood-${i}`);
    await limiter.consume("fresh");
    expect((await limiter.consume("flood-98")).allowed).toBe(false);
    expect((await limiter.consume("fresh")).allowed).toBe(false);
  });

  it("shares one limiter per name across the process", () => {
    const rule = { limit: 3, windowMs: 1_000 };
    expect(sharedRateLimiter("test:shared", rule)).toBe(sharedRateLimiter("test:shared", rule));
    expect(sharedRateLimiter("test:other", rule)).not.toBe(sharedRateLimiter("test:shared", rule));
  });
});

describe("Redis rate limiter while Redis is unreachable", () => {
  it("falls back to counting in this instance's memory: limited, never locked out", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const clock = fakeClock();
    const rule = { limit: 2, windowMs: 60_000 };
    const limiter = createRedisRateLimiter(rule, {
      name: "test:down",
      run: async () => {
        throw new Error("Redis is not connected");
      },
      fallback: createMemoryRateLimiter(rule, clock),
    });
    expect(await limiter.peek("k")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(await limiter.consume("k")).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
    });
    await limiter.consume("k");
    expect(await limiter.consume("k")).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 60,
    });
    // The outage is logged once, not once per attempt.
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});

// The limiter's key: the client IP (lib/client-ip.ts), as server.mjs worked it out.
describe("client IP from the request headers", () => {
  const from = (init: Record<string, string>) => clientIpFrom(new Headers(init));

  it("takes the address the server determined, never the client's own headers", () => {
    expect(from({ "x-lvzhi-client-ip": "203.0.113.7" })).toBe("203.0.113.7");
    expect(from({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" })).toBe("unknown");
    expect(from({ "x-lvzhi-client-ip": "2001:DB8::1" })).toBe("2001:db8::1");
  });

  it("strips ports and the IPv4-mapped prefix", () => {
    expect(from({ "x-lvzhi-client-ip": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(from({ "x-lvzhi-client-ip": "203.0.113.7:51234" })).toBe("203.0.113.7");
    expect(from({ "x-lvzhi-client-ip": "[2001:db8::1]:443" })).toBe("2001:db8::1");
  });

  it("says unknown when there is no address or only garbage", () => {
    expect(from({})).toBe("unknown");
    expect(from({ "x-lvzhi-client-ip": "<script>" })).toBe("unknown");
  });
});
