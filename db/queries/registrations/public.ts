import "server-only";
import { and, asc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import {
  AttendanceError,
  acceptsRegistrations,
  canCancelRegistration,
  computeRegistrationState,
  generateRegistrationCode,
  maskPhone,
  type RegistrationInput,
  refusalFor,
} from "@/lib/attendance";
import type { RegistrationStatus } from "@/lib/vocabulary";
import { cachedQuery, cacheTags, refreshCachedPages } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { auditLog, events, registrations } from "../schema";

/**
 * Open attendance. Every write locks the event's row (`SELECT … FOR UPDATE`) first, so
 * registrations and cancellations of one event run one after another: the count of
 * confirmed seats read inside the transaction cannot change before the insert, and the
 * capacity is never exceeded whatever the concurrency. Other events are not held up.
 *
 * The `…In(db, …)` functions take the database (integration tests call them); the
 * plain names below use the server's database and refresh the cached pages.
 */

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface SeatSummary {
  confirmed: number;
  waitlisted: number;
}

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

/** What the public confirmation page shows: the phone masked, never in clear. */
export interface RegistrationView {
  code: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  name: string;
  phoneMasked: string;
  organisation: string;
  createdAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  event: {
    id: number;
    title: string;
    status: "scheduled" | "cancelled";
    startsAt: Date;
    endsAt: Date;
    venue: string;
  };
}

const eventWindowColumns = {
  id: events.id,
  status: events.status,
  openToPublic: events.openToPublic,
  capacity: events.capacity,
  startsAt: events.startsAt,
  registrationOpensAt: events.registrationOpensAt,
  registrationClosesAt: events.registrationClosesAt,
};

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
        throw new AttendanceError("duplicate_phone");
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
  if (!event) throw new AttendanceError("not_found");

  const [taken] = await tx
    .select({
      confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')`.mapWith(
        Number,
      ),
      waitlisted:
        sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')`.mapWith(Number),
      samePhone:
        sql<number>`count(*) filter (where ${registrations.phone} = ${request.phone})`.mapWith(
          Number,
        ),
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), ne(registrations.status, "cancelled")));
  const counts = taken ?? { confirmed: 0, waitlisted: 0, samePhone: 0 };

  const state = computeRegistrationState(event, now, counts.confirmed);
  if (!acceptsRegistrations(state)) throw new AttendanceError(refusalFor(state));
  // Same answer whether that registration is confirmed or waitlisted: nothing more leaks.
  if (counts.samePhone > 0) throw new AttendanceError("duplicate_phone");

  const status = state === "open" ? "confirmed" : "waitlisted";
  const [row] = await tx
    .insert(registrations)
    .values({
      eventId: event.id,
      name: request.name,
      phone: request.phone,
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
  return {
    id: row.id,
    eventId: event.id,
    code: row.code,
    status,
    // The waiting list is served in id order, and ids grow under the lock.
    waitlistPosition: status === "waitlisted" ? counts.waitlisted + 1 : null,
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
    if (!found) throw new AttendanceError("not_found");
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
    if (!event || !registration) throw new AttendanceError("not_found");
    if (registration.status === "cancelled") throw new AttendanceError("already_cancelled");
    if (!canCancelRegistration(event, now)) throw new AttendanceError("started");

    await tx
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: now })
      .where(eq(registrations.id, registration.id));
    const promotedIds =
      event.status === "scheduled" ? await promoteFromWaitingList(tx, event, now) : [];

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

export async function getRegistrationByCodeIn(
  db: Database,
  code: string,
): Promise<RegistrationView | null> {
  const [row] = await db
    .select({
      id: registrations.id,
      code: registrations.code,
      status: registrations.status,
      name: registrations.name,
      phone: registrations.phone,
      organisation: registrations.organisation,
      createdAt: registrations.createdAt,
      promotedAt: registrations.promotedAt,
      cancelledAt: registrations.cancelledAt,
      event: {
        id: events.id,
        title: events.title,
        status: events.status,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        venue: events.venue,
      },
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.code, code));
  if (!row) return null;

  let waitlistPosition: number | null = null;
  if (row.status === "waitlisted") {
    const [ahead] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, row.event.id),
          eq(registrations.status, "waitlisted"),
          lte(registrations.id, row.id),
        ),
      );
    waitlistPosition = ahead?.n ?? 1;
  }
  const { id: _id, phone, ...rest } = row;
  return { ...rest, phoneMasked: maskPhone(phone), waitlistPosition };
}

export async function getSeatSummaryIn(db: Database, eventId: number): Promise<SeatSummary> {
  const rows = await db
    .select({ status: registrations.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), ne(registrations.status, "cancelled")))
    .groupBy(registrations.status);
  const summary: SeatSummary = { confirmed: 0, waitlisted: 0 };
  for (const row of rows) {
    if (row.status === "confirmed" || row.status === "waitlisted") summary[row.status] = row.n;
  }
  return summary;
}

export interface RegistrationEvent {
  id: number;
  title: string;
  status: "scheduled" | "cancelled";
  openToPublic: boolean;
  capacity: number | null;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

export async function getRegistrationEventIn(
  db: Database,
  eventId: number,
): Promise<RegistrationEvent | null> {
  const [row] = await db
    .select({
      ...eventWindowColumns,
      title: events.title,
      endsAt: events.endsAt,
      venue: events.venue,
    })
    .from(events)
    .where(eq(events.id, eventId));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------
// On the server's database

/** The event as the registration page needs it; cached with the other event reads. */
export const getRegistrationEvent = cachedQuery(
  async (eventId: number) => getRegistrationEventIn(await getDb(), eventId),
  ["registrations:event"],
  { tags: [cacheTags.events] },
);

/**
 * On the server, the registrations of one event also queue in this process before they
 * take a connection: a rush on one event then holds one pooled connection instead of all
 * of them (each waiting on the row lock), and the rest of the site keeps its connections.
 * The row lock stays what guarantees the capacity, across instances too.
 */
export async function registerForEvent(request: RegisterRequest): Promise<RegistrationReceipt> {
  const db = await getDb();
  const receipt = await oneAtATimePerEvent(request.eventId, () => registerForEventIn(db, request));
  refreshRegistrationPages(receipt.eventId);
  return receipt;
}

export async function cancelRegistration(request: {
  code: string;
  ip: string;
}): Promise<CancellationReceipt> {
  const receipt = await cancelRegistrationIn(await getDb(), request);
  refreshRegistrationPages(receipt.eventId);
  return receipt;
}

/** Not cached: it is the registrant's own, changing page. */
export async function getRegistrationByCode(code: string): Promise<RegistrationView | null> {
  return getRegistrationByCodeIn(await getDb(), code);
}

/** Cached per event until a registration of that event changes. */
export async function getSeatSummary(eventId: number): Promise<SeatSummary> {
  const cached = cachedQuery(
    async (id: number) => getSeatSummaryIn(await getDb(), id),
    ["registrations:seat-summary"],
    { tags: [cacheTags.registrations(eventId)] },
  );
  return cached(eventId);
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

/** Next's revalidation needs a request; outside one (a script, a test) there is no cache to refresh. */
function refreshRegistrationPages(eventId: number): void {
  try {
    refreshCachedPages(cacheTags.registrations(eventId));
  } catch (error) {
    if (error instanceof Error && error.message.includes("static generation store missing")) return;
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  // Drizzle wraps the driver's error (node-postgres or PGlite) in `cause`.
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && name === constraint) return true;
  }
  return false;
}
