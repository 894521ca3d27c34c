import type { AccountsHarness } from "@/db/queries/users/test-accounts";
import { PASSWORD } from "@/db/queries/users/test-accounts";
import { createMemoryRateLimiter } from "../rate-limit";
import { attemptPasswordLogin, type LoginContext, type LoginOutcome } from "./login";

/**
 * For the integration tests of logins and accounts: a login context on the harness's
 * database and clock (no timing pad, a generous rate limit).
 */
export function loginHelpers(h: AccountsHarness) {
  function context(ip = "203.0.113.7", overrides: Partial<LoginContext> = {}): LoginContext {
    return {
      db: h.db,
      ip,
      now: () => h.clock,
      padTiming: false,
      limiter: createMemoryRateLimiter({ limit: 1000, windowMs: 60_000 }),
      ...overrides,
    };
  }
  const login = (ctx: LoginContext, identifier: string, password = PASSWORD) =>
    attemptPasswordLogin(ctx, { identifier, password, next: "" });
  const kindOf = (outcome: LoginOutcome) => outcome.kind;
  return { context, login, kindOf };
}
