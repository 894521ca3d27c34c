import "server-only";
import { and, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { type NotificationText, notificationText } from "@/lib/messages/notifications";
import { eventOrganisers, events, registrations, sectors } from "../../schema";
import type { Executor } from "./executor";
import { notifyEach } from "./outbox";
import { committeeVoice, membersOfSectors } from "./recipients";

/**
 * The notifications an event's changes cause, in the change's transaction: to the members
 * of its sectors when it is published, and to its registrants (by SMS: they have no
 * account) when they register, move up from the waiting list, or the event moves or is
 * called off.
 */

const eventLink = (eventId: number) => `/events/${eventId}`;

async function eventFacts(tx: Executor, eventId: number) {
  const [row] = await tx
    .select({
      title: events.title,
      startsAt: events.startsAt,
      venue: events.venue,
      status: events.status,
    })
    .from(events)
    .where(eq(events.id, eventId));
  if (!row) throw new Error(`notifications: event ${eventId} not found`);
  return row;
}

/**
 * Tells the members of the event's organising sectors of a coming event (once per member
 * and event: saving it again, or adding a sector later, tells only those not yet told).
 * Past and cancelled events tell nobody.
 */
export async function notifySectorMembersOfEvent(
  tx: Executor,
  eventId: number,
  now: Date,
): Promise<number> {
  const event = await eventFacts(tx, eventId);
  if (event.status !== "scheduled" || event.startsAt <= now) return 0;
  const organisers = await tx
    .select({ id: sectors.id, name: sectors.name })
    .from(eventOrganisers)
    .innerJoin(sectors, eq(sectors.id, eventOrganisers.sectorId))
    .where(eq(eventOrganisers.eventId, eventId));
  const sectorName = new Map(organisers.map((s) => [s.id, s.name]));
  const members = await membersOfSectors(tx, [...sectorName.keys()]);
  const { timeZone } = await committeeVoice(tx);
  return notifyEach(
    tx,
    members.map((member) => ({
      to: { userId: member.id },
      kind: "event.published" as const,
      key: String(eventId),
      ...notificationText.eventPublished({
        eventTitle: event.title,
        venue: event.venue,
        sector: sectorName.get(member.sectorId) ?? "",
        startsAt: event.startsAt,
        timeZone,
      }),
      link: eventLink(eventId),
    })),
  );
}

/** The live registrations of an event (confirmed or waiting, not anonymised). */
async function liveRegistrations(tx: Executor, eventId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        ne(registrations.status, "cancelled"),
        isNull(registrations.anonymisedAt),
      ),
    )
    .orderBy(registrations.id);
  return rows.map((r) => r.id);
}

/** Tells every live registrant that the event's time changed (`key`: this change). */
export async function notifyRegistrantsOfTimeChange(
  tx: Executor,
  eventId: number,
  key: string,
): Promise<number> {
  const event = await eventFacts(tx, eventId);
  const { office, timeZone } = await committeeVoice(tx);
  const text = notificationText.registrationEventChanged({
    eventTitle: event.title,
    venue: event.venue,
    office,
    startsAt: event.startsAt,
    timeZone,
  });
  const ids = await liveRegistrations(tx, eventId);
  return notifyEach(
    tx,
    ids.map((registrationId) => ({
      to: { registrationId },
      kind: "registration.event_changed" as const,
      key,
      ...text,
      link: eventLink(eventId),
    })),
  );
}

/** Tells every live registrant that the event is called off (`key`: this cancellation). */
export async function notifyRegistrantsOfCancellation(
  tx: Executor,
  eventId: number,
  key: string,
  reason: string,
): Promise<number> {
  const event = await eventFacts(tx, eventId);
  const { office } = await committeeVoice(tx);
  const text = notificationText.registrationEventCancelled({
    eventTitle: event.title,
    reason,
    office,
  });
  const ids = await liveRegistrations(tx, eventId);
  return notifyEach(
    tx,
    ids.map((registrationId) => ({
      to: { registrationId },
      kind: "registration.event_cancelled" as const,
      key,
      ...text,
      link: eventLink(eventId),
    })),
  );
}

/**
 * Tells a registrant their registration's state: confirmed (with the check-in code),
 * on the waiting list (with the place), or moved up to a seat (with the code).
 */
export async function notifyRegistrant(
  tx: Executor,
  registrationIds: readonly number[],
  news:
    | { kind: "registration.confirmed" | "registration.promoted" }
    | {
        kind: "registration.waitlisted";
        position: number;
      },
): Promise<number> {
  if (registrationIds.length === 0) return 0;
  const { office, timeZone } = await committeeVoice(tx);
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
    .where(and(inArray(registrations.id, [...registrationIds]), isNotNull(registrations.code)))
    .orderBy(registrations.id);
  return notifyEach(
    tx,
    rows.map((row) => {
      const facts = {
        eventTitle: row.title,
        venue: row.venue,
        code: row.code,
        office,
        startsAt: row.startsAt,
        timeZone,
      };
      const text: NotificationText =
        news.kind === "registration.waitlisted"
          ? notificationText.registrationWaitlisted({ ...facts, position: news.position })
          : news.kind === "registration.promoted"
            ? notificationText.registrationPromoted(facts)
            : notificationText.registrationConfirmed(facts);
      return {
        to: { registrationId: row.id },
        kind: news.kind,
        key: String(row.id),
        ...text,
        link: eventLink(row.eventId),
      };
    }),
  );
}
