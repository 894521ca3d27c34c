import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../client";
import { sectors, topics, towns } from "../../schema";

/**
 * The directory as the field-note form needs it: towns, sectors and consultation topics
 * to choose from, and whether the ids a form sent name any. Owned by the note pipeline.
 */

export interface NoteDirectoryChoice {
  id: number;
  name: string;
}

export interface NoteDirectoryChoices {
  towns: NoteDirectoryChoice[];
  sectors: NoteDirectoryChoice[];
  topics: NoteDirectoryChoice[];
}

export async function listNoteDirectoryChoicesIn(db: Database): Promise<NoteDirectoryChoices> {
  const [townRows, sectorRows, topicRows] = await Promise.all([
    db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .orderBy(asc(topics.sortOrder), asc(topics.id)),
  ]);
  return { towns: townRows, sectors: sectorRows, topics: topicRows };
}

/** Which of the given town, sector and topic ids name nothing (null ids are not asked about). */
export async function findUnknownDirectoryIdsIn(
  db: Database,
  ids: { townId: number | null; sectorId: number | null; topicId: number | null },
): Promise<{ townId: boolean; sectorId: boolean; topicId: boolean }> {
  const missing = async (rows: Promise<unknown[]> | null) =>
    rows ? (await rows).length === 0 : false;
  const [townId, sectorId, topicId] = await Promise.all([
    missing(
      ids.townId === null
        ? null
        : db.select({ id: towns.id }).from(towns).where(eq(towns.id, ids.townId)),
    ),
    missing(
      ids.sectorId === null
        ? null
        : db.select({ id: sectors.id }).from(sectors).where(eq(sectors.id, ids.sectorId)),
    ),
    missing(
      ids.topicId === null
        ? null
        : db.select({ id: topics.id }).from(topics).where(eq(topics.id, ids.topicId)),
    ),
  ]);
  return { townId, sectorId, topicId };
}
