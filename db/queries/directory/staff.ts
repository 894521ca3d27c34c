import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { can } from "@/lib/permissions";
import type { OrganisationKind } from "@/lib/vocabulary";
import { cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  campaigns,
  opinions,
  organisationSectors,
  organisations,
  sectors,
  topics,
  towns,
} from "../schema";
import {
  type Actor,
  auditStaffWrite,
  CmsError,
  type Executor,
  isUniqueViolation,
  refreshPublicPages,
} from "./admin-content";
import { indexOpinions, OPINIONS_TAG } from "./opinions";

/**
 * The directory staff maintain (admins only): sectors, towns, organisations (studios,
 * liaison offices, special committees, parties, venues) and consultation topics. Rows are
 * edited, never deleted here: events, articles, notes and opinions point at them, and a
 * studio that closes is marked inactive instead.
 */

export const directoryKinds = ["sectors", "towns", "organisations", "topics"] as const;
export type DirectoryKind = (typeof directoryKinds)[number];

export interface SectorInput {
  slug: string;
  name: string;
  description: string;
  sortOrder: number;
}

export interface TownInput {
  slug: string;
  name: string;
  kind: "town" | "subdistrict";
  sortOrder: number;
}

export interface OrganisationInput {
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

export interface DirectoryListRow {
  id: number;
  slug: string;
  name: string;
  /** A short second column: the kind, the town, the campaign … */
  detail: string | null;
  /** Inactive organisations, topics closed to opinions. */
  flag: "inactive" | "open" | null;
  sortOrder: number;
  /** Pending opinions (topics). */
  count: number | null;
}

function assertAdmin(actor: Actor) {
  if (!can(actor.user, "directory.manage")) throw new CmsError("forbidden");
}

// ---------------------------------------------------------------------------------------
// Reads

export async function listDirectoryIn(
  db: Database,
  kind: DirectoryKind,
): Promise<DirectoryListRow[]> {
  switch (kind) {
    case "sectors":
      return (
        await db
          .select({
            id: sectors.id,
            slug: sectors.slug,
            name: sectors.name,
            sortOrder: sectors.sortOrder,
          })
          .from(sectors)
          .orderBy(asc(sectors.sortOrder), asc(sectors.id))
      ).map((r) => ({ ...r, detail: null, flag: null, count: null }));
    case "towns":
      return (
        await db
          .select({
            id: towns.id,
            slug: towns.slug,
            name: towns.name,
            kind: towns.kind,
            sortOrder: towns.sortOrder,
          })
          .from(towns)
          .orderBy(asc(towns.sortOrder), asc(towns.id))
      ).map(({ kind: townKind, ...r }) => ({ ...r, detail: townKind, flag: null, count: null }));
    case "organisations":
      return (
        await db
          .select({
            id: organisations.id,
            slug: organisations.slug,
            name: organisations.name,
            kind: organisations.kind,
            active: organisations.active,
            sortOrder: organisations.sortOrder,
          })
          .from(organisations)
          .orderBy(asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.id))
      ).map(({ kind: orgKind, active, ...r }) => ({
        ...r,
        detail: orgKind,
        flag: active ? null : "inactive",
        count: null,
      }));
    case "topics": {
      const rows = await db
        .select({
          id: topics.id,
          slug: topics.slug,
          name: topics.name,
          campaignName: campaigns.name,
          open: topics.openForOpinions,
          sortOrder: topics.sortOrder,
        })
        .from(topics)
        .leftJoin(campaigns, eq(campaigns.id, topics.campaignId))
        .orderBy(asc(topics.sortOrder), asc(topics.id));
      const pending = await db
        .select({ topicId: opinions.topicId, n: count() })
        .from(opinions)
        .where(eq(opinions.status, "pending"))
        .groupBy(opinions.topicId);
      const pendingBy = new Map(pending.map((p) => [p.topicId, p.n]));
      return rows.map(({ campaignName, open, ...r }) => ({
        ...r,
        detail: campaignName,
        flag: open ? "open" : null,
        count: pendingBy.get(r.id) ?? 0,
      }));
    }
  }
}

export async function selectDirectoryRecordIn<K extends DirectoryKind>(
  db: Executor,
  kind: K,
  id: number,
): Promise<DirectoryRecord[K] | null> {
  switch (kind) {
    case "sectors": {
      const [row] = await db
        .select({
          id: sectors.id,
          slug: sectors.slug,
          name: sectors.name,
          description: sectors.description,
          sortOrder: sectors.sortOrder,
        })
        .from(sectors)
        .where(eq(sectors.id, id));
      return (row ?? null) as DirectoryRecord[K] | null;
    }
    case "towns": {
      const [row] = await db
        .select({
          id: towns.id,
          slug: towns.slug,
          name: towns.name,
          kind: towns.kind,
          sortOrder: towns.sortOrder,
        })
        .from(towns)
        .where(eq(towns.id, id));
      return (row ?? null) as DirectoryRecord[K] | null;
    }
    case "organisations": {
      const [row] = await db
        .select({
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          kind: organisations.kind,
          townId: organisations.townId,
          address: organisations.address,
          description: organisations.description,
          active: organisations.active,
          sortOrder: organisations.sortOrder,
        })
        .from(organisations)
        .where(eq(organisations.id, id));
      if (!row) return null;
      const served = await db
        .select({ sectorId: organisationSectors.sectorId })
        .from(organisationSectors)
        .where(eq(organisationSectors.organisationId, id));
      return {
        ...row,
        address: row.address ?? "",
        sectorIds: served.map((s) => s.sectorId),
      } as DirectoryRecord[K];
    }
    case "topics": {
      const [row] = await db
        .select({
          id: topics.id,
          slug: topics.slug,
          name: topics.name,
          description: topics.description,
          campaignId: topics.campaignId,
          openForOpinions: topics.openForOpinions,
          sortOrder: topics.sortOrder,
        })
        .from(topics)
        .where(eq(topics.id, id));
      return (row ?? null) as DirectoryRecord[K] | null;
    }
  }
  return null;
}

