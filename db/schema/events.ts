import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { campaignKinds, eventKinds, eventStatuses, serviceTypes } from "../../lib/vocabulary";
import { organisations, sectors, towns } from "./committee";
import { createdAt, tstz, updatedAt } from "./common";

/** A campaign groups events: the annual sector activity week, the research month … */
export const campaigns = pgTable(
  "campaigns",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: campaignKinds }).notNull(),
    year: integer("year").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    summary: text("summary").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("campaigns_dates_idx").on(t.startsOn, t.endsOn)],
);

/** A consultation topic (协商议题). */
export const topics = pgTable(
  "topics",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    campaignId: integer("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    /** Open topics accept opinions from the public. */
    openForOpinions: boolean("open_for_opinions").notNull().default(false),
    /**
     * When opinions last closed (NULL while open): set by a trigger (migration
     * retention), the start of the senders' retention period.
     */
    opinionsClosedAt: tstz("opinions_closed_at"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("topics_campaign_idx").on(t.campaignId)],
);

/** The six services of 六送下乡. */

export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    kind: text("kind", { enum: eventKinds }).notNull(),
    serviceType: text("service_type", { enum: serviceTypes }),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    townId: integer("town_id").references(() => towns.id, { onDelete: "set null" }),
    venue: text("venue").notNull().default(""),
    campaignId: integer("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    topicId: integer("topic_id").references(() => topics.id, { onDelete: "set null" }),
    status: text("status", { enum: eventStatuses }).notNull().default("scheduled"),
    /** Open attendance (开门协商): the public may register to attend. */
    openToPublic: boolean("open_to_public").notNull().default(false),
    capacity: integer("capacity"),
    registrationOpensAt: tstz("registration_opens_at"),
    registrationClosesAt: tstz("registration_closes_at"),
    /** What a registrant brings and should know at the door (身份证、提前到场…); optional. */
    whatToBring: text("what_to_bring").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("events_starts_at_idx").on(t.startsAt),
    index("events_town_idx").on(t.townId),
    index("events_campaign_idx").on(t.campaignId),
    index("events_topic_idx").on(t.topicId),
    index("events_kind_idx").on(t.kind),
    index("events_service_idx").on(t.serviceType),
    check("events_time_order", sql`${t.endsAt} >= ${t.startsAt}`),
    check("events_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

/** Co-organisers of an event: each row names either a sector or an organisation. */
export const eventOrganisers = pgTable(
  "event_organisers",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    sectorId: integer("sector_id").references(() => sectors.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    index("event_organisers_event_idx").on(t.eventId),
    index("event_organisers_sector_idx").on(t.sectorId),
    index("event_organisers_organisation_idx").on(t.organisationId),
    uniqueIndex("event_organisers_unique_idx").on(t.eventId, t.sectorId, t.organisationId),
    check(
      "event_organisers_one_party",
      sql`(${t.sectorId} is null) <> (${t.organisationId} is null)`,
    ),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;
export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type EventOrganiser = typeof eventOrganisers.$inferSelect;
export type NewEventOrganiser = typeof eventOrganisers.$inferInsert;
