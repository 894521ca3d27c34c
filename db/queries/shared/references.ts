import "server-only";
import { inArray } from "drizzle-orm";
import type { campaigns, organisations, sectors, topics, towns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Executor } from "./write";

/** A table of the directory that forms point into by id. */
type ReferencedTable =
  | typeof towns
  | typeof campaigns
  | typeof topics
  | typeof sectors
  | typeof organisations;

/**
 * Refuses ("not_found", naming `field`) unless every id exists in `table`: a form's choice
 * of a town, campaign, sector … that was deleted or made up. No ids, nothing to check.
 */
export async function assertReferencesExist(
  tx: Executor,
  table: ReferencedTable,
  ids: readonly (number | null)[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return;
  const found = await tx.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
  if (found.length !== wanted.length) throw new AppError("not_found", field);
}
