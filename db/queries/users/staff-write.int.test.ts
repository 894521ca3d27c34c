import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sectors, users } from "../../schema";
import { seedDemoData } from "../../seed";
import { driverLabel } from "../../test-utils";
import { auditCount, expectAppError, staffActor } from "../shared/test-staff";
import { createUserIn, resetTotpIn, setUserEnabledIn, updateUserIn } from "./staff-write";
import { accountsHarness } from "./test-accounts";

/** Accounts as the console changes them: each write audited, rights changes end sessions. */

const h = accountsHarness();

describe(`accounts on ${driverLabel()}`, () => {
  it("creates an invited account, changes its role (sessions end), resets TOTP, disables it", async () => {
    const db = h.db;
    const password = "demo-password-123";
    await seedDemoData(db, {
      withAccounts: true,
      passwords: { security: password, editor: password },
    });
    // Accounts are the security administrator's (三权分立): separation.int.test.ts.
    const security = await staffActor(db, "security", "192.0.2.1");
    const editor = await staffActor(db, "editor", "192.0.2.1");
    const [keji] = await db
      .select({ id: sectors.id })
      .from(sectors)
      .where(eq(sectors.slug, "keji"));
    const ids = { keji: keji?.id ?? 0 };
    const { userId } = await createUserIn(
      db,
      security,
      {
        username: "zhangwei",
        displayName: "张伟",
        role: "member",
        phone: "13700000009",
        sectorId: ids.keji,
        organisationId: null,
      },
      "a".repeat(64),
    );
    expect(await auditCount(db, "user.create", userId)).toBe(1);
    expect(await auditCount(db, "auth.invite.create", userId)).toBe(1);
    await expectAppError(
      createUserIn(
        db,
        security,
        {
          username: "ZhangWei",
          displayName: "x",
          role: "member",
          phone: null,
          sectorId: null,
          organisationId: null,
        },
        "b".repeat(64),
      ),
      "username_taken",
      "username",
    );

    const [before] = await db
      .select({ v: users.sessionVersion })
      .from(users)
      .where(eq(users.id, userId));
    await updateUserIn(db, security, userId, {
      displayName: "张伟",
      role: "editor",
      sectorId: ids.keji,
      organisationId: null,
    });
    const [after] = await db
      .select({ v: users.sessionVersion, role: users.role })
      .from(users)
      .where(eq(users.id, userId));
    expect(after?.role).toBe("editor");
    expect(after?.v).toBe((before?.v ?? 0) + 1);

    await db
      .update(users)
      .set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() })
      .where(eq(users.id, userId));
    await resetTotpIn(db, security, userId);
    const [reset] = await db
      .select({ secret: users.totpSecret, at: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, userId));
    expect(reset).toEqual({ secret: null, at: null });
    expect(await auditCount(db, "user.totp_reset", userId)).toBe(1);

    await setUserEnabledIn(db, security, userId, false);
    const [disabled] = await db
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    expect(disabled?.status).toBe("disabled");
    await expectAppError(setUserEnabledIn(db, security, security.user.id, false), "invalid_state");
    await expectAppError(
      updateUserIn(db, security, security.user.id, {
        displayName: "x",
        role: "member",
        sectorId: null,
        organisationId: null,
      }),
      "invalid_state",
      "role",
    );
    await expectAppError(resetTotpIn(db, editor, userId), "forbidden");
  });
});
