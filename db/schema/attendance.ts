import { sql } from "drizzle-orm";
import { index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { registrationStatuses } from "../../lib/vocabulary";
import { createdAt, tstz } from "./common";
import { events } from "./events";

/**
 * A member of the public registered to attend an open event (列席).
 * The phone is personal data: shown to staff only, masked everywhere else. It is stored
 * encrypted (AES-256-GCM, lib/security/field-crypto.ts); `phoneHash`, its keyed hash,
 * is what equality uses. Null only on rows the start-up data step has not reached yet.
 */
export const registrations = pgTable(
  "registrations",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Ciphertext `v1:…` of the normalised phone. */
    phone: text("phone").notNull(),
    /** HMAC-SHA256 blind index of the normalised phone. */
    phoneHash: text("phone_hash"),
    organisation: text("organisation").notNull().default(""),
    /** Shown once on the confirmation page; cancels the registration. */
    code: text("code").notNull().unique(),
    status: text("status", { enum: registrationStatuses }).notNull(),
    createdAt: createdAt(),
    promotedAt: tstz("promoted_at"),
    cancelledAt: tstz("cancelled_at"),
    checkedInAt: tstz("checked_in_at"),
    /** Name and phone cleared by the retention job (db/retention) after the event. */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    index("registrations_event_status_idx").on(t.eventId, t.status, t.createdAt),
    // One live registration per phone per event; a cancelled one frees the phone, and an
    // anonymised one no longer has one.
    uniqueIndex("registrations_event_phone_live_idx")
      .on(t.eventId, t.phoneHash)
      .where(sql`${t.status} <> 'cancelled' and ${t.anonymisedAt} is null`),
  ],
);

export type Registration = typeof registrations.$inferSelect;
export type NewRegistration = typeof registrations.$inferInsert;
