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

export function listTownChoices(db: Executor): Promise<DirectoryChoice[]> {
  return db
    .select({ id: towns.id, name: towns.name })
    .from(towns)
    .orderBy(asc(towns.sortOrder), asc(towns.id));
}

export function listSectorChoices(db: Executor): Promise<DirectoryChoice[]> {
  return db
    .select({ id: sectors.id, name: sectors.name })
    .from(sectors)
    .orderBy(asc(sectors.sortOrder), asc(sectors.id));
}

export function listTopicChoices(db: Executor): Promise<DirectoryChoice[]> {
  return db
    .select({ id: topics.id, name: topics.name })
    .from(topics)
    .orderBy(asc(topics.sortOrder), asc(topics.id));
}

export function listCampaignChoices(db: Executor): Promise<DirectoryChoice[]> {
  return db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .orderBy(desc(campaigns.startsOn));
}
