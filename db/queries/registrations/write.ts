import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { phoneIndex, sealField } from "@/db/encryption/fields";
import { notifyRegistrant } from "@/db/queries/notifications/events";
import { isUniqueViolation, refreshPublicPages, type Transaction } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { auditLog, events, registrations } from "@/db/schema";
import {
  acceptsRegistrations,
  canCancelRegistration,
  computeRegistrationState,
  generateRegistrationCode,
  type RegistrationInput,
  refusalFor,
} from "@/lib/attendance";
import { AppError } from "@/lib/errors";
import type { RegistrationStatus } from "@/lib/vocabulary";
import { eventWindowColumns } from "./public";

/**
 * Open attendance: registering and cancelling (public, no login). Every write locks the
 * event's row (`SELECT … FOR UPDATE`) first, so registrations and cancellations of one
 * event run one after another: the count of confirmed seats read inside the transaction
 * cannot change before the insert, and the capacity is never exceeded whatever the
 * concurrency. Other events are not held up. Refusals are AppErrors (lib/errors.ts).
 *
 * The `…In(db, …)` functions take the database (integration tests call them); the
 * plain names below use the server's database and refresh the cached pages.
 */

export interface RegistrationReceipt {
  id: number;
  eventId: number;
  code: string;
  status: "confirmed" | "waitlisted";
  /** 1 for the first on the waiting list; null when confirmed. */
  waitlistPosition: number | null;
}

export interface RegisterRequest extends RegistrationInput {
  eventId: number;
  /** The client's IP, for the audit log. */
  ip: string;
  now?: Date;
}

export interface CancellationReceipt {
  eventId: number;
  previousStatus: RegistrationStatus;
  /** Registrations moved from the waiting list to a seat by this cancellation. */
  promotedIds: number[];
}

const CODE_ATTEMPTS = 3;

export async function registerForEventIn(
  db: Database,
  request: RegisterRequest,
): Promise<RegistrationReceipt> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => insertRegistration(tx, request));
    } catch (error) {
      // The partial unique index is the backstop behind the check under the lock.
      if (isUniqueViolation(error, "registrations_event_phone_live_idx")) {
        throw new AppError("duplicate_phone");
      }
      // ~40 random bits: a clash is very unlikely, and a new code fixes it.
      if (isUniqueViolation(error, "registrations_code_unique") && attempt < CODE_ATTEMPTS) {
        continue;
      }
      throw error;
    }
  }
}

async function insertRegistration(
  tx: Transaction,
  request: RegisterRequest,
): Promise<RegistrationReceipt> {
  const now = request.now ?? new Date();
  const [event] = await tx
    .select(eventWindowColumns)
    .from(events)
    .where(eq(events.id, request.eventId))
    .for("update");
  if (!event) throw new AppError("not_found");

  // The phone is stored encrypted: equality goes through its blind index.
  const phoneHash = phoneIndex(request.phone);
  const [taken] = await tx
    .select({
      confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')`.mapWith(
        Number,
      ),
      waitlisted:
        sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')`.mapWith(Number),
      samePhone:
        sql<number>`count(*) filter (where ${registrations.phoneHash} = ${phoneHash})`.mapWith(
          Number,
        ),
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), ne(registrations.status, "cancelled")));
  const counts = taken ?? { confirmed: 0, waitlisted: 0, samePhone: 0 };

  const state = computeRegistrationState(event, now, counts.confirmed);
  if (!acceptsRegistrations(state)) throw new AppError(refusalFor(state));
  // Same answer whether that registration is confirmed or waitlisted: nothing more leaks.
  if (counts.samePhone > 0) throw new AppError("duplicate_phone");

  const status = state === "open" ? "confirmed" : "waitlisted";
  const [row] = await tx
    .insert(registrations)
    .values({
      eventId: event.id,
      name: request.name,
      phone: sealField("registrations.phone", request.phone),
      phoneHash,
      organisation: request.organisation,
      code: generateRegistrationCode(),
      status,
    })
    .returning({ id: registrations.id, code: registrations.code });
  if (!row) throw new Error("registration insert returned no row");

  await tx.insert(auditLog).values({
    actorLabel: "public",
    ip: request.ip,
    action: "registration.create",
    targetType: "registration",
    targetId: String(row.id),
    details: { eventId: event.id, status },
  });
  // The registrant's confirmation (with the check-in code) or place on the waiting list.
  const waitlistPosition = status === "waitlisted" ? counts.waitlisted + 1 : null;
  await notifyRegistrant(
    tx,
    [row.id],
    waitlistPosition === null
      ? { kind: "registration.confirmed" }
      : { kind: "registration.waitlisted", position: waitlistPosition },
  );
  return {
    id: row.id,
    eventId: event.id,
    code: row.code,
    status,
    // The waiting list is served in id order, and ids grow under the lock.
    waitlistPosition,
  };
}

