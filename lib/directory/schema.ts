import { z } from "zod";
import { type FormState, firstIssuePerField } from "@/lib/form-state";
import type { EncodedImage } from "@/lib/images";
import { cmsDirectoryMessages } from "@/lib/messages/cms/directory";
import { block, checkbox, choice, idList, integer, line, optionalId, slug } from "@/lib/validation";
import { type OrganisationKind, organisationKinds, townKinds } from "@/lib/vocabulary";

/** One form for the four kinds of directory rows; each kind reads its own fields. */

export const directoryKinds = ["sectors", "towns", "organisations", "topics"] as const;
export type DirectoryKind = (typeof directoryKinds)[number];

/** How the public reaches a sector's office, a town, a studio or a liaison office. */
export interface ContactInput {
  address: string;
  contactPerson: string;
  contactPhone: string;
  openingHours: string;
}

export interface SectorInput extends ContactInput {
  slug: string;
  name: string;
  description: string;
  sortOrder: number;
}

export interface TownInput extends ContactInput {
  slug: string;
  name: string;
  kind: "town" | "subdistrict";
  sortOrder: number;
}

export interface OrganisationInput extends ContactInput {
  slug: string;
  name: string;
  kind: OrganisationKind;
  townId: number | null;
  address: string;
  description: string;
  active: boolean;
  sortOrder: number;
  sectorIds: number[];
}

export interface TopicInput {
  slug: string;
  name: string;
  description: string;
  campaignId: number | null;
  openForOpinions: boolean;
  sortOrder: number;
}

export type DirectoryInput = {
  sectors: SectorInput;
  towns: TownInput;
  organisations: OrganisationInput;
  topics: TopicInput;
};

export type DirectoryRecord = {
  sectors: SectorInput & { id: number };
  towns: TownInput & { id: number };
  organisations: OrganisationInput & { id: number };
  topics: TopicInput & { id: number };
};

const f = cmsDirectoryMessages.fields;

export const directoryTextFields = [
  "name",
  "slug",
  "description",
  "sortOrder",
  "kind",
  "townId",
  "address",
  "contactPerson",
  "contactPhone",
  "openingHours",
  "active",
  "campaignId",
  "openForOpinions",
  "removePhoto",
  // The file itself cannot be echoed back; the name carries its message.
  "photo",
] as const;
export const directoryListFields = ["sectorIds"] as const;

export type DirectoryFormValues = Record<(typeof directoryTextFields)[number], string> &
  Record<(typeof directoryListFields)[number], string[]>;
export type DirectoryField = keyof DirectoryFormValues;
export type DirectoryFormState = FormState<DirectoryFormValues>;

export const emptyDirectoryValues: DirectoryFormValues = {
  name: "",
  slug: "",
  description: "",
  sortOrder: "0",
  kind: "",
  townId: "",
  address: "",
  contactPerson: "",
  contactPhone: "",
  openingHours: "",
  active: "on",
  campaignId: "",
  openForOpinions: "",
  removePhoto: "",
  photo: "",
  sectorIds: [],
};

/** The kinds of rows that have a photo (topics have none). */
export const photoKinds = ["sectors", "towns", "organisations"] as const;
export type PhotoKind = (typeof photoKinds)[number];

export function hasPhoto(kind: DirectoryKind): kind is PhotoKind {
  return (photoKinds as readonly string[]).includes(kind);
}

/** What a save does to the row's photo: a new upload (re-encoded), a removal, or nothing. */
export type DirectoryPhotoChange = { upload: EncodedImage } | { remove: true } | { keep: true };

const common = {
  name: line(f.name, 60, { required: true }),
  slug: slug().transform((s) => s ?? ""),
  sortOrder: integer(f.sortOrder, -100_000, 100_000),
};

/** An office phone: digits and the usual separators ("0573-83000000 转 8012"). */
const officePhone = line(f.contactPhone, 30).refine(
  (s) => s === "" || /^[0-9+\-()（）\s转]{5,30}$/.test(s),
  cmsDirectoryMessages.badPhone,
);

const contact = {
  address: line(f.address, 120),
  contactPerson: line(f.contactPerson, 40),
  contactPhone: officePhone,
  openingHours: line(f.openingHours, 80),
};

const schemas = {
  sectors: z.object({ ...common, ...contact, description: block(f.description, 500) }),
  towns: z.object({ ...common, ...contact, kind: choice(townKinds, f.kind) }),
  organisations: z.object({
    ...common,
    ...contact,
    kind: choice(organisationKinds, f.kind),
    townId: optionalId(f.town),
    description: block(f.description, 2000),
    active: checkbox,
    sectorIds: idList(f.sectors),
  }),
  topics: z.object({
    ...common,
    description: block(f.description, 2000),
    campaignId: optionalId(f.campaign),
    openForOpinions: checkbox,
  }),
} as const;

const allFields = [...directoryTextFields, ...directoryListFields] as const;

export function parseDirectoryForm<K extends DirectoryKind>(
  kind: K,
  values: DirectoryFormValues,
):
  | { ok: true; data: DirectoryInput[K] }
  | { ok: false; fieldErrors: Partial<Record<DirectoryField, string>> } {
  const result = schemas[kind].safeParse(values);
  if (result.success) {
    const data = { ...result.data, sortOrder: result.data.sortOrder ?? 0 };
    return { ok: true, data: data as unknown as DirectoryInput[K] };
  }
  return { ok: false, fieldErrors: firstIssuePerField(result.error.issues, allFields) };
}
