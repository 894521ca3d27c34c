import "server-only";
import { and, eq, gte, isNull, lt, lte, sql } from "drizzle-orm";
import { notificationText } from "@/lib/messages/notifications";
import { addDays, localDateKey, localParts, zonedInstant } from "@/lib/time";
import type { Database } from "../../client";
import { departments, events, fieldNotes, noteTransfers, registrations } from "../../schema";
import type { Executor } from "./executor";
import { type NotificationInput, notifyEach } from "./outbox";
import { committeeVoice, staffForNote } from "./recipients";

/**
 * The notifications that time causes, not a change: transfers due within 3 days or past
 * their date (to the staff whose scope holds the note), and the reminder the day before an
 * event (to its confirmed registrants). Each is keyed by what it is about (the transfer and
 * its date, the registration and the event's day), so a second scan, here or on another
 * instance, writes nothing new; a transaction advisory lock keeps two scans from running
 * at once. Dates are the committee's (Asia/Shanghai unless set otherwise).
 */

export const NOTIFICATION_SCAN_LOCK_KEY = 727_012;
/** A transfer is "due soon" from this many days before its date. */
export const TRANSFER_DUE_DAYS = 3;
/** Reminders go out from this local hour on the day before (no SMS at midnight). */
export const REMINDER_FROM_HOUR = 9;

export type ScanReport =
  | { ran: false }
  | { ran: true; transferDue: number; transferOverdue: number; reminders: number };

export async function scanDueNotifications(
  db: Database,
  options: { now?: Date } = {},
): Promise<ScanReport> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${NOTIFICATION_SCAN_LOCK_KEY}) as "ok"`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!rows[0]?.ok) return { ran: false } as const;
    const { timeZone, office } = await committeeVoice(tx);
    const today = localDateKey(now, timeZone);
    const transfers = await scanTransfers(tx, today);
    const reminders =
      localParts(now, timeZone).hour >= REMINDER_FROM_HOUR
        ? await scanReminders(tx, addDays(today, 1), timeZone, office, now)
        : 0;
    return { ran: true, ...transfers, reminders };
  });
}

async function scanTransfers(
  tx: Executor,
  today: string,
): Promise<{ transferDue: number; transferOverdue: number }> {
  const pending = await tx
    .select({
      id: noteTransfers.id,
      noteId: noteTransfers.noteId,
      dueOn: noteTransfers.dueOn,
      department: departments.name,
      noteTitle: fieldNotes.title,
    })
    .from(noteTransfers)
    .innerJoin(departments, eq(departments.id, noteTransfers.departmentId))
    .innerJoin(fieldNotes, eq(fieldNotes.id, noteTransfers.noteId))
    .where(
      and(
        eq(noteTransfers.status, "pending"),
        lte(noteTransfers.dueOn, addDays(today, TRANSFER_DUE_DAYS)),
      ),
    )
    .orderBy(noteTransfers.id);
  let transferDue = 0;
  let transferOverdue = 0;
  for (const t of pending) {
    const overdue = t.dueOn < today;
    const facts = { noteTitle: t.noteTitle, department: t.department, dueOn: t.dueOn };
    const text = overdue
      ? notificationText.staffTransferOverdue(facts)
      : notificationText.staffTransferDue(facts);
    const staff = await staffForNote(tx, t.noteId);
    const written = await notifyEach(
      tx,
      staff.map(
        (userId): NotificationInput => ({
          to: { userId },
          kind: overdue ? "staff.transfer_overdue" : "staff.transfer_due",
          key: `${t.id}:${t.dueOn}`,
          ...text,
          link: `/admin/notes/${t.noteId}`,
        }),
      ),
    );
    if (overdue) transferOverdue += written;
    else transferDue += written;
  }
  return { transferDue, transferOverdue };
}

async function scanReminders(
  tx: Executor,
  tomorrow: string,
  timeZone: string,
  office: string,
  now: Date,
): Promise<number> {
  const from = zonedInstant(tomorrow, "00:00", timeZone);
  const to = zonedInstant(addDays(tomorrow, 1), "00:00", timeZone);
  const rows = await tx
    .select({
      id: registrations.id,
      code: registrations.code,
      eventId: events.id,
      title: events.title,
      startsAt: events.startsAt,
      venue: events.venue,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(
      and(
        eq(events.status, "scheduled"),
        gte(events.startsAt, from),
        lt(events.startsAt, to),
        gte(events.startsAt, now),
        eq(registrations.status, "confirmed"),
        isNull(registrations.anonymisedAt),
      ),
    )
    .orderBy(registrations.id);
  return notifyEach(
    tx,
    rows.map(
      (r): NotificationInput => ({
        to: { registrationId: r.id },
        kind: "registration.reminder",
        key: `${r.id}:${localDateKey(r.startsAt, timeZone)}`,
        ...notificationText.registrationReminder({
          eventTitle: r.title,
          venue: r.venue,
          code: r.code,
          office,
          startsAt: r.startsAt,
          timeZone,
        }),
        link: `/events/${r.eventId}`,
      }),
    ),
  );
}
