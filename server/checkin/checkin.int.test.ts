import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkMemberCheckinIn,
  countMemberCheckinsIn,
  signInAtEventIn,
} from "@/db/queries/events/member-checkin";
import { saveEventIn } from "@/db/queries/events/write";
import { getDutyRecordIn } from "@/db/queries/pipeline/duty";
import { resendRegistrationCodeIn } from "@/db/queries/registrations/resend";
import { checkInIn, scanCheckInIn } from "@/db/queries/registrations/staff";
import { cancelRegistrationIn, registerForEventIn } from "@/db/queries/registrations/write";
import { auditCount, expectAppError, staffHarness } from "@/db/queries/shared/test-staff";
import { notificationDeliveries, notifications, registrations } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import { CHECKIN_STEP_SECONDS, eventCheckinToken } from "@/lib/checkin/token";
import { requestCodeResendIn, resendRateLimits } from "./resend";

/**
 * Check-in by QR: the door's scanner (once, a second scan says when, waiting-list and
 * cancelled codes refused), members signing in with the event's rotating code (once, into
 * the duty record and the event's figures), and a lost code sent again (one answer for
 * all, limited per IP and per phone).
 */

const staff = staffHarness();
const HOUR = 3_600_000;

async function makeEvent(title: string, startsAt: Date, capacity = 1) {
  const { db, editor, ids } = staff;
  const { id } = await saveEventIn(db, editor, null, {
    title,
    kind: "consultation",
    serviceType: null,
    summary: "",
    body: "",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    townId: null,
    venue: "会客厅",
    campaignId: null,
    topicId: null,
    openToPublic: true,
    capacity,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sectorIds: [],
    organisationIds: [ids.xinchengOffice],
  });
  return id;
}

const register = (eventId: number, name: string, phone: string) =>
  registerForEventIn(staff.db, { eventId, name, phone, organisation: "", ip: "198.51.100.9" });

