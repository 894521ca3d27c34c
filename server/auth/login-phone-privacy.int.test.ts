import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountsHarness, T0 } from "../../db/queries/users/test-accounts";
import { driverLabel } from "../../db/test-utils";
import { createMemoryRateLimiter } from "../rate-limit";
import { loginHelpers } from "./test-login";

/**
 * Phones are encrypted at rest (lib/security/field-crypto.ts), so they must not reach the
 * audit log in clear by another door: what a person typed into the login form labels the
 * entry when no active account answers it.
 */

const h = accountsHarness();
const { context, login, kindOf } = loginHelpers(h);

async function auditText(): Promise<string> {
  const result = await h.db.execute(sql`select audit_log::text as r from audit_log`);
  return JSON.stringify((result as unknown as { rows: unknown[] }).rows);
}

describe(`login by phone keeps the phone out of the audit log (${driverLabel()})`, () => {
  it("labels failed attempts typed as phones with the phone masked", async () => {
    h.clock = T0;
    await h.invite("notyet", "member", "13700000022");
    await h.activate("phoneowner", "member", "13700000033");
    // Unknown phone, an invited (inactive) account's phone, a rate-limited attempt, a
    // real account's phone with a wrong password.
    expect(kindOf(await login(context(), "13700000011", "wrong password!"))).toBe("invalid");
    expect(kindOf(await login(context(), "+86 137-0000-0022"))).toBe("invalid");
    const limited = context("198.51.100.9", {
      limiter: createMemoryRateLimiter({ limit: 0, windowMs: 60_000 }),
    });
    expect(kindOf(await login(limited, "13700000044"))).toBe("rate_limited");
    expect(kindOf(await login(context(), "13700000033", "wrong password!"))).toBe("invalid");

    // Separators dropped, so that "+86 137-0000-0022" counts as its phone too.
    const text = (await auditText()).replace(/[\s+-]/g, "");
    expect(text).toContain("auth.login.failure");
    for (const phone of ["13700000011", "13700000022", "13700000033", "13700000044"]) {
      expect(text).not.toContain(phone);
    }
    expect(text).toContain("137****0011");
  });
});
