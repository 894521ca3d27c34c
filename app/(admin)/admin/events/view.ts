import { toOptions } from "@/components/admin/content/format";
import type { EventFormOptions } from "@/db/queries/admin-events";
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
