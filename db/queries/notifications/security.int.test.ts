import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealField } from "@/db/encryption/fields";
import { notificationDeliveries, notifications, users } from "@/db/schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { writeAudit } from "../audit/write";
import { setPasswordIn } from "../users/profile";
import { endAllSessionsIn } from "../users/sessions";

/**
 * Every security event of an account (lib/vocabulary.ts securityEventActions) notifies the
 * account holder on their channels, in the transaction of its audit entry: written by
 * writeAudit, so each place that audits such an event notifies without saying so.
 */

let handle: TestDatabase;
let userId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  const [row] = await handle.db
    .insert(users)
    .values({
      username: "member9",
      displayName: "委员九",
      status: "active",
      email: sealField("users.email", "m9@example.org"),
    })
    .returning({ id: users.id });
  userId = row?.id ?? 0;
});
afterAll(async () => {
  await handle?.close();
});

const securityNotices = () =>
  handle.db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    })
    .from(notifications)
    .where(eq(notifications.kind, "account.security"))
    .orderBy(notifications.id);

describe(`account security notifications (${driverLabel()})`, () => {
  it("tells the account holder of a password change, by e-mail too, with its audit entry", async () => {
    const actor = { actorId: userId, actorLabel: "member9", ip: "192.0.2.7" };
    await setPasswordIn(handle.db, { userId, passwordHash: "x", now: new Date(), actor });
    const [notice] = await securityNotices();
    expect(notice?.title).toBe("账号安全提醒：修改了密码");
    expect(notice?.body).toContain("如果这不是您本人");
    expect(notice?.link).toBe("/member/profile");
    const deliveries = await handle.db
      .select({ channel: notificationDeliveries.channel, status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.notificationId, notice?.id ?? 0));
    expect(deliveries).toEqual([{ channel: "email", status: "pending" }]);
  });

  it("says when an administrator did it", async () => {
    const actor = { actorId: null, actorLabel: "cli:admin", ip: null };
    await endAllSessionsIn(handle.db, { userId, now: new Date(), actor });
    const notices = await securityNotices();
    expect(notices).toHaveLength(2);
    expect(notices[1]?.body).toContain("由管理员操作");
  });

  it("leaves out what the profile leaves out: other actions, other targets, failed logins that lock nothing", async () => {
    const base = { actorId: userId, actorLabel: "member9", ip: "192.0.2.7" };
    await writeAudit(handle.db, {
      ...base,
      action: "note.submit",
      targetType: "user",
      targetId: String(userId),
    });
    await writeAudit(handle.db, {
      ...base,
      action: "auth.password.change",
      targetType: "note",
      targetId: "3",
    });
    await writeAudit(handle.db, {
      ...base,
      action: "auth.login.failure",
      targetType: "user",
      targetId: String(userId),
      details: { reason: "bad_password", failures: 1 },
    });
    expect(await securityNotices()).toHaveLength(2);
    await writeAudit(handle.db, {
      ...base,
      action: "auth.login.failure",
      targetType: "user",
      targetId: String(userId),
      details: { reason: "bad_password", lockedUntil: new Date().toISOString() },
    });
    const notices = await securityNotices();
    expect(notices).toHaveLength(3);
    expect(notices[2]?.title).toContain("账号被暂停登录");
  });

  it("writes nothing when the change is rolled back", async () => {
    const actor = { actorId: userId, actorLabel: "member9", ip: "192.0.2.7" };
    await handle.db
      .transaction(async (tx) => {
        await writeAudit(tx, {
          ...actor,
          action: "auth.totp.enrol",
          targetType: "user",
          targetId: String(userId),
        });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await securityNotices()).toHaveLength(3);
  });
});
