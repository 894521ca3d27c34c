import { sql } from "drizzle-orm";
import { index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { deliveryChannels, deliveryStatuses, notificationKinds } from "../../lib/vocabulary";
import { registrations } from "./attendance";
import { createdAt, tstz } from "./common";
import { users } from "./users";

/**
 * A notification (通知): one message to one person about one change, written in the same
 * transaction as the change (the outbox). A user's notifications are their message centre
 * (站内信); a registrant without an account has only the deliveries.
 * `dedupeKey` makes writing it twice harmless (e.g. `note.accepted:12:v4:user:7`).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    /** The account it is for: shown in their message centre. */
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** Or the registration it is for (a member of the public): delivered by SMS only. */
    registrationId: integer("registration_id").references(() => registrations.id, {
      onDelete: "cascade",
    }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** A path on this site: what changed. */
    link: text("link").notNull().default(""),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: tstz("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_idx").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_registration_idx").on(t.registrationId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/**
 * One notification on one outside channel. The address is not copied here: the worker
 * reads it from the account or the registration when it sends (personal data stays in one
 * encrypted place, and the retention job's clearing reaches pending deliveries too).
 * The one exception is `address`: the notice of a change of the account's own channels
 * goes to the address in force before the change (db/queries/notifications/preferences.ts).
 * Several server instances share the table: each claims due rows with
 * `for update skip locked`, so every delivery is attempted by one of them at a time.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: serial("id").primaryKey(),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: deliveryChannels }).notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: tstz("sent_at"),
    /**
     * Set only for the notice of a change of one's channels: the e-mail address or phone
     * to send to instead of the account's current one, encrypted
     * (sealField("notification_deliveries.address", …)).
     */
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_once_idx").on(t.notificationId, t.channel),
    index("notification_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("notification_deliveries_status_idx").on(t.status, t.createdAt),
  ],
);

export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
