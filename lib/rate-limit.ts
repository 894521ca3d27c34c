/**
 * Rate limits keyed by a string (an IP, "ip:action" …), without third-party services.
 * The interface is asynchronous so that a shared store (Redis, when several instances
 * run) can implement it later; the in-memory limiter below serves one instance.
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

const holder = globalThis as unknown as { __lvzhiRateLimiters?: Map<string, RateLimiter> };

/**
 * The process-wide limiter of one name (kept on globalThis, so every copy of a module
 * that Next.js bundles separately counts against the same windows).
 */
export function sharedRateLimiter(name: string, rule: RateLimitRule): RateLimiter {
  holder.__lvzhiRateLimiters ??= new Map();
  let limiter = holder.__lvzhiRateLimiters.get(name);
  if (!limiter) {
    limiter = createMemoryRateLimiter(rule);
    holder.__lvzhiRateLimiters.set(name, limiter);
  }
  return limiter;
}
