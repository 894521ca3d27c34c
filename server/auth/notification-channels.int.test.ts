import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getChannelChoicesIn } from "../../db/queries/notifications/preferences";
import { listSecurityEventsIn } from "../../db/queries/users/profile";
import { accountsHarness, PASSWORD, T0 } from "../../db/queries/users/test-accounts";
import { notifications } from "../../db/schema";
import { driverLabel } from "../../db/test-utils";
import { createMemoryRateLimiter } from "../rate-limit";
import { changeNotificationChannels } from "./account";

/** The profile's "通知方式": where security mail goes, so changing it takes the password. */

const h = accountsHarness();
const context = () => ({
  db: h.db,
  ip: "203.0.113.9",
  now: () => h.clock,
  limiter: createMemoryRateLimiter({ limit: 1000, windowMs: 60_000 }),
});

describe(`changing one's notification channels (${driverLabel()})`, () => {
  it("takes the current password; a wrong one changes nothing", async () => {
    h.clock = T0;
    const userId = await h.activate("channels", "member");
    const user = { id: userId, username: "channels", role: "member" as const };
    const choices = { email: "mine@example.org", byEmail: true, bySms: false };

    for (const current of ["", "not the password"]) {
      expect(await changeNotificationChannels(context(), user, { current, choices })).toEqual({
        ok: false,
        reason: "wrong_current",
      });
    }
    expect(await getChannelChoicesIn(h.db, userId)).toMatchObject({ email: null });

    expect(
      await changeNotificationChannels(context(), user, { current: PASSWORD, choices }),
    ).toEqual({ ok: true });
    expect(await getChannelChoicesIn(h.db, userId)).toMatchObject({ email: "mine@example.org" });
    const events = await listSecurityEventsIn(h.db, userId);
    expect(events[0]?.action).toBe("user.notification_channels");
    const inbox = await h.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, "account.security")));
    expect(inbox.map((n) => n.title)).toContain("账号安全提醒：修改了通知方式（电子邮箱或短信）");
  });

  it("is rate-limited like the password change", async () => {
    const userId = await h.activate("channels2", "member");
    const user = { id: userId, username: "channels2", role: "member" as const };
    const ctx = { ...context(), limiter: createMemoryRateLimiter({ limit: 1, windowMs: 60_000 }) };
    const choices = { email: "x@example.org", byEmail: true, bySms: false };
    await changeNotificationChannels(ctx, user, { current: "wrong", choices });
    const limited = await changeNotificationChannels(ctx, user, { current: PASSWORD, choices });
    expect(limited).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await getChannelChoicesIn(h.db, userId)).toMatchObject({ email: null });
  });
});
