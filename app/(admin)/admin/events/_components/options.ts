import type { EventForEdit, EventFormOptions } from "@/db/queries/events/staff";
import type { EventFormValues } from "@/lib/events/schema";
import { idStrings, toLocalInput, toOptions } from "@/lib/format";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";
import { eventKinds, organisationKinds, serviceTypes } from "@/lib/vocabulary";

/** The events editor's choices, labelled from the message catalog. */
export function eventOptions(options: EventFormOptions) {
  return {
    kinds: eventKinds.map((k) => ({ value: k, label: messages.eventKinds[k] })),
    serviceTypes: serviceTypes.map((s) => ({ value: s, label: messages.serviceTypes[s] })),
    towns: toOptions(options.towns),
    campaigns: toOptions(options.campaigns),
    topics: toOptions(options.topics),
    sectors: toOptions(options.sectors),
    organisationGroups: organisationKinds
      .map((kind) => ({
        kind,
        label: cmsMessages.events.organisationKinds[kind],
        options: toOptions(options.organisations.filter((o) => o.kind === kind)),
      }))
      .filter((g) => g.options.length > 0),
  };
}

/** A stored event as the form's values (times in the committee's zone). */
export function eventFormValues(event: EventForEdit, timeZone: string): EventFormValues {
  return {
    title: event.title,
    kind: event.kind,
    serviceType: event.serviceType ?? "",
    summary: event.summary,
    body: event.body,
    startsAt: toLocalInput(event.startsAt, timeZone),
    endsAt: toLocalInput(event.endsAt, timeZone),
    townId: event.townId === null ? "" : String(event.townId),
    venue: event.venue,
    campaignId: event.campaignId === null ? "" : String(event.campaignId),
    topicId: event.topicId === null ? "" : String(event.topicId),
    openToPublic: event.openToPublic ? "on" : "",
    capacity: event.capacity === null ? "" : String(event.capacity),
    registrationOpensAt: toLocalInput(event.registrationOpensAt, timeZone),
    registrationClosesAt: toLocalInput(event.registrationClosesAt, timeZone),
    whatToBring: event.whatToBring ?? "",
    sectorIds: idStrings(event.sectorIds),
    organisationIds: idStrings(event.organisationIds),
  };
}