export async function cancelRegistrationIn(
  db: Database,
  request: { code: string; ip: string; now?: Date },
): Promise<CancellationReceipt> {
  const now = request.now ?? new Date();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ eventId: registrations.eventId })
      .from(registrations)
      .where(eq(registrations.code, request.code));
    if (!found) throw new AppError("not_found");
    // The event first, as registering does: one lock order, no deadlock.
    const [event] = await tx
      .select(eventWindowColumns)
      .from(events)
      .where(eq(events.id, found.eventId))
      .for("update");
    const [registration] = await tx
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.code, request.code))
      .for("update");
    if (!event || !registration) throw new AppError("not_found");
    if (registration.status === "cancelled") throw new AppError("already_cancelled");
    if (!canCancelRegistration(event, now)) throw new AppError("started");

    await tx
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: now })
      .where(eq(registrations.id, registration.id));
    const promotedIds =
      event.status === "scheduled" ? await promoteFromWaitingList(tx, event, now) : [];
    await notifyRegistrant(tx, promotedIds, { kind: "registration.promoted" });

    await tx.insert(auditLog).values([
      {
        actorLabel: "public",
        ip: request.ip,
        action: "registration.cancel",
        targetType: "registration",
        targetId: String(registration.id),
        details: { eventId: event.id, previousStatus: registration.status, promotedIds },
      },
      ...promotedIds.map((id) => ({
        actorLabel: "system",
        ip: request.ip,
        action: "registration.promote",
        targetType: "registration",
        targetId: String(id),
        details: { eventId: event.id, afterCancellationOf: registration.id },
      })),
    ]);
    return { eventId: event.id, previousStatus: registration.status, promotedIds };
  });
}

/** Fills the free seats from the head of the waiting list (id order); returns who moved up. */
async function promoteFromWaitingList(
  tx: Transaction,
  event: { id: number; capacity: number | null },
  now: Date,
): Promise<number[]> {
  const [seats] = await tx
    .select({ confirmed: sql<number>`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed")));
  const free =
    event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - (seats?.confirmed ?? 0);
  if (free <= 0) return [];
  const next = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.id))
    .limit(Math.min(free, 1_000));
  const ids = next.map((r) => r.id);
  if (ids.length === 0) return [];
  await tx
    .update(registrations)
    .set({ status: "confirmed", promotedAt: now })
    .where(inArray(registrations.id, ids));
  return ids;
}

// ---------------------------------------------------------------------------------------
// On the server's database

/**
 * On the server, the registrations of one event also queue in this process before they
 * take a connection: a rush on one event then holds one pooled connection instead of all
 * of them (each waiting on the row lock), and the rest of the site keeps its connections.
 * The row lock stays what guarantees the capacity, across instances too.
 */
export async function registerForEvent(request: RegisterRequest): Promise<RegistrationReceipt> {
  const db = await getDb();
  const receipt = await oneAtATimePerEvent(request.eventId, () => registerForEventIn(db, request));
  refreshPublicPages(cacheTags.registrations(receipt.eventId));
  return receipt;
}

export async function cancelRegistration(request: {
  code: string;
  ip: string;
}): Promise<CancellationReceipt> {
  const receipt = await cancelRegistrationIn(await getDb(), request);
  refreshPublicPages(cacheTags.registrations(receipt.eventId));
  return receipt;
}

const queues = globalThis as unknown as { __lvzhiEventQueues?: Map<number, Promise<void>> };

/** Runs `work` after every earlier call for the same event has settled. */
function oneAtATimePerEvent<T>(eventId: number, work: () => Promise<T>): Promise<T> {
  queues.__lvzhiEventQueues ??= new Map();
  const map = queues.__lvzhiEventQueues;
  const run = (map.get(eventId) ?? Promise.resolve()).then(work);
  const tail = run.then(
    () => {},
    () => {},
  );
  map.set(eventId, tail);
  void tail.then(() => {
    if (map.get(eventId) === tail) map.delete(eventId);
  });
  return run;
}
