import "server-only";
import { and, eq } from "drizzle-orm";
import { cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { OPINIONS_TAG } from "@/db/queries/opinions/public";
import { indexOpinions } from "@/db/queries/opinions/staff";
import { assertReferencesExist } from "@/db/queries/shared/references";
import { auditStaffWrite, isUniqueViolation, refreshPublicPages } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import {
  campaigns,
  opinions,
  organisationSectors,
  organisations,
  sectors,
  topics,
  towns,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import {
  type DirectoryInput,
  type DirectoryKind,
  type DirectoryPhotoChange,
  hasPhoto,
  type OrganisationInput,
  type TopicInput,
} from "@/lib/directory/schema";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { applyDirectoryPhoto } from "./photo";

/**
 * The directory's writes (admins only): one row of sectors, towns, organisations or
 * topics, created or updated with its audit entry in one transaction. Rows are never
 * deleted here: events, articles, notes and opinions point at them.
 */

function assertAdmin(actor: Actor) {
  if (!can(actor.user, "directory.manage")) throw new AppError("forbidden");
}

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

/**
 * Creates (id null) or updates one directory row, audited; refuses a slug already in use.
 * A photo change (sectors, towns, organisations) is written in the same transaction.
 */
export async function saveDirectoryRecordIn<K extends DirectoryKind>(
  db: Database,
  actor: Actor,
  kind: K,
  id: number | null,
  input: DirectoryInput[K],
  photo: DirectoryPhotoChange = { keep: true },
): Promise<{ id: number }> {
  assertAdmin(actor);
  const meta = tables[kind];
  try {
    return await db.transaction(async (tx) => {
      const { sectorIds, ...values } = input as DirectoryInput[K] & { sectorIds?: number[] };
      if (kind === "organisations") {
        const org = input as OrganisationInput;
        await assertReferencesExist(tx, towns, [org.townId], "townId");
        await assertReferencesExist(tx, sectors, org.sectorIds, "sectorIds");
      }
      if (kind === "topics") {
        const topic = input as TopicInput;
        await assertReferencesExist(tx, campaigns, [topic.campaignId], "campaignId");
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
        if (!row) throw new AppError("not_found");
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
      if (hasPhoto(kind)) await applyDirectoryPhoto(tx, actor, kind, rowId, photo);
      return { id: rowId };
    });
  } catch (error) {
    if (isUniqueViolation(error, meta.unique)) throw new AppError("slug_taken", "slug");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// On the server's database: then the public pages refresh

export async function saveDirectoryRecord<K extends DirectoryKind>(
  actor: Actor,
  kind: K,
  id: number | null,
  input: DirectoryInput[K],
  photo: DirectoryPhotoChange = { keep: true },
) {
  const saved = await saveDirectoryRecordIn(await getDb(), actor, kind, id, input, photo);
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