describe(`check-in by QR on ${driverLabel()}`, () => {
  it("checks a registrant in once; a second scan says when; waitlisted and cancelled are refused", async () => {
    const { db, editor } = staff;
    const eventId = await makeEvent("扫码签到测试协商", new Date(Date.now() + 3 * 86_400_000), 2);
    const seated = await register(eventId, "赵一", "13900000001");
    const other = await register(eventId, "钱二", "13900000002");
    const waiting = await register(eventId, "孙三", "13900000003");
    expect(waiting.status).toBe("waitlisted");
    await cancelRegistrationIn(db, { code: other.code, ip: "198.51.100.9" });
    // The cancellation promoted the waiting one; a fourth waits.
    const fourth = await register(eventId, "李四", "13900000004");
    expect(fourth.status).toBe("waitlisted");

    const first = new Date("2026-12-05T06:31:00Z");
    const scanned = await scanCheckInIn(db, editor, eventId, seated.code.toLowerCase(), first);
    expect(scanned).toMatchObject({ outcome: "checked_in", name: "赵一", checkedInAt: first });
    expect(await auditCount(db, "registration.check_in", seated.id)).toBe(1);

    const again = await scanCheckInIn(db, editor, eventId, seated.code, new Date());
    expect(again.outcome).toBe("already");
    expect(again.checkedInAt.toISOString()).toBe(first.toISOString());
    expect(await auditCount(db, "registration.check_in", seated.id)).toBe(1);
    // The typed code of the console still refuses a second check-in, as before.
    await expectAppError(
      checkInIn(db, editor, eventId, { code: seated.code }),
      "invalid_state",
      "checked_in",
    );

    await expectAppError(
      scanCheckInIn(db, editor, eventId, fourth.code),
      "invalid_state",
      "waitlisted",
    );
    await expectAppError(
      scanCheckInIn(db, editor, eventId, other.code),
      "invalid_state",
      "cancelled",
    );
    await expectAppError(scanCheckInIn(db, editor, eventId, "ZZZZ-ZZZZ"), "not_found");
    // Another event's code is no code here.
    const elsewhere = await makeEvent("另一场协商", new Date(Date.now() + 4 * 86_400_000));
    await expectAppError(scanCheckInIn(db, editor, elsewhere, seated.code), "not_found");
    const [row] = await db
      .select({ at: registrations.checkedInAt })
      .from(registrations)
      .where(eq(registrations.id, fourth.id));
    expect(row?.at).toBeNull();
  });

  it("a member signs in once with the event's code; it shows in the duty record and the figures", async () => {
    const { db, ids } = staff;
    const member = { user: staff.member, ip: "203.0.113.7" };
    const key = randomBytes(32);
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const eventId = await makeEvent("委员扫码签到测试", startsAt);
    const now = new Date();
    const token = eventCheckinToken(key, eventId, now);

    // Opening the QR's address (a GET: a prefetch, a link preview, a cross-site link) only
    // checks: nothing is recorded, nothing audited.
    const checked = await checkMemberCheckinIn(db, member, { eventId, token, key }, now);
    expect(checked).toMatchObject({ event: { title: "委员扫码签到测试" }, signedInAt: null });
    expect(await countMemberCheckinsIn(db, eventId)).toBe(0);
    expect(await auditCount(db, "event.member_check_in", eventId)).toBe(0);

    const done = await signInAtEventIn(db, member, { eventId, token, key }, now);
    expect(done.outcome).toBe("signed_in");
    expect(done.event.title).toBe("委员扫码签到测试");
    const later = new Date(now.getTime() + 30_000);
    const again = await signInAtEventIn(db, member, { eventId, token, key }, later);
    expect(again.outcome).toBe("already");
    expect(again.at.toISOString()).toBe(done.at.toISOString());
    expect(await countMemberCheckinsIn(db, eventId)).toBe(1);
    expect(await auditCount(db, "event.member_check_in", eventId)).toBe(1);
    // Checked again once signed in: says when, still writes nothing.
    const signed = await checkMemberCheckinIn(db, member, { eventId, token, key }, later);
    expect(signed.signedInAt?.toISOString()).toBe(done.at.toISOString());
    expect(await auditCount(db, "event.member_check_in", eventId)).toBe(1);

    const year = Number(
      new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(
        startsAt,
      ),
    );
    const record = await getDutyRecordIn(db, staff.member.id, year, "Asia/Shanghai");
    expect(record?.events.map((e) => e.id)).toContain(eventId);

    // Refusals: another key (forged), another event's code, an old code, outside the window,
    // staff (not members).
    const other = await makeEvent("另一场签到", startsAt);
    // One after another (lazily): on PostgreSQL each would otherwise run at once.
    const refusals: [() => Promise<unknown>, string][] = [
      [() => signInAtEventIn(db, member, { eventId, token, key: randomBytes(32) }, now), "invalid"],
      [() => signInAtEventIn(db, member, { eventId: other, token, key }, now), "invalid"],
      [
        () =>
          signInAtEventIn(
            db,
            member,
            {
              eventId: other,
              token: eventCheckinToken(key, other, new Date(now.getTime() - 5 * 60_000)),
              key,
            },
            now,
          ),
        "expired",
      ],
      [
        () =>
          signInAtEventIn(
            db,
            member,
            {
              eventId: other,
              token: eventCheckinToken(key, other, new Date(startsAt.getTime() - HOUR)),
              key,
            },
            new Date(startsAt.getTime() - HOUR),
          ),
        "not_yet",
      ],
      [
        () =>
          signInAtEventIn(
            db,
            member,
            {
              eventId: other,
              token: eventCheckinToken(key, other, new Date(startsAt.getTime() + 3 * HOUR)),
              key,
            },
            new Date(startsAt.getTime() + 3 * HOUR),
          ),
        "over",
      ],
    ];
    for (const [attempt, why] of refusals) await expectAppError(attempt(), "invalid_state", why);
    // The check refuses alike, and writes nothing either.
    await expectAppError(
      checkMemberCheckinIn(db, member, { eventId, token, key: randomBytes(32) }, now),
      "invalid_state",
      "invalid",
    );
    await expectAppError(
      checkMemberCheckinIn(db, member, { eventId: 999_999, token, key }, now),
      "not_found",
    );
    await expectAppError(
      checkMemberCheckinIn(db, staff.editor, { eventId: other, token, key }, now),
      "forbidden",
    );

    await expectAppError(
      signInAtEventIn(db, staff.editor, { eventId: other, token, key }, now),
      "forbidden",
    );
    await expectAppError(
      signInAtEventIn(db, member, { eventId: 999_999, token, key }, now),
      "not_found",
    );
    expect(await countMemberCheckinsIn(db, other)).toBe(0);

    // One tap after the check: a token the check accepted at the very end of its grace (made
    // in the step before) is still accepted by the confirm in the following step; one
    // step later still, it has expired.
    const step = CHECKIN_STEP_SECONDS * 1000;
    const made = new Date(Math.floor(now.getTime() / step) * step + 1000);
    const late = eventCheckinToken(key, other, made);
    const checkedAt = new Date(made.getTime() + 2 * step - 2000);
    expect(
      (await checkMemberCheckinIn(db, member, { eventId: other, token: late, key }, checkedAt))
        .signedInAt,
    ).toBeNull();
    const tapped = new Date(checkedAt.getTime() + 3000);
    await expectAppError(
      checkMemberCheckinIn(db, member, { eventId: other, token: late, key }, tapped),
      "invalid_state",
      "expired",
    );
    expect(
      (await signInAtEventIn(db, member, { eventId: other, token: late, key }, tapped)).outcome,
    ).toBe("signed_in");
    // Signed in, the check says when, even with the code expired by now.
    const afterwards = await checkMemberCheckinIn(
      db,
      member,
      { eventId: other, token: late, key },
      new Date(tapped.getTime() + step),
    );
    expect(afterwards.signedInAt).not.toBeNull();
    await expectAppError(
      signInAtEventIn(
        db,
        { user: staff.member, ip: "203.0.113.8" },
        { eventId: other, token: late, key },
        new Date(tapped.getTime() + step),
      ),
      "invalid_state",
      "expired",
    );
    expect(ids.xinchengOffice).toBeGreaterThan(0);
  });
});

