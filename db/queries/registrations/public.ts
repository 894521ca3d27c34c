import "server-only";
import { and, eq, lte, ne, sql } from "drizzle-orm";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { openField } from "@/db/encryption/fields";
import { getDb } from "@/db/runtime";
import { events, registrations, towns } from "@/db/schema";
import { maskPhone } from "@/lib/attendance";
import type { RegistrationStatus } from "@/lib/vocabulary";

/**
 * Open attendance, the public's reads: an event's registration window and seats, and a
 * registration by its code (the phone masked). Writes are in ./write.ts.
 */

export interface SeatSummary {
  confirmed: number;
  waitlisted: number;
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
    townName: string | null;
    /** 到场须知 the organisers wrote ("" when none). */
    whatToBring: string;
  };
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
        townName: towns.name,
        whatToBring: events.whatToBring,
      },
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(towns, eq(towns.id, events.townId))
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
  return {
    ...rest,
    phoneMasked: maskPhone(openField("registrations.phone", phone)),
    waitlistPosition,
  };
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

/** The columns that decide whether an event takes registrations. */
export const eventWindowColumns = {
  id: events.id,
  status: events.status,
  openToPublic: events.openToPublic,
  capacity: events.capacity,
  startsAt: events.startsAt,
  registrationOpensAt: events.registrationOpensAt,
  registrationClosesAt: events.registrationClosesAt,
};

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
