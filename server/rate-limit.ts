import { env } from "@/lib/env";
import { type RedisClient, withRedis } from "@/server/redis";

/**
 * Rate limits keyed by a string (an IP, "ip:action" …): a fixed window per key, counted
 * in this process's memory (one instance), or in Redis when REDIS_URL is set (several
 * instances share the counts). When Redis cannot be reached, the Redis limiter counts
 * in memory instead: limits still hold per instance, and nobody is locked out because
 * Redis is down (failing closed would refuse every login; failing open would let
 * guessing run unlimited).
 */

export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Attempts left in the current window after this one. */
  remaining: number;
  /** When a refused caller may try again (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key`; refused attempts are not counted. */
  consume(key: string): Promise<RateLimitDecision>;
  /** Whether an attempt would be allowed now, without counting one. */
  peek(key: string): Promise<RateLimitDecision>;
}

interface Window {
  startedAt: number;
  count: number;
}

export interface MemoryRateLimiterOptions {
  /** The clock, in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** Above this many keys, expired windows are swept, then the oldest dropped. */
  maxKeys?: number;
}

/** A fixed-window counter per key, held in this process's memory. */
export function createMemoryRateLimiter(
  rule: RateLimitRule,
  options: MemoryRateLimiterOptions = {},
): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  const windows = new Map<string, Window>();

  function current(key: string, at: number): Window | undefined {
    const window = windows.get(key);
    if (window && at - window.startedAt >= rule.windowMs) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  function decide(window: Window | undefined, at: number, counting: boolean): RateLimitDecision {
    const used = window?.count ?? 0;
    if (used >= rule.limit) {
      const endsAt = (window?.startedAt ?? at) + rule.windowMs;
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.ceil((endsAt - at) / 1000) };
    }
    return {
      allowed: true,
      remaining: rule.limit - used - (counting ? 1 : 0),
      retryAfterSeconds: 0,
    };
  }

  function makeRoom(at: number) {
    if (windows.size < maxKeys) return;
    for (const [key, window] of windows) {
      if (at - window.startedAt >= rule.windowMs) windows.delete(key);
    }
    // Still full (a flood of distinct keys): forget the oldest windows first.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    async consume(key) {
      const at = now();
      const window = current(key, at);
      const decision = decide(window, at, true);
      if (!decision.allowed) return decision;
      if (window) {
        window.count += 1;
      } else {
        makeRoom(at);
        windows.set(key, { startedAt: at, count: 1 });
      }
      return decision;
    },
    async peek(key) {
      const at = now();
      return decide(current(key, at), at, false);
    },
  };
}

/**
 * Counts and reads one window atomically. KEYS[1] the window's key; ARGV limit, window ms.
 * Returns { allowed (1/0), count after this attempt, ms left in the window }. A refused
 * attempt is not counted; the window starts at its first attempt, as in memory.
 */
const CONSUME_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local allowed = 0
if count < limit then
  count = redis.call('INCR', KEYS[1])
  allowed = 1
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], window)
  ttl = window
end
return { allowed, count, ttl }
`;

/** Runs a command on a ready Redis connection, or throws (then the limiter falls back). */
export type RedisRunner = <T>(command: (client: RedisClient) => Promise<T>) => Promise<T>;

export interface RedisRateLimiterOptions {
  /** Names the counters: keys are `lvzhi:rl:<name>:<key>`. */
  name: string;
  run: RedisRunner;
  /** Counts while Redis is unreachable (default: a fresh in-memory limiter). */
  fallback?: RateLimiter;
}

export const redisRateLimitKey = (name: string, key: string) => `lvzhi:rl:${name}:${key}`;

/** The same fixed window as createMemoryRateLimiter, counted in Redis. */
export function createRedisRateLimiter(
  rule: RateLimitRule,
  options: RedisRateLimiterOptions,
): RateLimiter {
  const fallback = options.fallback ?? createMemoryRateLimiter(rule);
  let failing = false;

  async function orFallback(
    work: () => Promise<RateLimitDecision>,
    instead: () => Promise<RateLimitDecision>,
  ): Promise<RateLimitDecision> {
    try {
      const decision = await work();
      failing = false;
      return decision;
    } catch (error) {
      if (!failing) {
        failing = true;
        console.error(
          `[rate-limit] ${options.name}: Redis unavailable, counting in this instance's memory:`,
          error instanceof Error ? error.message : error,
        );
      }
      return instead();
    }
  }

  return {
    consume(key) {
      return orFallback(
        async () => {
          const reply = (await options.run((client) =>
            client.eval(CONSUME_SCRIPT, {
              keys: [redisRateLimitKey(options.name, key)],
              arguments: [String(rule.limit), String(rule.windowMs)],
            }),
          )) as [number, number, number];
          const [allowed, count, ttl] = reply.map(Number) as [number, number, number];
          return allowed === 1
            ? { allowed: true, remaining: Math.max(0, rule.limit - count), retryAfterSeconds: 0 }
            : { allowed: false, remaining: 0, retryAfterSeconds: Math.ceil(ttl / 1000) };
        },
        () => fallback.consume(key),
      );
    },
    peek(key) {
      return orFallback(
        async () => {
          const redisKey = redisRateLimitKey(options.name, key);
          const [count, ttl] = await options.run((client) =>
            Promise.all([client.get(redisKey), client.pTTL(redisKey)]),
          );
          const used = Number(count ?? 0);
          if (used >= rule.limit) {
            return {
              allowed: false,
              remaining: 0,
              retryAfterSeconds: Math.ceil((ttl > 0 ? ttl : rule.windowMs) / 1000),
            };
          }
          return { allowed: true, remaining: rule.limit - used, retryAfterSeconds: 0 };
        },
        () => fallback.peek(key),
      );
    },
  };
}

const holder = globalThis as unknown as { __lvzhiRateLimiters?: Map<string, RateLimiter> };

/**
 * The process-wide limiter of one name (kept on globalThis, so every copy of a module
 * that Next.js bundles separately counts against the same windows): in Redis when
 * REDIS_URL is set (shared by all instances), else in memory.
 */
export function sharedRateLimiter(name: string, rule: RateLimitRule): RateLimiter {
  holder.__lvzhiRateLimiters ??= new Map();
  let limiter = holder.__lvzhiRateLimiters.get(name);
  if (!limiter) {
    limiter = env.REDIS_URL
      ? createRedisRateLimiter(rule, { name, run: withRedis })
      : createMemoryRateLimiter(rule);
    holder.__lvzhiRateLimiters.set(name, limiter);
  }
  return limiter;
}
