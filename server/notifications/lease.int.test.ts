import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealField } from "@/db/encryption/fields";
import { notify } from "@/db/queries/notifications/outbox";
import { notificationDeliveries, notifications, users } from "@/db/schema";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { startSmtpSink } from "@/e2e/notification-sinks.mjs";
import { type DeliveryReport, deliverDueNow } from "./deliver";
import { mailSender, type Senders } from "./senders";

/**
 * A batch is claimed at once and sent one delivery after another. When the sends are
 * slow, the last of a batch would outlive its lease and another instance would take it:
 * each delivery's lease is renewed right before it is sent, and a delivery that is no
 * longer this worker's is left to the one that has it. One real SMTP server receives.
 */

let handle: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp?.close();
  await handle?.close();
});

describe(`delivery leases (${driverLabel()})`, () => {
  it("a slow batch: the delivery another instance took after its lease ran out goes out once", async () => {
    const [user] = await handle.db
      .insert(users)
      .values({
        username: "slow",
        displayName: "慢邮件",
        status: "active",
        email: sealField("users.email", "slow@example.org"),
      })
      .returning({ id: users.id });
    const userId = user?.id ?? 0;
    for (const key of ["a", "b", "c"]) {
      await notify(handle.db, {
        to: { userId },
        kind: "note.accepted",
        key: `lease:${key}`,
        title: `慢批次 ${key}`,
      });
    }
    const real = mailSender({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: "noreply@example.org",
      SITE_URL: "https://lvzhi.example.org",
    }) as NonNullable<Senders["email"]>;

    // The clock: each send takes 600 ms of it; the lease is 1 s.
    let clock = Date.now() + 1_000;
    const now = () => new Date(clock);
    // One at a time, so that the sends follow each other on the clock.
    const options = { maxAttempts: 3, now, leaseMs: 1_000, batch: 3, concurrency: 1 };
    let sends = 0;
    let other: DeliveryReport | null = null;
    const slow: Senders = {
      email: async (address, delivery) => {
        sends += 1;
        clock += 600;
        // While this worker sends its second, the third's lease (taken with the batch) has
        // run out: another instance's pass takes and sends it.
        if (sends === 2) other = await deliverDueNow(handle.db, { email: real }, options);
        await real(address, delivery);
      },
    };
    const first = await deliverDueNow(handle.db, slow, options);
    real.close?.();

    const got = smtp.messages.filter((m) => m.to.includes("slow@example.org"));
    expect(got.map((m) => m.subject).sort()).toEqual(["慢批次 a", "慢批次 b", "慢批次 c"]);
    expect(first.sent).toBe(2);
    expect(other).toMatchObject({ sent: 1 });
    const rows = await handle.db
      .select({ status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(eq(notifications.userId, userId));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });
});
