import "server-only";
import { asc, desc } from "drizzle-orm";
import type { Executor } from "@/db/queries/shared/write";
import { campaigns, sectors, topics, towns } from "@/db/schema";

/**
 * The directory's rows as a form's choices (id and name, in their order): towns, sectors,
 * topics, and campaigns (the latest first). The events editor, the directory editor and
 * the note forms offer them.
 */

export interface DirectoryChoice {
  id: number;
  name: string;
}

/** A sorted directory table's rows by its own order, then by id. */
function listSortedChoices(
  db: Executor,
  table: typeof towns | typeof sectors | typeof topics,
): Promise<DirectoryChoice[]> {
  return db
    .select({ id: table.id, name: table.name })
    .from(table)
    .orderBy(asc(table.sortOrder), asc(table.id));
}

export const listTownChoices = (db: Executor) => listSortedChoices(db, towns);
export const listSectorChoices = (db: Executor) => listSortedChoices(db, sectors);
export const listTopicChoices = (db: Executor) => listSortedChoices(db, topics);

export function listCampaignChoices(db: Executor): Promise<DirectoryChoice[]> {
  return db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .orderBy(desc(campaigns.startsOn));
}
