import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { countPendingOpinionsByTopic } from "@/db/queries/opinions/pending-by-topic";
import type { Executor } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { campaigns, organisationSectors, organisations, sectors, topics, towns } from "@/db/schema";
import type { DirectoryKind, DirectoryRecord } from "@/lib/directory/schema";
import { listCampaignChoices, listSectorChoices, listTownChoices } from "./choices";

/**
 * The directory staff maintain (admins only): sectors, towns, organisations (studios,
 * liaison offices, special committees, parties, venues) and consultation topics. Rows are
 * edited, never deleted here: events, articles, notes and opinions point at them, and a
 * studio that closes is marked inactive instead.
 */

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
      const pendingBy = await countPendingOpinionsByTopic(db);
      return rows.map(({ campaignName, open, ...r }) => ({
        ...r,
        detail: campaignName,
        flag: open ? "open" : null,
        count: pendingBy.get(r.id) ?? 0,
      }));
    }
  }
}

/** A row's contact columns as the form's strings (null: never filled in). */
function withContact<
  R extends {
    address: string | null;
    contactPerson: string | null;
    contactPhone: string | null;
    openingHours: string | null;
  },
>(row: R) {
  return {
    ...row,
    address: row.address ?? "",
    contactPerson: row.contactPerson ?? "",
    contactPhone: row.contactPhone ?? "",
    openingHours: row.openingHours ?? "",
  };
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
          address: sectors.address,
          contactPerson: sectors.contactPerson,
          contactPhone: sectors.contactPhone,
          openingHours: sectors.openingHours,
        })
        .from(sectors)
        .where(eq(sectors.id, id));
      return (row ? withContact(row) : null) as DirectoryRecord[K] | null;
    }
    case "towns": {
      const [row] = await db
        .select({
          id: towns.id,
          slug: towns.slug,
          name: towns.name,
          kind: towns.kind,
          sortOrder: towns.sortOrder,
          address: towns.address,
          contactPerson: towns.contactPerson,
          contactPhone: towns.contactPhone,
          openingHours: towns.openingHours,
        })
        .from(towns)
        .where(eq(towns.id, id));
      return (row ? withContact(row) : null) as DirectoryRecord[K] | null;
    }
    case "organisations": {
      const [row] = await db
        .select({
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          kind: organisations.kind,
          townId: organisations.townId,
          contactPerson: organisations.contactPerson,
          contactPhone: organisations.contactPhone,
          openingHours: organisations.openingHours,
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
        ...withContact(row),
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
    listTownChoices(db),
    listSectorChoices(db),
    listCampaignChoices(db),
  ]);
  return { towns: townRows, sectors: sectorRows, campaigns: campaignRows };
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
