import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { sealField, sealPhone } from "../../encryption/fields";
import { events, notificationDeliveries, notifications, registrations, users } from "../../schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { notify, notifyEach } from "./outbox";

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
});

async function fixture() {
  const handle = await createTestDatabase();
  opened.push(handle);
  const { db } = handle;
  const [quiet] = await db
    .insert(users)
    .values({ username: "quiet", displayName: "只看站内信", status: "active" })
    .returning({ id: users.id });
  const [reachable] = await db
    .insert(users)
    .values({
      username: "reachable",
      displayName: "邮件和短信",
      status: "active",
      email: sealField("users.email", "wei@example.org"),
      ...sealPhone("users.phone", "13900001111"),
      notifyBySms: true,
    })
    .returning({ id: users.id });
  const [event] = await db
    .insert(events)
    .values({
      title: "开门协商（测试）",
      kind: "consultation",
      startsAt: new Date("2026-12-20T02:00:00Z"),
      endsAt: new Date("2026-12-20T04:00:00Z"),
      venue: "委员工作室",
      openToPublic: true,
      capacity: 10,
    })
    .returning({ id: events.id });
  const [registration] = await db
    .insert(registrations)
    .values({
      eventId: event?.id ?? 0,
      name: "王某",
      ...sealPhone("registrations.phone", "13900002222"),
      code: "ABCD2345",
      status: "confirmed",
    })
    .returning({ id: registrations.id });
  return {
    db,
    quietId: quiet?.id ?? 0,
    reachableId: reachable?.id ?? 0,
    registrationId: registration?.id ?? 0,
  };
}

const deliveriesOf = (db: TestDatabase["db"], notificationId: number) =>
  db
    .select({ channel: notificationDeliveries.channel, status: notificationDeliveries.status })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId))
    .orderBy(notificationDeliveries.channel);

describe(`the notification outbox (${driverLabel()})`, () => {
  it("writes one message per change and person, with a delivery per channel they chose", async () => {
    const f = await fixture();
    const note = { kind: "note.accepted", key: "12:v3", title: "您的走访记录已被采纳" } as const;
    expect(await notify(f.db, { ...note, to: { userId: f.quietId } })).toBe(true);
    expect(await notify(f.db, { ...note, to: { userId: f.reachableId } })).toBe(true);
    // The same change again (a retried request): nothing new.
    expect(await notify(f.db, { ...note, to: { userId: f.reachableId } })).toBe(false);
    expect(await notify(f.db, { ...note, to: { registrationId: f.registrationId } })).toBe(true);

    const rows = await f.db.select().from(notifications).orderBy(notifications.id);
    expect(rows.map((r) => [r.userId, r.registrationId, r.readAt])).toEqual([
      [f.quietId, null, null],
      [f.reachableId, null, null],
      [null, f.registrationId, null],
    ]);
    expect(await deliveriesOf(f.db, rows[0]?.id ?? 0)).toEqual([]);
    expect(await deliveriesOf(f.db, rows[1]?.id ?? 0)).toEqual([
      { channel: "email", status: "pending" },
      { channel: "sms", status: "pending" },
    ]);
    expect(await deliveriesOf(f.db, rows[2]?.id ?? 0)).toEqual([
      { channel: "sms", status: "pending" },
    ]);
  });

  it("is part of the change's transaction: a rolled-back change leaves no message", async () => {
    const f = await fixture();
    await expect(
      f.db.transaction(async (tx) => {
        await notify(tx, {
          to: { userId: f.reachableId },
          kind: "note.returned",
          key: "7:v2",
          title: "您的走访记录被退回修改",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await f.db.select().from(notifications)).toEqual([]);
    expect(await f.db.select().from(notificationDeliveries)).toEqual([]);
  });

  it("sends nothing outside to a registration whose phone was cleared", async () => {
    const f = await fixture();
    await f.db
      .update(registrations)
      .set({ anonymisedAt: new Date() })
      .where(eq(registrations.id, f.registrationId));
    await notify(f.db, {
      to: { registrationId: f.registrationId },
      kind: "registration.reminder",
      key: "1",
      title: "明天的活动提醒",
    });
    expect(await f.db.select().from(notificationDeliveries)).toEqual([]);
  });

  it("notifies many recipients in a few statements, whatever their number, each with their channels", async () => {
    const f = await fixture();
    const many = await f.db
      .insert(users)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          username: `member${i}`,
          displayName: `委员${i}`,
          status: "active" as const,
          ...(i % 2 === 0 ? { email: sealField("users.email", `m${i}@example.org`) } : {}),
        })),
      )
      .returning({ id: users.id });
    let statements = 0;
    const counted = {
      insert: ((...args: Parameters<typeof f.db.insert>) => {
        statements += 1;
        return f.db.insert(...args);
      }) as typeof f.db.insert,
      select: ((...args: Parameters<typeof f.db.select>) => {
        statements += 1;
        return f.db.select(...args);
      }) as typeof f.db.select,
    };
    const event = { kind: "event.published", key: "e9", title: "新活动：界别协商会" } as const;
    const inputs = [
      ...many.map((u) => ({ ...event, to: { userId: u.id } })),
      { ...event, to: { userId: f.reachableId } },
      { ...event, to: { registrationId: f.registrationId } },
      // The same recipient twice in one call: one message.
      { ...event, to: { userId: f.quietId } },
      { ...event, to: { userId: f.quietId } },
    ];
    expect(await notifyEach(counted, inputs)).toBe(43);
    // One insert, one select of users, one of registrations, one insert of deliveries.
    expect(statements).toBeLessThanOrEqual(4);
    const deliveries = await f.db
      .select({ channel: notificationDeliveries.channel })
      .from(notificationDeliveries);
    // 20 members with an address, the reachable user's e-mail and SMS, the registrant's SMS.
    expect(deliveries.filter((d) => d.channel === "email")).toHaveLength(21);
    expect(deliveries.filter((d) => d.channel === "sms")).toHaveLength(2);
    // Again (a retried request): nothing new, nothing sent twice.
    expect(await notifyEach(f.db, inputs)).toBe(0);
    expect(await f.db.select().from(notificationDeliveries)).toHaveLength(23);
  });
});
