import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setAccountEnabledIn } from "../../db/queries/users/accounts";
import { isTotpSecretInForceIn, listSecurityEventsIn } from "../../db/queries/users/profile";
import { findSessionAccountIn } from "../../db/queries/users/sessions";
import { accountsHarness, at, cli, PASSWORD, T0 } from "../../db/queries/users/test-accounts";
import { users } from "../../db/schema";
import { driverLabel } from "../../db/test-utils";
import { generateTotpSecret, totpCode } from "../../lib/auth/totp";
import { changePassword, logOutEverywhere } from "./account";
import { attemptSecondFactor } from "./login";
import { loginHelpers } from "./test-login";
import { changeTotp } from "./totp-change";

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

  it("replacing or turning off TOTP takes the password and a current code; other sessions end", async () => {
    h.clock = T0;
    const userId = await h.activate("twofa", "member");
    const ctx = context();
    const user = { id: userId, username: "twofa", role: "member" as const };
    const version = async () => (await findSessionAccountIn(h.db, userId))?.sessionVersion ?? 0;
    const v0 = await version();

    // First time (nothing to prove yet but the password), with a code from the new app.
    const first = generateTotpSecret();
    const turnOn = (current: string) =>
      changeTotp(ctx, user, {
        current,
        oldCode: "",
        next: { secret: first, code: totpCode(first, h.clock) },
      });
    expect(await turnOn("not the password")).toMatchObject({ ok: false, field: "current" });
    expect(await version()).toBe(v0);
    const on = await turnOn(PASSWORD);
    if (!on.ok) throw new Error(`enrolment refused: ${on.reason}`);
    expect(on.recoveryCodes).toHaveLength(10);
    expect(on.sessionVersion).toBe(v0 + 1);
    expect(await version()).toBe(v0 + 1);

    // Replacing: a session and the password alone are not enough, nor a wrong code.
    h.clock = at(1);
    const second = generateTotpSecret();
    const replace = (current: string, oldCode: string) =>
      changeTotp(ctx, user, {
        current,
        oldCode,
        next: { secret: second, code: totpCode(second, h.clock) },
      });
    expect(await replace(PASSWORD, "")).toMatchObject({ ok: false, field: "oldCode" });
    expect(await replace(PASSWORD, "000000")).toMatchObject({ ok: false, field: "oldCode" });
    expect(await replace("not the password", totpCode(first, h.clock))).toMatchObject({
      ok: false,
      field: "current",
    });
    expect(await isTotpSecretInForceIn(h.db, userId, first)).toBe(true);
    expect(await version()).toBe(v0 + 1);
    const oldCode = totpCode(first, h.clock);
    const replaced = await replace(PASSWORD, oldCode);
    if (!replaced.ok) throw new Error(`replacement refused: ${replaced.reason}`);
    expect(replaced.sessionVersion).toBe(v0 + 2);
    expect(await isTotpSecretInForceIn(h.db, userId, second)).toBe(true);

    // The old authenticator's code cannot log in, nor can the old recovery codes.
    const pending = { uid: userId, sv: v0 + 2, next: "", step: "totp" as const };
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: oldCode }))).toBe("invalid");
    const oldRecovery = on.recoveryCodes[0] ?? "";
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: oldRecovery }))).toBe("invalid");

    // Turning off: an old recovery code is refused, a current one works.
    h.clock = at(3);
    const off = (oldCode: string) =>
      changeTotp(ctx, user, { current: PASSWORD, oldCode, next: null });
    expect(await off(oldRecovery)).toMatchObject({ ok: false, field: "oldCode" });
    expect(await off(replaced.recoveryCodes[0] ?? "")).toMatchObject({
      ok: true,
      sessionVersion: v0 + 3,
    });
    expect(await findSessionAccountIn(h.db, userId)).toMatchObject({ totpEnabled: false });

    // Audited, and listed (newest first) among the account's security events.
    const changes = (await h.auditOf(userId)).filter((e) =>
      ["auth.totp.enrol", "auth.totp.disable"].includes(e.action),
    );
    expect(changes.map((e) => [e.action, e.details.verifiedWith])).toEqual([
      ["auth.totp.enrol", "password"],
      ["auth.totp.enrol", "password+totp"],
      ["auth.totp.disable", "password+recovery_code"],
    ]);
    expect(changes.every((e) => e.details.otherSessionsEnded === true)).toBe(true);
    const events = (await listSecurityEventsIn(h.db, userId)).map((e) => e.action);
    expect(events.filter((a) => a.startsWith("auth.totp.") && !a.endsWith("failure"))).toEqual([
      "auth.totp.disable",
      "auth.totp.enrol",
      "auth.totp.enrol",
    ]);
    expect(events[0]).toBe("auth.totp.disable");
    expect(events).toContain("auth.totp.check_failure");

    // Staff cannot turn it off at all.
    const editorId = await h.activate("twofa-editor", "editor");
    const editor = { id: editorId, username: "twofa-editor", role: "editor" as const };
    expect(
      await changeTotp(ctx, editor, { current: PASSWORD, oldCode: "", next: null }),
    ).toMatchObject({ ok: false, field: "current", reason: "required_for_role" });
  });
});
