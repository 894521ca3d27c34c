import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptInvitationIn,
  findUsableInvitationIn,
  INVITATION_LIFETIME_MS,
} from "../../db/queries/users/invitations";
import { findSessionAccountIn } from "../../db/queries/users/sessions";
import { accountsHarness, at, PASSWORD, T0 } from "../../db/queries/users/test-accounts";
import { auditLog, invitations } from "../../db/schema";
import { driverLabel } from "../../db/test-utils";
import { generateTotpSecret, totpCode } from "../../lib/auth/totp";
import { hashPassword } from "../../lib/password";
import { createMemoryRateLimiter } from "../rate-limit";
import { confirmTotpEnrolment } from "./account";
import { attemptSecondFactor } from "./login";
import { loginHelpers } from "./test-login";

/**
 * Logins end to end on the database, with an injected clock: invitations, the lockout
 * that lasts its full fifteen minutes, unknown names that answer like real ones, TOTP
 * with replay protection and recovery codes.
 */

const h = accountsHarness();

const { context, login, kindOf } = loginHelpers(h);

describe(`accounts and logins (${driverLabel()})`, () => {
  it("an invitation sets the password once, within seven days, and activates the account", async () => {
    h.clock = T0;
    const { userId, tokenHash } = await h.invite("invitee", "member");
    const before = await findSessionAccountIn(h.db, userId);
    expect(before?.status).toBe("invited");
    expect(await findUsableInvitationIn(h.db, tokenHash, at(7 * 24 * 60 - 1))).not.toBeNull();
    expect(
      await findUsableInvitationIn(
        h.db,
        tokenHash,
        new Date(T0.getTime() + INVITATION_LIFETIME_MS),
      ),
    ).toBeNull();
    // Not usable to log in before the password is set.
    expect(kindOf(await login(context(), "invitee"))).toBe("invalid");

    const accept = (passwordHash: string) =>
      acceptInvitationIn(h.db, { tokenHash, passwordHash, now: at(60), ip: "198.51.100.4" });
    expect(await accept(await hashPassword(PASSWORD))).toBe(true);
    expect(await accept(await hashPassword("another password entirely"))).toBe(false);

    const after = await findSessionAccountIn(h.db, userId);
    expect(after?.status).toBe("active");
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    const [stored] = await h.db
      .select({ tokenHash: invitations.tokenHash })
      .from(invitations)
      .where(and(eq(invitations.userId, userId)));
    expect(stored?.tokenHash).toBe(tokenHash);
    expect((await h.auditOf(userId)).map((e) => e.action)).toContain("auth.invite.accept");

    expect(kindOf(await login(context(), "invitee"))).toBe("signed_in");
  });

  it("logs in by username (any case) or phone, and audits every attempt with its IP", async () => {
    h.clock = T0;
    const userId = await h.activate("phoneuser", "member", "13900000011");
    expect(kindOf(await login(context("198.51.100.20"), "PhoneUser"))).toBe("signed_in");
    expect(kindOf(await login(context("198.51.100.21"), "+86 139-0000-0011"))).toBe("signed_in");
    expect(kindOf(await login(context("198.51.100.22"), "phoneuser", "wrong password!"))).toBe(
      "invalid",
    );
    const entries = (await h.auditOf(userId)).filter((e) => e.action.startsWith("auth.login"));
    expect(entries.map((e) => [e.action, e.ip])).toEqual([
      ["auth.login.success", "198.51.100.20"],
      ["auth.login.success", "198.51.100.21"],
      ["auth.login.failure", "198.51.100.22"],
    ]);
    expect(entries[2]?.details).toMatchObject({ reason: "wrong_password" });
    expect(JSON.stringify(entries)).not.toContain("wrong password!");
  });

  it("five wrong passwords lock the account for its full fifteen minutes", async () => {
    h.clock = T0;
    const userId = await h.activate("locky", "member");
    const ctx = context();
    for (let i = 0; i < 4; i++) {
      h.clock = at(i);
      expect(kindOf(await login(ctx, "locky", `wrong guess ${i}`))).toBe("invalid");
    }
    h.clock = at(4);
    // The fifth locks, but says no more than the others did (no oracle: see below).
    expect(await login(ctx, "locky", "wrong guess 4")).toEqual({ kind: "invalid" });
    const locking = (await h.auditOf(userId)).at(-1);
    expect(locking?.details).toMatchObject({ failures: 5, lockedUntil: at(19).toISOString() });

    // The right password is refused throughout the lock…
    for (const minute of [5, 10, 18.99]) {
      h.clock = at(minute);
      expect(await login(ctx, "locky")).toEqual({ kind: "invalid" });
    }
    // …and accepted once it has passed.
    h.clock = at(19);
    expect(kindOf(await login(ctx, "locky"))).toBe("signed_in");

    const actions = (await h.auditOf(userId)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login.failure")).toHaveLength(5);
    expect(actions.filter((a) => a === "auth.login.locked")).toHaveLength(3);
    expect(actions.at(-1)).toBe("auth.login.success");
  });

  it("counts concurrent wrong passwords one by one: the fifth locks, whatever the race", async () => {
    h.clock = T0;
    const userId = await h.activate("racer", "member");
    const ctx = context("192.0.2.77");
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(ctx, "racer", `wrong guess ${i}`)),
    );
    expect(outcomes.map(kindOf)).toEqual(Array(8).fill("invalid"));
    expect(await login(ctx, "racer")).toEqual({ kind: "invalid" });
    const actions = (await h.auditOf(userId)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login.failure")).toHaveLength(5);
    expect(actions.filter((a) => a === "auth.login.locked")).toHaveLength(4);
  });

  it("answers an unknown name exactly like a real account, and audits every try", async () => {
    h.clock = T0;
    const ctx = context("192.0.2.50");
    for (let i = 0; i < 5; i++)
      expect(await login(ctx, "no-such-user")).toEqual({ kind: "invalid" });
    const entries = await h.db
      .select({ action: auditLog.action, label: auditLog.actorLabel, ip: auditLog.ip })
      .from(auditLog)
      .where(eq(auditLog.actorLabel, "no-such-user"));
    expect(entries).toHaveLength(5);
    expect(entries.every((e) => e.ip === "192.0.2.50")).toBe(true);
  });

  it("answers the same in every state: unknown or real, any spelling, locked or not", async () => {
    h.clock = T0;
    const userId = await h.activate("samephone", "member", "13900000077");
    const ctx = context("192.0.2.60");
    // Five wrong passwords under one spelling of each phone: a real one and an unknown one.
    const answers: unknown[] = [];
    for (const phone of ["13900000077", "13900000088"]) {
      for (let i = 0; i < 5; i++) answers.push(await login(ctx, phone, `wrong guess ${i}`));
      // Then the other spellings of the same phone, and (for the real one) the right password.
      h.clock = at(1);
      for (const spelling of [
        `+86 ${phone}`,
        `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      ]) {
        answers.push(await login(ctx, spelling, "wrong guess again"));
        answers.push(await login(ctx, spelling));
      }
      h.clock = T0;
    }
    expect(answers).toHaveLength(18);
    for (const answer of answers) expect(answer).toEqual({ kind: "invalid" });

    // Yet the real account is locked: its right password was refused, and is until 15 minutes pass.
    const actions = (await h.auditOf(userId)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login.failure")).toHaveLength(5);
    expect(actions.filter((a) => a === "auth.login.locked")).toHaveLength(4);
    expect(actions).not.toContain("auth.login.success");
    h.clock = at(15);
    expect(kindOf(await login(ctx, "+86 139-0000-0077"))).toBe("signed_in");
  });

  it("limits attempts per IP", async () => {
    h.clock = T0;
    const ctx = context("192.0.2.99", {
      limiter: createMemoryRateLimiter(
        { limit: 2, windowMs: 60_000 },
        { now: () => h.clock.getTime() },
      ),
    });
    await login(ctx, "nobody-a");
    await login(ctx, "nobody-b");
    const third = await login(ctx, "phoneuser");
    expect(third.kind).toBe("rate_limited");
  });

  it("staff enrol TOTP at first login, then pass it every time; codes are not replayable", async () => {
    h.clock = T0;
    const userId = await h.activate("editorx", "editor");
    const ctx = context();
    const first = await login(ctx, "editorx");
    expect(first.kind).toBe("enrol");
    expect(await findSessionAccountIn(h.db, userId)).toMatchObject({ totpEnabled: false });

    const secret = generateTotpSecret();
    const wrong = await confirmTotpEnrolment(
      ctx,
      { id: userId, username: "editorx" },
      {
        secret,
        code: "000000",
      },
    );
    expect(wrong.ok).toBe(false);
    const enrolled = await confirmTotpEnrolment(
      ctx,
      { id: userId, username: "editorx" },
      {
        secret,
        code: totpCode(secret, h.clock),
      },
    );
    if (!enrolled.ok) throw new Error("enrolment refused");
    expect(enrolled.recoveryCodes).toHaveLength(10);
    // The login's enrolment cannot replace a second factor already on (a stale pending login).
    const another = generateTotpSecret();
    expect(
      await confirmTotpEnrolment(
        ctx,
        { id: userId, username: "editorx" },
        { secret: another, code: totpCode(another, at(0.5)) },
      ),
    ).toEqual({ ok: false });

    h.clock = at(1);
    const second = await login(ctx, "editorx");
    if (second.kind !== "second_factor")
      throw new Error(`expected second_factor, got ${second.kind}`);
    const pending = second.pending;
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: "123456" }))).toBe("invalid");
    const code = totpCode(secret, h.clock);
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code }))).toBe("signed_in");
    // The same code again (same step): refused, and counted as a failure.
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code }))).toBe("invalid");
    const replay = (await h.auditOf(userId))
      .filter((e) => e.action === "auth.login.failure")
      .at(-1);
    expect(replay?.details).toMatchObject({ reason: "totp_replayed", stage: "totp" });

    // A recovery code works once.
    const recovery = enrolled.recoveryCodes[0] ?? "";
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: recovery.toUpperCase() }))).toBe(
      "signed_in",
    );
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: recovery }))).toBe("invalid");
  });
});
