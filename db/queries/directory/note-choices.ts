import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../client";
import { sectors, topics, towns } from "../../schema";
import {
  type DirectoryChoice,
  listSectorChoices,
  listTopicChoices,
  listTownChoices,
} from "./choices";

/**
 * The directory as the field-note form needs it: towns, sectors and consultation topics
 * to choose from (the directory's own pick-lists, ./choices.ts), and whether the ids a
 * form sent name any. Owned by the note pipeline.
 */

export type NoteDirectoryChoice = DirectoryChoice;

export interface NoteDirectoryChoices {
  towns: NoteDirectoryChoice[];
  sectors: NoteDirectoryChoice[];
  topics: NoteDirectoryChoice[];
}

export async function listNoteDirectoryChoicesIn(db: Database): Promise<NoteDirectoryChoices> {
  const [townRows, sectorRows, topicRows] = await Promise.all([
    listTownChoices(db),
    listSectorChoices(db),
    listTopicChoices(db),
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
