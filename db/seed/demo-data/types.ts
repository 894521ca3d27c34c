import type { EventKind, OrganisationKind, ServiceType, UserRole } from "@/lib/vocabulary";
import type { DemoPicture } from "./pictures";

/**
 * Demo data as plain objects. Rows refer to each other by slug (or, for events,
 * by a key), and the seeder resolves those to ids.
 */
export interface DemoCommittee {
  name: string;
  shortName: string;
  timeZone: string;
  contactAddress: string;
  contactPhone: string;
  contactEmail: string;
  postcode: string;
  hostOrganisation: string;
  icpNumber: string;
  policeNumber: string;
  govSiteCode: string;
  siteLinks: { name: string; url: string }[];
}

/** How the public reaches a sector's or a town's committee contact (made up, published). */
export interface DemoContact {
  address?: string;
  contactPerson?: string;
  contactPhone?: string;
  openingHours?: string;
  /** A photo drawn at seed time (demo-data/pictures.ts). */
  picture?: DemoPicture;
}

export interface DemoSector extends DemoContact {
  slug: string;
  name: string;
  description: string;
}

export interface DemoTown extends DemoContact {
  slug: string;
  name: string;
  kind: "town" | "subdistrict";
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  /** Town slug. */
  town?: string;
  address?: string;
  description: string;
  /** Sector slugs served (studios). */
  sectors?: string[];
  /** A photo drawn at seed time, and how to reach the place. */
  picture?: DemoPicture;
  contactPerson?: string;
  contactPhone?: string;
  openingHours?: string;
}

export interface DemoNewsColumn {
  slug: string;
  name: string;
  description: string;
}

export interface DemoCampaign {
  slug: string;
  name: string;
  kind: "activity_week" | "research_month" | "plenary" | "other";
  year: number;
  /** YYYY-MM-DD, local dates. */
  startsOn: string;
  endsOn: string;
  summary: string;
}

export interface DemoTopic {
  slug: string;
  name: string;
  description: string;
  /** Campaign slug. */
  campaign?: string;
  openForOpinions: boolean;
}

export interface DemoEvent {
  /** Unique within the demo data; articles point at events by key. */
  key: string;
  title: string;
  kind: EventKind;
  serviceType?: ServiceType;
  summary: string;
  body: string;
  startsAt: Date;
  endsAt: Date;
  town?: string;
  venue: string;
  campaign?: string;
  topic?: string;
  status: "scheduled" | "cancelled";
  openToPublic: boolean;
  capacity?: number;
  registrationOpensAt?: Date;
  registrationClosesAt?: Date;
  /** 到场须知 shown on the registration's receipt. */
  whatToBring?: string;
  /** Co-organisers in display order: sector slugs first, then organisation slugs. */
  sectors: string[];
  organisations: string[];
}

export interface DemoArticle {
  slug: string;
  /** Column slug. */
  column: string;
  title: string;
  summary: string;
  body: string;
  reporter?: string;
  correspondent?: string;
  coverCredit?: string;
  /** A cover picture drawn at seed time (demo-data/pictures.ts); none: its designed cover. */
  picture?: DemoPicture;
  /** Event key. */
  event?: string;
  sectors: string[];
  status: "draft" | "published";
  publishedAt: Date;
}

export const demoAccountKeys = [
  "admin",
  "security",
  "auditor",
  "editor",
  "member1",
  "member2",
] as const;
export type DemoAccountKey = (typeof demoAccountKeys)[number];

export interface DemoAccount {
  key: DemoAccountKey;
  username: string;
  displayName: string;
  role: UserRole;
  phone?: string;
  /** Sector slug. */
  sector?: string;
  /** Organisation slug (an editor's liaison office). */
  organisation?: string;
}

export interface DemoData {
  committee: DemoCommittee;
  sectors: DemoSector[];
  towns: DemoTown[];
  organisations: DemoOrganisation[];
  newsColumns: DemoNewsColumn[];
  campaigns: DemoCampaign[];
  topics: DemoTopic[];
  events: DemoEvent[];
  articles: DemoArticle[];
  accounts: DemoAccount[];
}
