import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { organisationKinds, townKinds } from "../../lib/vocabulary";
import { createdAt, updatedAt } from "./common";
import { files } from "./files";

/**
 * What a directory entry (sector, town, studio, liaison office) shows the public beside
 * its name: a photo (a public file) and how to reach it. Office phones, not personal ones:
 * they are published, so they are stored as written.
 */
const directoryContact = () => ({
  photoFileId: uuid("photo_file_id").references(() => files.id, { onDelete: "set null" }),
  contactPerson: text("contact_person"),
  contactPhone: text("contact_phone"),
  openingHours: text("opening_hours"),
});

/** One row: the committee that runs this portal. Nothing about it is hard-coded. */
export const committeeSettings = pgTable("committee_settings", {
  id: integer("id").primaryKey().default(1),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
  contactAddress: text("contact_address"),
  contactPhone: text("contact_phone"),
  contactEmail: text("contact_email"),
  postcode: text("postcode"),
  /** The site's conventions, edited on /admin/settings (lib/settings/site.ts): 主办单位, */
  hostOrganisation: text("host_organisation"),
  /** ICP备案号, e.g. 浙ICP备XXXXXXXX号-1 (links to beian.miit.gov.cn). */
  icpNumber: text("icp_number"),
  /** 公安机关备案号, e.g. 浙公网安备 33041102000XXX号 (its digits name the record). */
  policeNumber: text("police_number"),
  /** 政府网站标识码 (10 characters). */
  govSiteCode: text("gov_site_code"),
  /** Links to the national, provincial and city CPPCC sites, in order. */
  siteLinks: jsonb("site_links").$type<{ name: string; url: string }[]>().notNull().default([]),
  updatedAt: updatedAt(),
});

export const sectors = pgTable(
  "sectors",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    ...directoryContact(),
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [index("sectors_photo_idx").on(t.photoFileId)],
);

export const towns = pgTable(
  "towns",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: townKinds }).notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    ...directoryContact(),
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [index("towns_photo_idx").on(t.photoFileId)],
);

/** Bodies that co-organise events: special committees, party branches, liaison offices, studios, venues. */
export const organisations = pgTable(
  "organisations",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    townId: integer("town_id").references(() => towns.id, { onDelete: "restrict" }),
    address: text("address"),
    description: text("description").notNull().default(""),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    ...directoryContact(),
    createdAt: createdAt(),
  },
  (t) => [
    index("organisations_kind_idx").on(t.kind),
    index("organisations_town_idx").on(t.townId),
    index("organisations_photo_idx").on(t.photoFileId),
  ],
);

/** Which sectors a studio (or any organisation) serves. */
export const organisationSectors = pgTable(
  "organisation_sectors",
  {
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    sectorId: integer("sector_id")
      .notNull()
      .references(() => sectors.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.sectorId] }),
    index("organisation_sectors_sector_idx").on(t.sectorId),
  ],
);

export type CommitteeSettings = typeof committeeSettings.$inferSelect;
export type Sector = typeof sectors.$inferSelect;
export type NewSector = typeof sectors.$inferInsert;
export type Town = typeof towns.$inferSelect;
export type NewTown = typeof towns.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
