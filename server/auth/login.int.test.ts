import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInvitationToken } from "../../lib/auth/invitation";
import { createPhantomLockouts } from "../../lib/auth/phantom-lockouts";
import { generateTotpSecret, totpCode } from "../../lib/auth/totp";
import { hashPassword } from "../../lib/password";
import { changePassword, confirmTotpEnrolment, logOutEverywhere } from "../../server/auth/account";
import {
  attemptPasswordLogin,
  attemptSecondFactor,
  type LoginContext,
  type LoginOutcome,
} from "../../server/auth/login";
import { createMemoryRateLimiter } from "../../server/rate-limit";
import { auditLog, endedSessions, invitations, users } from "../schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "../test-utils";
import {
  acceptInvitationIn,
  createInvitedAccountIn,
  findSessionAccountIn,
  findUsableInvitationIn,
  INVITATION_LIFETIME_MS,
  recordLogoutIn,
  setAccountEnabledIn,
} from "./users";

/**
 * Accounts end to end on the database, with an injected clock: invitations, the lockout
 * that lasts its full fifteen minutes, unknown names that answer like real ones, TOTP
 * with replay protection and recovery codes, and revocation by session version.
 */

const T0 = new Date("2026-05-20T02:00:00Z");
const PASSWORD = "Spring rain on the Xiuzhou fields";
const cli = { actorId: null, actorLabel: "cli:test", ip: null };

let handle: TestDatabase;
let clock = T0;
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function context(ip = "203.0.113.7", overrides: Partial<LoginContext> = {}): LoginContext {
  return {
    db: handle.db,
    ip,
    now: () => clock,
    padTiming: false,
    limiter: createMemoryRateLimiter({ limit: 1000, windowMs: 60_000 }),
    phantoms: createPhantomLockouts(),
    ...overrides,
  };
}

async function invite(username: string, role: "member" | "editor", phone: string | null = null) {
  const { token, tokenHash } = generateInvitationToken();
  const { userId } = await createInvitedAccountIn(handle.db, {
    account: { username, displayName: `测试${username}`, role, phone },
    tokenHash,
    now: clock,
    actor: cli,
  });
  return { userId, token, tokenHash };
}

async function activate(username: string, role: "member" | "editor", phone: string | null = null) {
  const { userId, tokenHash } = await invite(username, role, phone);
  const accepted = await acceptInvitationIn(handle.db, {
    tokenHash,
    passwordHash: await hashPassword(PASSWORD),
    now: clock,
    ip: "203.0.113.7",
  });
  expect(accepted).toBe(true);
  return userId;
}

