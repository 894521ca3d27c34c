import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealPhone } from "@/db/encryption/fields";
import { notificationDeliveries, notifications, users } from "@/db/schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { listSecurityEventsIn } from "../users/profile";
import { loadDelivery } from "./deliveries";
import { notify } from "./outbox";
import { getChannelChoicesIn, saveChannelChoicesIn } from "./preferences";

let handle: TestDatabase;
let userId: number;
const actor = { ip: "192.0.2.5", actorLabel: "member5" };

beforeAll(async () => {
  handle = await createTestDatabase();
  const [row] = await handle.db
    .insert(users)
    .values({
      username: "member5",
      displayName: "委员五",
      status: "active",
      ...sealPhone("users.phone", "13800005555"),
    })
    .returning({ id: users.id });
  userId = row?.id ?? 0;
});
afterAll(async () => {
  await handle?.close();
});

async function channelsOfNew(key: string) {
  await handle.db.transaction((tx) =>
    notify(tx, { to: { userId }, kind: "note.accepted", key, title: "已受理" }),
  );
  const rows = await handle.db
    .select({ channel: notificationDeliveries.channel })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notifications.dedupeKey, `note.accepted:${key}:user:${userId}`));
  return rows.map((r) => r.channel).sort();
}

describe(`a person's notification channels (${driverLabel()})`, () => {
  it("starts with no address: in-app only", async () => {
    expect(await getChannelChoicesIn(handle.db, userId)).toEqual({
      email: null,
      byEmail: true,
      bySms: false,
      phoneMasked: "138****5555",
    });
    expect(await channelsOfNew("p1")).toEqual([]);
  });

  it("stores the address encrypted, and notifications then go by e-mail and SMS as chosen", async () => {
    await saveChannelChoicesIn(
      handle.db,
      userId,
      { email: "wu@example.org", byEmail: true, bySms: true },
      actor,
    );
    const [stored] = await handle.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    expect(stored?.email).toBeTruthy();
    expect(stored?.email).not.toContain("wu@example.org");
    expect(await getChannelChoicesIn(handle.db, userId)).toMatchObject({
      email: "wu@example.org",
      byEmail: true,
      bySms: true,
    });
    expect(await channelsOfNew("p2")).toEqual(["email", "sms"]);
  });

  it("turns channels off and clears the address", async () => {
    await saveChannelChoicesIn(
      handle.db,
      userId,
      { email: null, byEmail: true, bySms: false },
      actor,
    );
    expect(await getChannelChoicesIn(handle.db, userId)).toMatchObject({ email: null });
    expect(await channelsOfNew("p3")).toEqual([]);
  });

  it("a change is a security event: listed, in the message centre, its notice sent to the channels in force before it", async () => {
    await saveChannelChoicesIn(
      handle.db,
      userId,
      { email: "wu@example.org", byEmail: true, bySms: true },
      actor,
    );
    // Someone holding the session points the mail elsewhere and turns SMS off.
    await saveChannelChoicesIn(
      handle.db,
      userId,
      { email: "thief@example.net", byEmail: true, bySms: false },
      actor,
    );
    const events = await listSecurityEventsIn(handle.db, userId);
    expect(events[0]).toMatchObject({ action: "user.notification_channels", byOther: false });
    const notices = await handle.db
      .select({ id: notifications.id, title: notifications.title })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.kind, "account.security"),
          like(notifications.dedupeKey, "account.security:user.notification_channels:%"),
        ),
      )
      .orderBy(notifications.id);
    const last = notices.at(-1);
    expect(last?.title).toContain("通知方式");
    const deliveries = await handle.db
      .select({ id: notificationDeliveries.id, channel: notificationDeliveries.channel })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.notificationId, last?.id ?? 0))
      .orderBy(notificationDeliveries.channel);
    expect(deliveries.map((d) => d.channel)).toEqual(["email", "sms"]);
    const sent = await Promise.all(deliveries.map((d) => loadDelivery(handle.db, d.id)));
    // To the previous address and the phone, not to the new address.
    expect(sent.map((d) => d?.address)).toEqual(["wu@example.org", "13800005555"]);
    const [stored] = await handle.db
      .select({ address: notificationDeliveries.address })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, deliveries[0]?.id ?? 0));
    expect(stored?.address).not.toContain("wu@example.org");
    // Later notifications go to the new choices.
    expect(await channelsOfNew("p4")).toEqual(["email"]);
  });
});