describe(`resending a lost code on ${driverLabel()}`, () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.SMS_PROVIDER;
    process.env.SMS_PROVIDER = "aliyun";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SMS_PROVIDER;
    else process.env.SMS_PROVIDER = saved;
  });

  const messagesFor = (registrationId: number) =>
    staff.db
      .select({ id: notifications.id, kind: notifications.kind, body: notifications.body })
      .from(notifications)
      .where(
        and(
          eq(notifications.registrationId, registrationId),
          eq(notifications.kind, "registration.code_resent"),
        ),
      );

  it("answers alike with and without a registration, and queues the code by SMS only for a real one", async () => {
    const { db } = staff;
    const eventId = await makeEvent("补发报名码测试", new Date(Date.now() + 6 * 86_400_000), 5);
    const mine = await register(eventId, "周五", "13911112222");
    const now = new Date("2026-12-05T07:00:00Z");

    const withRegistration = await requestCodeResendIn(
      db,
      { eventId, phone: "139 1111 2222", ip: "198.51.100.20" },
      now,
    );
    const without = await requestCodeResendIn(
      db,
      { eventId, phone: "13800009999", ip: "198.51.100.21" },
      now,
    );
    expect(withRegistration).toEqual({ status: "answered" });
    expect(without).toEqual(withRegistration);

    const sent = await messagesFor(mine.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain(mine.code);
    const [delivery] = await db
      .select({ channel: notificationDeliveries.channel })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.notificationId, sent[0]?.id ?? 0));
    expect(delivery?.channel).toBe("sms");
    // No message anywhere for the phone that did not register.
    expect(await resendRegistrationCodeIn(db, { eventId, phone: "13800009999" }, now)).toBe(false);

    // A cancelled registration gets nothing.
    await cancelRegistrationIn(db, { code: mine.code, ip: "198.51.100.9" });
    expect(
      await resendRegistrationCodeIn(
        db,
        { eventId, phone: "13911112222" },
        new Date(now.getTime() + 3_600_000),
      ),
    ).toBe(false);
  });

  it("refuses a malformed phone, says so when SMS is off, and limits per phone and per IP", async () => {
    const { db } = staff;
    const eventId = await makeEvent("补发限流测试", new Date(Date.now() + 7 * 86_400_000), 5);
    expect(await requestCodeResendIn(db, { eventId, phone: "12345", ip: "198.51.100.30" })).toEqual(
      { status: "invalid_phone" },
    );

    delete process.env.SMS_PROVIDER;
    expect(
      await requestCodeResendIn(db, { eventId, phone: "13922223333", ip: "198.51.100.30" }),
    ).toEqual({ status: "no_sms" });
    process.env.SMS_PROVIDER = "tencent";

    // Per phone: from different addresses, the phone's allowance runs out.
    const answers = [];
    for (let i = 0; i <= resendRateLimits.phone.limit; i++) {
      answers.push(
        await requestCodeResendIn(db, {
          eventId,
          phone: "13922223333",
          ip: `198.51.100.${40 + i}`,
        }),
      );
    }
    expect(answers.slice(0, -1).every((a) => a.status === "answered")).toBe(true);
    expect(answers.at(-1)?.status).toBe("rate_limited");

    // Per IP: different phones from one address.
    const fromOne = [];
    for (let i = 0; i <= resendRateLimits.ip.limit; i++) {
      fromOne.push(
        await requestCodeResendIn(db, {
          eventId,
          phone: `1370000${String(1000 + i)}`,
          ip: "198.51.100.99",
        }),
      );
    }
    expect(fromOne.slice(0, -1).every((a) => a.status === "answered")).toBe(true);
    expect(fromOne.at(-1)?.status).toBe("rate_limited");
  });
});
