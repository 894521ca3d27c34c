import type { DirectoryFormOptions } from "@/db/queries/directory/staff";
import {
  type DirectoryFormValues,
  type DirectoryKind,
  type DirectoryRecord,
  directoryKinds,
  emptyDirectoryValues,
} from "@/lib/directory/schema";
import { idStrings, toOptions } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import { organisationKinds, townKinds } from "@/lib/vocabulary";

const m = cmsMessages.directory;

/** The form's choices for one kind of row. */
export function directoryChoices(kind: DirectoryKind, options: DirectoryFormOptions) {
  return {
    kinds:
      kind === "towns"
        ? townKinds.map((k) => ({ value: k, label: m.townKinds[k] }))
        : organisationKinds.map((k) => ({
            value: k,
            label: cmsMessages.events.organisationKinds[k],
          })),
    towns: toOptions(options.towns),
    sectors: toOptions(options.sectors),
    campaigns: toOptions(options.campaigns),
  };
}

/** A stored row as the form's values. */
export function recordValues<K extends DirectoryKind>(
  kind: K,
  record: DirectoryRecord[K],
): DirectoryFormValues {
  const r = record as {
    name: string;
    slug: string;
    sortOrder: number;
    description?: string;
    kind?: string;
    townId?: number | null;
    address?: string;
    contactPerson?: string;
    contactPhone?: string;
    openingHours?: string;
    active?: boolean;
    campaignId?: number | null;
    openForOpinions?: boolean;
    sectorIds?: number[];
  };
  return {
    ...emptyDirectoryValues,
    name: r.name,
    slug: r.slug,
    sortOrder: String(r.sortOrder),
    description: r.description ?? "",
    kind: kind === "towns" || kind === "organisations" ? String(r.kind ?? "") : "",
    townId: r.townId ? String(r.townId) : "",
    address: r.address ?? "",
    contactPerson: r.contactPerson ?? "",
    contactPhone: r.contactPhone ?? "",
    openingHours: r.openingHours ?? "",
    active: r.active === false ? "" : "on",
    campaignId: r.campaignId ? String(r.campaignId) : "",
    openForOpinions: r.openForOpinions ? "on" : "",
    sectorIds: idStrings(r.sectorIds ?? []),
  };
}

export function kindFrom(raw: string): DirectoryKind | null {
  return directoryKinds.find((k) => k === raw) ?? null;
}
