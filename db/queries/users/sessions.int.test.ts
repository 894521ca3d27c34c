import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endedSessions } from "../../schema";
import { driverLabel } from "../../test-utils";
import { findSessionAccountIn, recordLogoutIn } from "./sessions";
import { accountsHarness, cli, T0 } from "./test-accounts";

/** Sessions on the database: "退出" ends one session for good. */

const h = accountsHarness();

describe(`accounts and logins (${driverLabel()})`, () => {
  it("'退出' ends that session on the server: its sid is refused, other sessions go on", async () => {
    h.clock = T0;
    const userId = await h.activate("leaver", "member");
    const ended = "sid-ended-0123456789abcdef";
    const other = "sid-other-0123456789abcdef";
    await recordLogoutIn(h.db, {
      userId,
      actor: cli,
      session: { sid: ended, expiresAt: new Date(T0.getTime() + 3_600_000) },
      now: T0,
    });
    expect(await findSessionAccountIn(h.db, userId, ended)).toMatchObject({
      sessionEnded: true,
    });
    expect(await findSessionAccountIn(h.db, userId, other)).toMatchObject({
      status: "active",
      sessionEnded: false,
    });
    // Logging out twice is harmless; rows past their session's end are swept.
    const later = new Date(T0.getTime() + 2 * 3_600_000);
    await recordLogoutIn(h.db, {
      userId,
      actor: cli,
      session: { sid: other, expiresAt: new Date(later.getTime() + 3_600_000) },
      now: later,
    });
    const left = await h.db
      .select({ sid: endedSessions.sid })
      .from(endedSessions)
      .where(eq(endedSessions.userId, userId));
    expect(left.map((r) => r.sid)).toEqual([other]);
  });
});
