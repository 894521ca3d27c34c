import { eq, inArray, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sealField, sealPhone } from "@/db/encryption/fields";
import { retryDeliveryIn } from "@/db/queries/notifications/admin";
import { notify } from "@/db/queries/notifications/outbox";
import {
  auditLog,
  events,
  notificationDeliveries,
  notifications,
  registrations,
  users,
} from "@/db/schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import {
  expectedAliyunSignature,
  startAliyunSmsStub,
  startSmtpSink,
} from "@/e2e/notification-sinks.mjs";
import type { Actor } from "@/lib/auth/types";
import { messageIdFor } from "@/lib/notifications/mail-content";
import { eventKinds } from "@/lib/vocabulary";
import { deliverDueNow, skipReasons } from "./deliver";
import { closeSenders, mailSender, type Senders, smsSender } from "./senders";
import { startDeliveryWorker, stopDeliveryWorker } from "./worker";

/**
 * The delivery worker against real parts: a real SMTP server started here receives the
 * mail; a local HTTP server standing in for Aliyun's SMS API checks every request's
 * signature by recomputing it as Aliyun documents it. On PGlite and on PostgreSQL (where
 * two workers claim at once over separate connections).
 */

const SITE = "https://lvzhi.example.org";
const KEY_ID = "LTAI-test-key";
const SECRET = "test-secret/with+odd=chars~*";

let handle: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let refuseNext: ((to: string[]) => { code: number; message: string } | null) | null = null;
let sms: Awaited<ReturnType<typeof startAliyunSmsStub>>;
let userSeq = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  smtp = await startSmtpSink({ refuse: ({ to }) => refuseNext?.(to) ?? null });
  sms = await startAliyunSmsStub({ accessKeyId: KEY_ID, accessKeySecret: SECRET });
});
afterAll(async () => {
  await smtp?.close();
  await sms?.close();
  await handle?.close();
});
/** Every sender a test made: their pooled SMTP connections are let go after it. */
const made: Senders[] = [];
afterEach(() => {
  refuseNext = null;
  for (const set of made.splice(0)) closeSenders(set);
});

const mail = () =>
  mailSender({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: "履职通 <noreply@example.org>",
    SITE_URL: SITE,
  });
const smsSettings = {
  SMS_PROVIDER: "aliyun" as const,
  SMS_ACCESS_KEY_ID: KEY_ID,
  SMS_ACCESS_KEY_SECRET: SECRET,
  SMS_SIGN_NAME: "某区政协",
  SMS_TEMPLATE: "SMS_000000001",
  SMS_TEMPLATES: "account.security=SMS_000000009",
  SMS_REGION: "cn-hangzhou",
};
const senders = (): Senders => {
  const set = { email: mail(), sms: smsSender({ ...smsSettings, SMS_ENDPOINT: sms.url }) };
  made.push(set);
  return set;
};

async function makeUser(options: { email?: string; phone?: string; bySms?: boolean } = {}) {
  userSeq += 1;
  const [row] = await handle.db
    .insert(users)
    .values({
      username: `u${userSeq}`,
      displayName: `委员${userSeq}`,
      status: "active",
      email: options.email ? sealField("users.email", options.email) : null,
      notifyBySms: options.bySms ?? false,
      ...(options.phone ? sealPhone("users.phone", options.phone) : {}),
    })
    .returning({ id: users.id });
  if (!row) throw new Error("no user");
  return row.id;
}

async function notifyUser(userId: number, key: string, title = "您的走访记录已受理") {
  await handle.db.transaction((tx) =>
    notify(tx, {
      to: { userId },
      kind: "note.accepted",
      key,
      title,
      body: "办理部门将在 15 个工作日内答复。",
      link: "/member/notes/12",
    }),
  );
}

async function deliveriesOf(userId: number) {
  return handle.db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      nextAttemptAt: notificationDeliveries.nextAttemptAt,
      sentAt: notificationDeliveries.sentAt,
      dedupeKey: notifications.dedupeKey,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notifications.userId, userId));
}

const mailTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe(`notification delivery (${driverLabel()})`, () => {
  it("sends a pending e-mail once, in Chinese, with a Message-ID derived from the dedupe key", async () => {
    const userId = await makeUser({ email: "wang@example.org" });
    await notifyUser(userId, "12:v1");
    const report = await deliverDueNow(handle.db, senders(), { maxAttempts: 3 });
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    const [received] = mailTo("wang@example.org");
    expect(mailTo("wang@example.org")).toHaveLength(1);
    expect(received?.subject).toBe("您的走访记录已受理");
    expect(received?.from).toContain("noreply@example.org");
    expect(received?.text).toContain("办理部门将在 15 个工作日内答复。");
    expect(received?.text).toContain(`${SITE}/member/notes/12`);
    expect(received?.html).toContain(`href="${SITE}/member/notes/12"`);
    const [row] = await deliveriesOf(userId);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(received?.messageId).toBe(messageIdFor(row?.dedupeKey ?? "", SITE));
    // Sent is final: another pass sends nothing, however far the clock goes.
    const later = () => new Date(Date.now() + 86_400_000);
    await deliverDueNow(handle.db, senders(), { maxAttempts: 3, now: later });
    expect(mailTo("wang@example.org")).toHaveLength(1);
  });

  it("retries with backoff after the SMTP server refuses once", async () => {
    const userId = await makeUser({ email: "li@example.org" });
    await notifyUser(userId, "13:v1");
    let refused = 0;
    refuseNext = (to) =>
      to.includes("li@example.org") && refused++ === 0
        ? { code: 451, message: "mailbox busy, try later" }
        : null;
    const start = Date.now();
    const first = await deliverDueNow(handle.db, senders(), { maxAttempts: 3 });
    expect(first.retried).toBe(1);
    const [pending] = await deliveriesOf(userId);
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    expect(pending?.lastError).toContain("451");
    expect(pending?.lastError).not.toContain("li@example.org");
    // First retry 30 s later: not before.
    const wait = (pending?.nextAttemptAt.getTime() ?? 0) - start;
    expect(wait).toBeGreaterThanOrEqual(29_000);
    expect(wait).toBeLessThan(40_000);
    await deliverDueNow(handle.db, senders(), { maxAttempts: 3 });
    expect(mailTo("li@example.org")).toHaveLength(0);
    const second = await deliverDueNow(handle.db, senders(), {
      maxAttempts: 3,
      now: () => new Date(Date.now() + 31_000),
    });
    expect(second.sent).toBe(1);
    expect(mailTo("li@example.org")).toHaveLength(1);
    const [sent] = await deliverDueNow(handle.db, senders(), { maxAttempts: 3 }).then(() =>
      deliveriesOf(userId),
    );
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("marks a delivery failed after the last attempt; an administrator's retry sends it (audited)", async () => {
    const userId = await makeUser({ email: "zhao@example.org" });
    await notifyUser(userId, "14:v1");
    refuseNext = (to) =>
      to.includes("zhao@example.org") ? { code: 450, message: "relay unavailable" } : null;
    let clock = Date.now();
    const now = () => new Date(clock);
    await deliverDueNow(handle.db, senders(), { maxAttempts: 2, now });
    clock += 60 * 60_000;
    const report = await deliverDueNow(handle.db, senders(), { maxAttempts: 2, now });
    expect(report.failed).toBe(1);
    const [failed] = await deliveriesOf(userId);
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(failed?.lastError).toContain("relay unavailable");
    // Failed is final for the worker.
    clock += 24 * 60 * 60_000;
    expect((await deliverDueNow(handle.db, senders(), { maxAttempts: 2, now })).sent).toBe(0);

    const adminId = await makeUser();
    const actor: Actor = {
      user: {
        id: adminId,
        username: `u${userSeq}`,
        displayName: "管理员",
        role: "admin",
        sectorId: null,
        organisationId: null,
      },
      ip: "192.0.2.9",
    };
    refuseNext = null;
    await retryDeliveryIn(handle.db, actor, failed?.id ?? 0);
    const [audit] = await handle.db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId })
      .from(auditLog)
      .where(eq(auditLog.action, "notification.delivery.retry"));
    expect(audit).toEqual({ actorId: adminId, targetId: String(failed?.id) });
    expect((await deliverDueNow(handle.db, senders(), { maxAttempts: 2 })).sent).toBe(1);
    expect(mailTo("zhao@example.org")).toHaveLength(1);
    // Only a failed delivery can be retried.
    await expect(retryDeliveryIn(handle.db, actor, failed?.id ?? 0)).rejects.toMatchObject({
      code: "invalid_state",
    });
    await expect(retryDeliveryIn(handle.db, actor, 999_999)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("sends an SMS through the provider's API, signed as Aliyun documents, with the kind's template", async () => {
    const userId = await makeUser({ phone: "13900001111", bySms: true });
    await handle.db.transaction((tx) =>
      notify(tx, {
        to: { userId },
        kind: "account.security",
        key: "test:1",
        title: "账号安全提醒：修改了密码",
      }),
    );
    const report = await deliverDueNow(handle.db, senders(), { maxAttempts: 3 });
    expect(report.sent).toBe(1);
    expect(sms.refused).toEqual([]);
    const got = sms.received.filter((r) => r.phone === "13900001111");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      signName: "某区政协",
      templateCode: "SMS_000000009",
      templateParam: { title: "账号安全提醒：修改了密码" },
    });
    // The stand-in really checks: a request signed with another secret is refused, and the
    // delivery waits for a retry with the provider's error.
    expect(expectedAliyunSignature("POST", { A: "1" }, SECRET)).not.toBe(
      expectedAliyunSignature("POST", { A: "1" }, "other"),
    );
    const other = await makeUser({ phone: "13900002222", bySms: true });
    await notifyUser(other, "15:v1");
    const wrong = smsSender({
      ...smsSettings,
      SMS_ACCESS_KEY_SECRET: "wrong",
      SMS_ENDPOINT: sms.url,
    });
    const refused = await deliverDueNow(handle.db, { sms: wrong }, { maxAttempts: 3 });
    expect(refused.retried).toBe(1);
    expect(sms.refused).toContain("SignatureDoesNotMatch");
    const [row] = await deliveriesOf(other);
    expect(row?.lastError).toContain("SignatureDoesNotMatch");
    expect(row?.lastError).not.toContain("13900002222");
  });

  it("sends a registrant's SMS to the phone they registered with, until it is anonymised", async () => {
    const [event] = await handle.db
      .insert(events)
      .values({
        title: "科技下乡",
        kind: eventKinds[0],
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
      })
      .returning({ id: events.id });
    const [registration] = await handle.db
      .insert(registrations)
      .values({
        eventId: event?.id ?? 0,
        name: "张三",
        ...sealPhone("registrations.phone", "13700003333"),
        code: "REG-TEST-1",
        status: "confirmed",
      })
      .returning({ id: registrations.id });
    const to = { registrationId: registration?.id ?? 0 };
    await handle.db.transaction((tx) =>
      notify(tx, { to, kind: "registration.confirmed", key: "1", title: "报名成功：科技下乡" }),
    );
    expect((await deliverDueNow(handle.db, senders(), { maxAttempts: 3 })).sent).toBe(1);
    expect(sms.received.filter((r) => r.phone === "13700003333")).toMatchObject([
      {
        templateCode: "SMS_000000001",
        templateParam: { title: "报名成功：科技下乡", code: "REG-TEST-1" },
      },
    ]);
    // Written before the retention job cleared the registration, sent after: skipped.
    await handle.db.transaction((tx) =>
      notify(tx, { to, kind: "registration.reminder", key: "1", title: "明天见" }),
    );
    await handle.db
      .update(registrations)
      .set({ anonymisedAt: new Date() })
      .where(eq(registrations.id, to.registrationId));
    expect((await deliverDueNow(handle.db, senders(), { maxAttempts: 3 })).skipped).toBe(1);
    expect(sms.received.filter((r) => r.phone === "13700003333")).toHaveLength(1);
  });

  it("skips a channel this server has not configured, and a recipient with no address any more", async () => {
    const userId = await makeUser({ email: "sun@example.org" });
    await notifyUser(userId, "16:v1");
    expect((await deliverDueNow(handle.db, {}, { maxAttempts: 3 })).skipped).toBe(1);
    const [unconfigured] = await deliveriesOf(userId);
    expect(unconfigured).toMatchObject({ status: "skipped", lastError: skipReasons.email });

    const gone = await makeUser({ email: "zhou@example.org" });
    await notifyUser(gone, "17:v1");
    await handle.db.update(users).set({ email: null }).where(eq(users.id, gone));
    expect((await deliverDueNow(handle.db, senders(), { maxAttempts: 3 })).skipped).toBe(1);
    const [noAddress] = await deliveriesOf(gone);
    expect(noAddress).toMatchObject({ status: "skipped", lastError: skipReasons.noAddress });
    expect(mailTo("zhou@example.org")).toHaveLength(0);
  });

  it("sends several deliveries of a batch at once, each once, over pooled connections", async () => {
    const count = 12;
    for (let i = 0; i < count; i++) {
      const userId = await makeUser({ email: `lane${i}@example.org` });
      await notifyUser(userId, `lane:${i}`);
    }
    const before = smtp.messages.length;
    const real = senders().email as NonNullable<Senders["email"]>;
    let inFlight = 0;
    let most = 0;
    const watched: Senders = {
      email: async (address, delivery) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          await real(address, delivery);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const report = await deliverDueNow(handle.db, watched, { maxAttempts: 3, concurrency: 4 });
    expect(report.sent).toBe(count);
    expect(most).toBe(4);
    const got = smtp.messages.slice(before);
    expect(got).toHaveLength(count);
    expect(new Set(got.map((m) => m.to[0])).size).toBe(count);
    // Twelve messages over a pool of at most four connections, not one connection each.
    expect(got.every((m) => typeof m.connection === "string")).toBe(true);
    expect(new Set(got.map((m) => m.connection)).size).toBeLessThanOrEqual(4);
  });

  it("sends each delivery exactly once when two workers claim at the same time", async () => {
    const count = 24;
    for (let i = 0; i < count; i++) {
      const userId = await makeUser({ email: `many${i}@example.org` });
      await notifyUser(userId, `many:${i}`);
    }
    const before = smtp.messages.length;
    if (handle.driver === "postgres") {
      // Another instance in the middle of its claim holds five rows: this worker skips
      // them (does not wait for them, does not take them) and sends the others.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = handle.db.transaction(async (tx) => {
        await tx
          .select({ id: notificationDeliveries.id })
          .from(notificationDeliveries)
          .where(
            inArray(
              notificationDeliveries.notificationId,
              handle.db
                .select({ id: notifications.id })
                .from(notifications)
                .where(like(notifications.dedupeKey, "note.accepted:many:%")),
            ),
          )
          .orderBy(notificationDeliveries.id)
          .limit(5)
          .for("update");
        locked();
        await held;
      });
      await lockTaken;
      const pass = deliverDueNow(handle.db, senders(), { maxAttempts: 3, batch: 4 });
      const timeout = new Promise<"blocked">((resolve) =>
        setTimeout(() => resolve("blocked"), 8_000),
      );
      const first = await Promise.race([pass, timeout]);
      release();
      await holder;
      expect(first).not.toBe("blocked");
      expect(first).toMatchObject({ sent: count - 5 });
    }
    // Two workers at once (separate connections on PostgreSQL), small batches so that
    // they interleave over many claims.
    const [a, b] = await Promise.all([
      deliverDueNow(handle.db, senders(), { maxAttempts: 3, batch: 2 }),
      deliverDueNow(handle.db, senders(), { maxAttempts: 3, batch: 2 }),
    ]);
    const got = smtp.messages.slice(before);
    expect(got).toHaveLength(count);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(count);
    expect(a.sent + b.sent).toBe(handle.driver === "postgres" ? 5 : count);
    const rows = await handle.db
      .select({ status: notificationDeliveries.status, attempts: notificationDeliveries.attempts })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(like(notifications.dedupeKey, "note.accepted:many:%"));
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("the server's worker sends a new notification within seconds, woken by it, not by the poll", async () => {
    const userId = await makeUser({ email: "woken@example.org" });
    startDeliveryWorker(async () => handle.db, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: "noreply@example.org",
      SITE_URL: SITE,
      SMS_ENDPOINT: sms.url,
      SMS_REGION: "cn-hangzhou",
      DELIVERY_MAX_ATTEMPTS: 3,
      // An hour between polls: only the wake-up can send it in time.
      DELIVERY_POLL_SECONDS: 3600,
    });
    try {
      // Past the worker's first pass after start, so that only the wake-up is left.
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      const written = Date.now();
      await notifyUser(userId, "woken:1");
      await expect
        .poll(() => mailTo("woken@example.org").length, { timeout: 5_000, interval: 100 })
        .toBe(1);
      expect(Date.now() - written).toBeLessThan(3_000);
    } finally {
      stopDeliveryWorker();
    }
  });
});
