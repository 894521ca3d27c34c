import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { openField } from "@/db/encryption/fields";
import { countRegistrations, selectEventScope } from "@/db/queries/events/scope";
import { auditStaffWrite, type Executor, refreshPublicPages } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { events, registrations, towns } from "@/db/schema";
import { maskPhone, normalizeRegistrationCode } from "@/lib/attendance";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { RegistrationStatus } from "@/lib/vocabulary";

/**
 * Registrations of one event as staff see them: phones masked, always. An admin may
 * reveal one number (or export them all) and every reveal is written to the audit log
 * with who, when and which registration. Codes are the registrants' keys: staff never
 * see them, they type the one a person shows at the door to check them in.
 */

export interface StaffRegistrationRow {
  id: number;
  name: string;
  phoneMasked: string;
  organisation: string;
  status: RegistrationStatus;
  createdAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
}

export interface RegistrationEventSummary {
  id: number;
  title: string;
  status: "scheduled" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  venue: string;
  townName: string | null;
  openToPublic: boolean;
  capacity: number | null;
  counts: { confirmed: number; waitlisted: number; checkedIn: number };
}

/** Throws not_found unless this user may see the event's registrations. */
async function assertMayView(db: Executor, user: SessionUser, eventId: number): Promise<void> {
  const scope = await selectEventScope(db, eventId);
  if (!scope || !can(user, "registration.view", { kind: "event", scope })) {
    throw new AppError("not_found");
  }
}

