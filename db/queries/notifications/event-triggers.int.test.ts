import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import type { Database } from "../../client";
import {
  eventOrganisers,
  events,
  fieldNotes,
  noteTransfers,
  notificationDeliveries,
  notifications,
  sectors,
} from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { saveEventIn, setEventCancelledIn } from "../events/write";
import { cancelRegistrationIn, registerForEventIn } from "../registrations/write";
import { sessionUser } from "../shared/test-staff";
import { countUnreadIn, listInboxIn, markAllReadIn, markReadIn } from "./inbox";
import { scanDueNotifications } from "./scan";

/**
 * Events and registrations notify their people in the change's transaction; the hourly
 * scan writes transfer and reminder notifications once however often it runs; the message
 * centre shows and marks only the caller's own.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let handle: TestDatabase;
let db: Database;
let admin: Actor;
let member1: number;
let member2: number;
let keji: number;

const rowsOf = (where: ReturnType<typeof eq>) =>
  db
    .select({
      kind: notifications.kind,
      userId: notifications.userId,
      registrationId: notifications.registrationId,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    })
    .from(notifications)
    .where(where)
    .orderBy(notifications.id);

const eventInput = (startsAt: Date, sectorIds: number[]) => ({
  title: "科技界别企业走访",
  kind: "consultation" as const,
  serviceType: null,
  summary: "走访科技企业。",
  body: "",
  startsAt,
  endsAt: new Date(startsAt.getTime() + 2 * HOUR),
  townId: null,
  venue: "区科创中心",
  campaignId: null,
  topicId: null,
  openToPublic: true,
  capacity: 1,
  registrationOpensAt: null,
  registrationClosesAt: null,
  sectorIds,
  organisationIds: [] as number[],
});

const person = (n: number) => ({
  name: `报名者${n}`,
  phone: `1390000000${n}`,
  organisation: "",
  ip: "198.51.100.9",
});

describe(`notifications of events, registrations and time (${driverLabel()})`, () => {
  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    await seedDemoData(db, { withAccounts: true });
    admin = { user: await sessionUser(db, "admin"), ip: "192.0.2.1" };
    member1 = (await sessionUser(db, "member1")).id;
    member2 = (await sessionUser(db, "member2")).id;
    keji = (await db.select({ id: sectors.id }).from(sectors).where(eq(sectors.slug, "keji")))[0]
      ?.id as number;
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("tells the members of the event's sector once; registrants of a new time and of a cancellation", async () => {
    const startsAt = new Date(Date.now() + 10 * DAY);
    const { id } = await saveEventIn(db, admin, null, eventInput(startsAt, [keji]));
    const published = await rowsOf(eq(notifications.kind, "event.published"));
    expect(published.filter((n) => n.link === `/events/${id}`)).toEqual([
      expect.objectContaining({
        userId: member1,
        title: "科技界活动：科技界别企业走访",
        link: `/events/${id}`,
      }),
    ]);
    expect(published.some((n) => n.userId === member2)).toBe(false);

    // Two registrations: a seat with its code, then the waiting list.
    const first = await registerForEventIn(db, { eventId: id, ...person(1) });
    const second = await registerForEventIn(db, { eventId: id, ...person(2) });
    const [confirmed] = await rowsOf(eq(notifications.registrationId, first.id));
    expect(confirmed).toMatchObject({ kind: "registration.confirmed", link: `/events/${id}` });
    expect(confirmed?.body).toContain(`签到码：${first.code}`);
    expect(confirmed?.body).toMatch(/^【秀洲区政协】您已报名“科技界别企业走访”/);
    const [waiting] = await rowsOf(eq(notifications.registrationId, second.id));
    expect(waiting).toMatchObject({ kind: "registration.waitlisted" });
    expect(waiting?.body).toContain("候补名单第1位");
    // By SMS to the phone it was made with.
    const sms = await db
      .select({ channel: notificationDeliveries.channel })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(eq(notifications.registrationId, first.id));
    expect(sms).toEqual([{ channel: "sms" }]);

    // Saved again unchanged: nobody hears anything.
    const count = await db.$count(notifications);
    await saveEventIn(db, admin, id, eventInput(startsAt, [keji]));
    expect(await db.$count(notifications)).toBe(count);

    // A cancellation moves the second one up: told, with the code.
    await cancelRegistrationIn(db, { code: first.code, ip: "198.51.100.9" });
    const promoted = await rowsOf(eq(notifications.registrationId, second.id));
    expect(promoted.map((n) => n.kind)).toEqual([
      "registration.waitlisted",
      "registration.promoted",
    ]);
    expect(promoted[1]?.body).toContain(`签到码：${second.code}`);

    // A new time: the live registrant hears, the cancelled one does not.
    const later = new Date(startsAt.getTime() + DAY);
    await saveEventIn(db, admin, id, eventInput(later, [keji]));
    const changed = await rowsOf(eq(notifications.kind, "registration.event_changed"));
    expect(changed.map((n) => n.registrationId)).toEqual([second.id]);
    expect(changed[0]?.title).toBe("活动时间变更：科技界别企业走访");

    await setEventCancelledIn(db, admin, id, true, "场地维修");
    const cancelled = await rowsOf(eq(notifications.kind, "registration.event_cancelled"));
    expect(cancelled).toEqual([
      expect.objectContaining({
        registrationId: second.id,
        body: "【秀洲区政协】很抱歉，您报名的“科技界别企业走访”已取消，原因：场地维修。",
      }),
    ]);
    // Refused again (already cancelled): nothing more.
    await setEventCancelledIn(db, admin, id, true).catch(() => {});
    expect(await rowsOf(eq(notifications.kind, "registration.event_cancelled"))).toHaveLength(1);
  });

  it("scans transfers due in 3 days and overdue, and reminds registrants the day before, once", async () => {
    // A transfer due in 2 days and one overdue, on a note in the admin's scope.
    const [note] = await db
      .select({ id: fieldNotes.id })
      .from(fieldNotes)
      .where(eq(fieldNotes.status, "transferred"))
      .limit(1);
    if (!note) throw new Error("no transferred note");
    const now = new Date("2026-12-01T02:00:00Z"); // 10:00 in Shanghai
    const transfers = await db
      .select({ id: noteTransfers.id })
      .from(noteTransfers)
      .where(eq(noteTransfers.noteId, note.id));
    await db
      .update(noteTransfers)
      .set({ status: "answered" })
      .where(
        inArray(
          noteTransfers.id,
          transfers.map((t) => t.id),
        ),
      );
    const [deptRow] = await db
      .select({ departmentId: noteTransfers.departmentId })
      .from(noteTransfers)
      .where(eq(noteTransfers.noteId, note.id));
    const [soon, overdue] = await db
      .insert(noteTransfers)
      .values([
        { noteId: note.id, departmentId: deptRow?.departmentId ?? 0, dueOn: "2026-12-03" },
        { noteId: note.id, departmentId: deptRow?.departmentId ?? 0, dueOn: "2026-11-30" },
      ])
      .returning({ id: noteTransfers.id });
    // An event tomorrow at 09:30 Shanghai with one confirmed registrant.
    const [event] = await db
      .insert(events)
      .values({
        title: "明日协商会",
        kind: "consultation",
        startsAt: new Date("2026-12-02T01:30:00Z"),
        endsAt: new Date("2026-12-02T03:30:00Z"),
        venue: "委员会客厅",
        openToPublic: true,
        capacity: 10,
      })
      .returning({ id: events.id });
    await db.insert(eventOrganisers).values({ eventId: event?.id ?? 0, sectorId: keji });
    const reg = await registerForEventIn(db, {
      eventId: event?.id ?? 0,
      ...person(3),
      now: new Date("2026-11-30T02:00:00Z"),
    });

    // At 07:00 Shanghai: transfers yes, reminders not yet (no SMS at dawn).
    const early = await scanDueNotifications(db, { now: new Date("2026-11-30T23:00:00Z") });
    expect(early).toMatchObject({ ran: true, reminders: 0 });
    const first = await scanDueNotifications(db, { now });
    const again = await scanDueNotifications(db, { now });
    expect(first).toMatchObject({ ran: true, reminders: 1 });
    expect(again).toEqual({ ran: true, transferDue: 0, transferOverdue: 0, reminders: 0 });

    const due = await rowsOf(eq(notifications.kind, "staff.transfer_due"));
    const late = await rowsOf(eq(notifications.kind, "staff.transfer_overdue"));
    // Each transfer once per person in scope: the admin among them.
    const ofNote = (n: { userId: number | null; link: string }) =>
      n.userId === admin.user.id && n.link === `/admin/notes/${note.id}`;
    expect(due.filter(ofNote)).toHaveLength(1);
    expect(late.filter(ofNote)).toHaveLength(1);
    expect(due.find(ofNote)?.body).toContain("答复期限是2026年12月3日");
    expect(late.find(ofNote)?.body).toContain("答复期限是2026年11月30日，至今未答复");
    expect(soon && overdue).toBeTruthy();
    const reminders = await rowsOf(eq(notifications.registrationId, reg.id));
    expect(reminders.map((n) => n.kind)).toEqual([
      "registration.confirmed",
      "registration.reminder",
    ]);
    expect(reminders[1]?.body).toContain(`签到码：${reg.code}`);
    expect(reminders[1]?.body).toContain("2026年12月2日 周三 09:30");

    // Two instances scanning at once (on PostgreSQL, two connections): still once each.
    const [fresh] = await db
      .insert(noteTransfers)
      .values({ noteId: note.id, departmentId: deptRow?.departmentId ?? 0, dueOn: "2026-12-02" })
      .returning({ id: noteTransfers.id });
    const both = await Promise.all([
      scanDueNotifications(db, { now }),
      scanDueNotifications(db, { now }),
    ]);
    expect(both.some((r) => r.ran)).toBe(true);
    const freshOnes = await rowsOf(eq(notifications.kind, "staff.transfer_due"));
    expect(fresh).toBeDefined();
    expect(
      freshOnes.filter((n) => n.userId === admin.user.id && n.body.includes("2026年12月2日")),
    ).toHaveLength(1);
  });

  it("keeps each user's message centre to their own messages", async () => {
    const mine = await listInboxIn(db, member1, { pageSize: 1 });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items).toHaveLength(1);
    const unread = await countUnreadIn(db, member1);
    expect(unread).toBe(mine.unread);
    const [item] = mine.items;
    if (!item) throw new Error("no message");
    // Someone else cannot mark it, nor learn its link.
    expect(await markReadIn(db, member2, item.id)).toBeNull();
    expect(await countUnreadIn(db, member1)).toBe(unread);
    expect(await markReadIn(db, member1, item.id)).toEqual({ link: item.link });
    expect(await countUnreadIn(db, member1)).toBe(unread - 1);
    const [read] = await db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.id, item.id));
    // Marking again keeps the first reading time.
    await markReadIn(db, member1, item.id, new Date(Date.now() + DAY));
    const [still] = await db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.id, item.id));
    expect(still?.readAt?.getTime()).toBe(read?.readAt?.getTime());

    const adminUnread = await countUnreadIn(db, admin.user.id);
    expect(await markAllReadIn(db, member1)).toBe(unread - 1);
    expect(await countUnreadIn(db, member1)).toBe(0);
    expect(await countUnreadIn(db, admin.user.id)).toBe(adminUnread);
  });
});