export interface DirectoryFormOptions {
  towns: { id: number; name: string }[];
  sectors: { id: number; name: string }[];
  campaigns: { id: number; name: string }[];
}

export async function selectDirectoryFormOptions(db: Database): Promise<DirectoryFormOptions> {
  const [townRows, sectorRows, campaignRows] = await Promise.all([
    db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .orderBy(desc(campaigns.startsOn)),
  ]);
  return { towns: townRows, sectors: sectorRows, campaigns: campaignRows };
}

// ---------------------------------------------------------------------------------------
// Writes

const tables = {
  sectors: { table: sectors, unique: "sectors_slug_unique", target: "sector" },
  towns: { table: towns, unique: "towns_slug_unique", target: "town" },
  organisations: {
    table: organisations,
    unique: "organisations_slug_unique",
    target: "organisation",
  },
  topics: { table: topics, unique: "topics_slug_unique", target: "topic" },
} as const;

/** Creates (id null) or updates one directory row, audited; refuses a slug already in use. */
export async function saveDirectoryRecordIn<K extends DirectoryKind>(
  db: Database,
  actor: Actor,
  kind: K,
  id: number | null,
  input: DirectoryInput[K],
): Promise<{ id: number }> {
  assertAdmin(actor);
  const meta = tables[kind];
  try {
    return await db.transaction(async (tx) => {
      const { sectorIds, ...values } = input as DirectoryInput[K] & { sectorIds?: number[] };
      if (kind === "organisations") {
        const org = input as OrganisationInput;
        if (org.townId !== null) {
          const [town] = await tx
            .select({ id: towns.id })
            .from(towns)
            .where(eq(towns.id, org.townId));
          if (!town) throw new CmsError("not_found", "townId");
        }
        if (org.sectorIds.length > 0) {
          const found = await tx
            .select({ id: sectors.id })
            .from(sectors)
            .where(inArray(sectors.id, org.sectorIds));
          if (found.length !== new Set(org.sectorIds).size)
            throw new CmsError("not_found", "sectorIds");
        }
      }
      if (kind === "topics") {
        const topic = input as TopicInput;
        if (topic.campaignId !== null) {
          const [campaign] = await tx
            .select({ id: campaigns.id })
            .from(campaigns)
            .where(eq(campaigns.id, topic.campaignId));
          if (!campaign) throw new CmsError("not_found", "campaignId");
        }
      }
      let rowId: number;
      if (id === null) {
        // biome-ignore lint/suspicious/noExplicitAny: one insert for four tables of matching inputs
        const [row] = await (tx.insert(meta.table) as any)
          .values(values)
          .returning({ id: meta.table.id });
        if (!row) throw new Error("insert returned no row");
        rowId = row.id;
      } else {
        const [row] = await tx
          .update(meta.table)
          // biome-ignore lint/suspicious/noExplicitAny: as above
          .set(values as any)
          .where(eq(meta.table.id, id))
          .returning({ id: meta.table.id });
        if (!row) throw new CmsError("not_found");
        rowId = row.id;
      }
      if (kind === "organisations" && sectorIds) {
        await tx.delete(organisationSectors).where(eq(organisationSectors.organisationId, rowId));
        const unique = [...new Set(sectorIds)];
        if (unique.length > 0) {
          await tx
            .insert(organisationSectors)
            .values(unique.map((sectorId) => ({ organisationId: rowId, sectorId })));
        }
      }
      if (kind === "topics" && id !== null) {
        // Renamed, opened or closed: its approved opinions' search entries follow.
        const approved = await tx
          .select({ id: opinions.id })
          .from(opinions)
          .where(and(eq(opinions.topicId, rowId), eq(opinions.status, "approved")));
        await indexOpinions(
          tx,
          approved.map((o) => o.id),
        );
      }
      await auditStaffWrite(tx, actor, {
        action: `${meta.target}.${id === null ? "create" : "update"}`,
        targetType: meta.target,
        targetId: String(rowId),
        details: { slug: input.slug, name: input.name },
      });
      return { id: rowId };
    });
  } catch (error) {
    if (isUniqueViolation(error, meta.unique)) throw new CmsError("slug_taken", "slug");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function listDirectory(kind: DirectoryKind) {
  return listDirectoryIn(await getDb(), kind);
}

export async function getDirectoryRecord<K extends DirectoryKind>(kind: K, id: number) {
  return selectDirectoryRecordIn(await getDb(), kind, id);
}

export async function getDirectoryFormOptions() {
  return selectDirectoryFormOptions(await getDb());
}

export async function saveDirectoryRecord<K extends DirectoryKind>(
  actor: Actor,
  kind: K,
  id: number | null,
  input: DirectoryInput[K],
) {
  const saved = await saveDirectoryRecordIn(await getDb(), actor, kind, id, input);
  // Names of sectors, towns and organisers appear on nearly every public page.
  refreshPublicPages(
    cacheTags.directory,
    cacheTags.events,
    cacheTags.news,
    cacheTags.campaigns,
    OPINIONS_TAG,
  );
  return saved;
}
