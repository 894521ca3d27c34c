import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setAccountEnabledIn } from "../../db/queries/users/accounts";
import { findSessionAccountIn } from "../../db/queries/users/sessions";
import { accountsHarness, cli, PASSWORD, T0 } from "../../db/queries/users/test-accounts";
import { users } from "../../db/schema";
import { driverLabel } from "../../db/test-utils";
import { changePassword, logOutEverywhere } from "./account";
import { loginHelpers } from "./test-login";

/** One's own account on the database: revocation of every session by session version. */

const h = accountsHarness();

const { context, login, kindOf } = loginHelpers(h);

describe(`accounts and logins (${driverLabel()})`, () => {
  it("disabling, a password change or 'log out everywhere' bump the session version", async () => {
    h.clock = T0;
    const userId = await h.activate("revoked", "member");
    const ctx = context();
    const version = async () => (await findSessionAccountIn(h.db, userId))?.sessionVersion;
    const v0 = await version();

    const user = { id: userId, username: "revoked", role: "member" as const };
    const wrongCurrent = await changePassword(ctx, user, {
      current: "not the password",
      next: "Autumn wind over the canal",
    });
    expect(wrongCurrent).toMatchObject({ ok: false, field: "current", reason: "wrong_current" });
    const common = await changePassword(ctx, user, { current: PASSWORD, next: "1234567890" });
    expect(common).toMatchObject({ ok: false, field: "next", reason: "common" });
    expect(await version()).toBe(v0);

    expect(
      await changePassword(ctx, user, { current: PASSWORD, next: "Autumn wind over the canal" }),
    ).toEqual({
      ok: true,
    });
    expect(await version()).toBe((v0 ?? 0) + 1);
    expect(kindOf(await login(ctx, "revoked"))).toBe("invalid");
    expect(kindOf(await login(ctx, "revoked", "Autumn wind over the canal"))).toBe("signed_in");

    await logOutEverywhere(ctx, user);
    expect(await version()).toBe((v0 ?? 0) + 2);

    await setAccountEnabledIn(h.db, {
      username: "revoked",
      enabled: false,
      now: h.clock,
      actor: cli,
    });
    expect(await findSessionAccountIn(h.db, userId)).toMatchObject({
      status: "disabled",
      sessionVersion: (v0 ?? 0) + 3,
    });
    expect(kindOf(await login(ctx, "revoked", "Autumn wind over the canal"))).toBe("invalid");

    await setAccountEnabledIn(h.db, {
      username: "revoked",
      enabled: true,
      now: h.clock,
      actor: cli,
    });
    expect(kindOf(await login(ctx, "revoked", "Autumn wind over the canal"))).toBe("signed_in");
    const [row] = await h.db
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    expect(row?.status).toBe("active");
  });
});