export async function selectRegistrationEvent(
  db: Database,
  user: SessionUser,
  eventId: number,
): Promise<RegistrationEventSummary | null> {
  const scope = await selectEventScope(db, eventId);
  if (!scope || !can(user, "registration.view", { kind: "event", scope })) return null;
  const [row] = await db
    .select({
      id: events.id,
      title: events.title,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      townName: towns.name,
      openToPublic: events.openToPublic,
      capacity: events.capacity,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .where(eq(events.id, eventId));
  if (!row) return null;
  const counts = await countRegistrations(db, [eventId]);
  return { ...row, counts: counts.get(eventId) ?? { confirmed: 0, waitlisted: 0, checkedIn: 0 } };
}

const rowColumns = {
  id: registrations.id,
  name: registrations.name,
  phone: registrations.phone,
  organisation: registrations.organisation,
  status: registrations.status,
  createdAt: registrations.createdAt,
  promotedAt: registrations.promotedAt,
  cancelledAt: registrations.cancelledAt,
  checkedInAt: registrations.checkedInAt,
};

/** Status order: seated, then the waiting list (in its order), then cancelled. */
const statusOrder = sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`;

export async function listEventRegistrationsIn(
  db: Database,
  user: SessionUser,
  eventId: number,
): Promise<StaffRegistrationRow[]> {
  await assertMayView(db, user, eventId);
  const rows = await db
    .select(rowColumns)
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .orderBy(statusOrder, asc(registrations.id))
    .limit(5_000);
  return rows.map(({ phone, ...rest }) => ({
    ...rest,
    phoneMasked: maskPhone(openField("registrations.phone", phone)),
  }));
}

/** One phone in clear, for an admin, audited in the same transaction as the read. */
export async function revealPhoneIn(
  db: Database,
  actor: Actor,
  registrationId: number,
): Promise<{ registrationId: number; name: string; phone: string }> {
  if (!can(actor.user, "phone.reveal")) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: registrations.id,
        eventId: registrations.eventId,
        name: registrations.name,
        phone: registrations.phone,
      })
      .from(registrations)
      .where(eq(registrations.id, registrationId));
    if (!row) throw new AppError("not_found");
    await assertMayView(tx, actor.user, row.eventId);
    await auditStaffWrite(tx, actor, {
      action: "registration.reveal_phone",
      targetType: "registration",
      targetId: String(row.id),
      details: { eventId: row.eventId },
    });
    return {
      registrationId: row.id,
      name: row.name,
      phone: openField("registrations.phone", row.phone),
    };
  });
}

export type CheckInTarget = { registrationId: number } | { code: string };

/** How a check-in went: just now, or earlier (when, for the door to say so). */
export interface CheckInOutcome {
  outcome: "checked_in" | "already";
  registrationId: number;
  name: string;
  checkedInAt: Date;
}

/**
 * Marks a seated registrant as arrived, by row (the list's button) or by the code they
 * show. Only confirmed registrations of this event check in; a second check-in is refused.
 */
export async function checkInIn(
  db: Database,
  actor: Actor,
  eventId: number,
  target: CheckInTarget,
  now = new Date(),
): Promise<{ registrationId: number; name: string }> {
  const result = await db.transaction((tx) =>
    checkInTx(tx, actor, eventId, target, now, "code" in target ? "code" : "list"),
  );
  if (result.outcome === "already") throw new AppError("invalid_state", "checked_in");
  return { registrationId: result.registrationId, name: result.name };
}

/**
 * The door's scanner (a QR read by the camera, or a code typed on the phone): the same
 * check-in, and a second scan answers with the time of the first instead of a refusal.
 */
export async function scanCheckInIn(
  db: Database,
  actor: Actor,
  eventId: number,
  code: string,
  now = new Date(),
): Promise<CheckInOutcome> {
  return db.transaction((tx) => checkInTx(tx, actor, eventId, { code }, now, "scan"));
}

async function checkInTx(
  tx: Executor,
  actor: Actor,
  eventId: number,
  target: CheckInTarget,
  now: Date,
  by: "code" | "list" | "scan",
): Promise<CheckInOutcome> {
  await assertMayView(tx, actor.user, eventId);
  let where: ReturnType<typeof eq>;
  if ("code" in target) {
    const code = normalizeRegistrationCode(target.code);
    if (!code) throw new AppError("not_found", "code");
    where = eq(registrations.code, code);
  } else {
    where = eq(registrations.id, target.registrationId);
  }
  const [row] = await tx
    .select({
      id: registrations.id,
      name: registrations.name,
      status: registrations.status,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .where(and(where, eq(registrations.eventId, eventId)))
    .for("update");
  if (!row) throw new AppError("not_found", "code" in target ? "code" : undefined);
  if (row.status !== "confirmed") throw new AppError("invalid_state", row.status);
  const seen = { registrationId: row.id, name: row.name };
  if (row.checkedInAt) return { outcome: "already", ...seen, checkedInAt: row.checkedInAt };
  await tx.update(registrations).set({ checkedInAt: now }).where(eq(registrations.id, row.id));
  await auditStaffWrite(tx, actor, {
    action: "registration.check_in",
    targetType: "registration",
    targetId: String(row.id),
    details: { eventId, by },
  });
  return { outcome: "checked_in", ...seen, checkedInAt: now };
}

export interface RegistrationExportRow extends Omit<StaffRegistrationRow, "phoneMasked"> {
  phone: string;
}

/**
 * The rows of the CSV export, phones masked unless an admin asked for them in clear;
 * the export itself is audited either way (it is personal data leaving the system).
 */
export async function exportRegistrationsIn(
  db: Database,
  actor: Actor,
  eventId: number,
  options: { revealPhones: boolean },
): Promise<RegistrationExportRow[]> {
  if (options.revealPhones && !can(actor.user, "phone.reveal")) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    await assertMayView(tx, actor.user, eventId);
    const rows = await tx
      .select(rowColumns)
      .from(registrations)
      .where(eq(registrations.eventId, eventId))
      .orderBy(statusOrder, asc(registrations.id));
    await auditStaffWrite(tx, actor, {
      action: options.revealPhones ? "registration.export_phones" : "registration.export",
      targetType: "event",
      targetId: String(eventId),
      details: { rows: rows.length, phones: options.revealPhones ? "full" : "masked" },
    });
    return rows.map((r) => {
      const phone = openField("registrations.phone", r.phone);
      return { ...r, phone: options.revealPhones ? phone : maskPhone(phone) };
    });
  });
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function getRegistrationEventForStaff(user: SessionUser, eventId: number) {
  return selectRegistrationEvent(await getDb(), user, eventId);
}

export async function listEventRegistrations(user: SessionUser, eventId: number) {
  return listEventRegistrationsIn(await getDb(), user, eventId);
}

export async function revealPhone(actor: Actor, registrationId: number) {
  return revealPhoneIn(await getDb(), actor, registrationId);
}

export async function checkIn(actor: Actor, eventId: number, target: CheckInTarget) {
  const result = await checkInIn(await getDb(), actor, eventId, target);
  refreshPublicPages(cacheTags.registrations(eventId));
  return result;
}

export async function scanCheckIn(actor: Actor, eventId: number, code: string) {
  const result = await scanCheckInIn(await getDb(), actor, eventId, code);
  if (result.outcome === "checked_in") refreshPublicPages(cacheTags.registrations(eventId));
  return result;
}

export async function exportRegistrations(
  actor: Actor,
  eventId: number,
  options: { revealPhones: boolean },
) {
  return exportRegistrationsIn(await getDb(), actor, eventId, options);
}