async function auditOf(userId: number) {
  return handle.db
    .select({ action: auditLog.action, ip: auditLog.ip, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .orderBy(auditLog.id);
}

const login = (ctx: LoginContext, identifier: string, password = PASSWORD) =>
  attemptPasswordLogin(ctx, { identifier, password, next: "" });

function kindOf(outcome: LoginOutcome) {
  return outcome.kind;
}

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe(`accounts and logins (${driverLabel()})`, () => {
  it("an invitation sets the password once, within seven days, and activates the account", async () => {
    clock = T0;
    const { userId, tokenHash } = await invite("invitee", "member");
    const before = await findSessionAccountIn(handle.db, userId);
    expect(before?.status).toBe("invited");
    expect(await findUsableInvitationIn(handle.db, tokenHash, at(7 * 24 * 60 - 1))).not.toBeNull();
    expect(
      await findUsableInvitationIn(
        handle.db,
        tokenHash,
        new Date(T0.getTime() + INVITATION_LIFETIME_MS),
      ),
    ).toBeNull();
    // Not usable to log in before the password is set.
    expect(kindOf(await login(context(), "invitee"))).toBe("invalid");

    const accept = (passwordHash: string) =>
      acceptInvitationIn(handle.db, { tokenHash, passwordHash, now: at(60), ip: "198.51.100.4" });
    expect(await accept(await hashPassword(PASSWORD))).toBe(true);
    expect(await accept(await hashPassword("another password entirely"))).toBe(false);

    const after = await findSessionAccountIn(handle.db, userId);
    expect(after?.status).toBe("active");
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    const [stored] = await handle.db
      .select({ tokenHash: invitations.tokenHash })
      .from(invitations)
      .where(and(eq(invitations.userId, userId)));
    expect(stored?.tokenHash).toBe(tokenHash);
    expect((await auditOf(userId)).map((e) => e.action)).toContain("auth.invite.accept");

    expect(kindOf(await login(context(), "invitee"))).toBe("signed_in");
  });

  it("logs in by username (any case) or phone, and audits every attempt with its IP", async () => {
    clock = T0;
    const userId = await activate("phoneuser", "member", "13900000011");
    expect(kindOf(await login(context("198.51.100.20"), "PhoneUser"))).toBe("signed_in");
    expect(kindOf(await login(context("198.51.100.21"), "+86 139-0000-0011"))).toBe("signed_in");
    expect(kindOf(await login(context("198.51.100.22"), "phoneuser", "wrong password!"))).toBe(
      "invalid",
    );
    const entries = (await auditOf(userId)).filter((e) => e.action.startsWith("auth.login"));
    expect(entries.map((e) => [e.action, e.ip])).toEqual([
      ["auth.login.success", "198.51.100.20"],
      ["auth.login.success", "198.51.100.21"],
      ["auth.login.failure", "198.51.100.22"],
    ]);
    expect(entries[2]?.details).toMatchObject({ reason: "wrong_password" });
    expect(JSON.stringify(entries)).not.toContain("wrong password!");
  });

  it("five wrong passwords lock the account for its full fifteen minutes", async () => {
    clock = T0;
    const userId = await activate("locky", "member");
    const ctx = context();
    for (let i = 0; i < 4; i++) {
      clock = at(i);
      expect(kindOf(await login(ctx, "locky", `wrong guess ${i}`))).toBe("invalid");
    }
    clock = at(4);
    const fifth = await login(ctx, "locky", "wrong guess 4");
    expect(fifth).toEqual({ kind: "locked", until: at(19) });

    // The right password is refused throughout the lock…
    for (const minute of [5, 10, 18.99]) {
      clock = at(minute);
      expect(await login(ctx, "locky")).toEqual({ kind: "locked", until: at(19) });
    }
    // …and accepted once it has passed.
    clock = at(19);
    expect(kindOf(await login(ctx, "locky"))).toBe("signed_in");

    const actions = (await auditOf(userId)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login.failure")).toHaveLength(5);
    expect(actions.filter((a) => a === "auth.login.locked")).toHaveLength(3);
    expect(actions.at(-1)).toBe("auth.login.success");
  });

  it("counts concurrent wrong passwords one by one: the fifth locks, whatever the race", async () => {
    clock = T0;
    await activate("racer", "member");
    const ctx = context("192.0.2.77");
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(ctx, "racer", `wrong guess ${i}`)),
    );
    const kinds = outcomes.map(kindOf).sort();
    expect(kinds).toEqual([...Array(4).fill("invalid"), ...Array(4).fill("locked")].sort());
    expect(await login(ctx, "racer")).toEqual({ kind: "locked", until: at(15) });
  });

  it("answers an unknown name exactly like a real account, locked after five tries too", async () => {
    clock = T0;
    const ctx = context("192.0.2.50");
    for (let i = 0; i < 4; i++)
      expect(await login(ctx, "no-such-user")).toEqual({ kind: "invalid" });
    expect(await login(ctx, "no-such-user")).toEqual({ kind: "locked", until: at(15) });
    const entries = await handle.db
      .select({ action: auditLog.action, label: auditLog.actorLabel, ip: auditLog.ip })
      .from(auditLog)
      .where(eq(auditLog.actorLabel, "no-such-user"));
    expect(entries).toHaveLength(5);
    expect(entries.every((e) => e.ip === "192.0.2.50")).toBe(true);
  });

  it("limits attempts per IP", async () => {
    clock = T0;
    const ctx = context("192.0.2.99", {
      limiter: createMemoryRateLimiter(
        { limit: 2, windowMs: 60_000 },
        { now: () => clock.getTime() },
      ),
    });
    await login(ctx, "nobody-a");
    await login(ctx, "nobody-b");
    const third = await login(ctx, "phoneuser");
    expect(third.kind).toBe("rate_limited");
  });

  it("staff enrol TOTP at first login, then pass it every time; codes are not replayable", async () => {
    clock = T0;
    const userId = await activate("editorx", "editor");
    const ctx = context();
    const first = await login(ctx, "editorx");
    expect(first.kind).toBe("enrol");
    expect(await findSessionAccountIn(handle.db, userId)).toMatchObject({ totpEnabled: false });

    const secret = generateTotpSecret();
    const wrong = await confirmTotpEnrolment(
      ctx,
      { id: userId, username: "editorx" },
      {
        secret,
        code: "000000",
        reenrol: false,
      },
    );
    expect(wrong.ok).toBe(false);
    const enrolled = await confirmTotpEnrolment(
      ctx,
      { id: userId, username: "editorx" },
      {
        secret,
        code: totpCode(secret, clock),
        reenrol: false,
      },
    );
    if (!enrolled.ok) throw new Error("enrolment refused");
    expect(enrolled.recoveryCodes).toHaveLength(10);

    clock = at(1);
    const second = await login(ctx, "editorx");
    if (second.kind !== "second_factor")
      throw new Error(`expected second_factor, got ${second.kind}`);
    const pending = second.pending;
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: "123456" }))).toBe("invalid");
    const code = totpCode(secret, clock);
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code }))).toBe("signed_in");
    // The same code again (same step): refused, and counted as a failure.
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code }))).toBe("invalid");
    const replay = (await auditOf(userId)).filter((e) => e.action === "auth.login.failure").at(-1);
    expect(replay?.details).toMatchObject({ reason: "totp_replayed", stage: "totp" });

    // A recovery code works once.
    const recovery = enrolled.recoveryCodes[0] ?? "";
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: recovery.toUpperCase() }))).toBe(
      "signed_in",
    );
    expect(kindOf(await attemptSecondFactor(ctx, { pending, code: recovery }))).toBe("invalid");
  });

  it("disabling, a password change or 'log out everywhere' bump the session version", async () => {
    clock = T0;
    const userId = await activate("revoked", "member");
    const ctx = context();
    const version = async () => (await findSessionAccountIn(handle.db, userId))?.sessionVersion;
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

    await setAccountEnabledIn(handle.db, {
      username: "revoked",
      enabled: false,
      now: clock,
      actor: cli,
    });
    expect(await findSessionAccountIn(handle.db, userId)).toMatchObject({
      status: "disabled",
      sessionVersion: (v0 ?? 0) + 3,
    });
    expect(kindOf(await login(ctx, "revoked", "Autumn wind over the canal"))).toBe("invalid");

    await setAccountEnabledIn(handle.db, {
      username: "revoked",
      enabled: true,
      now: clock,
      actor: cli,
    });
    expect(kindOf(await login(ctx, "revoked", "Autumn wind over the canal"))).toBe("signed_in");
    const [row] = await handle.db
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    expect(row?.status).toBe("active");
  });

  it("'退出' ends that session on the server: its sid is refused, other sessions go on", async () => {
    clock = T0;
    const userId = await activate("leaver", "member");
    const ended = "sid-ended-0123456789abcdef";
    const other = "sid-other-0123456789abcdef";
    await recordLogoutIn(handle.db, {
      userId,
      actor: cli,
      session: { sid: ended, expiresAt: new Date(T0.getTime() + 3_600_000) },
      now: T0,
    });
    expect(await findSessionAccountIn(handle.db, userId, ended)).toMatchObject({
      sessionEnded: true,
    });
    expect(await findSessionAccountIn(handle.db, userId, other)).toMatchObject({
      status: "active",
      sessionEnded: false,
    });
    // Logging out twice is harmless; rows past their session's end are swept.
    const later = new Date(T0.getTime() + 2 * 3_600_000);
    await recordLogoutIn(handle.db, {
      userId,
      actor: cli,
      session: { sid: other, expiresAt: new Date(later.getTime() + 3_600_000) },
      now: later,
    });
    const left = await handle.db
      .select({ sid: endedSessions.sid })
      .from(endedSessions)
      .where(eq(endedSessions.userId, userId));
    expect(left.map((r) => r.sid)).toEqual([other]);
  });
});
