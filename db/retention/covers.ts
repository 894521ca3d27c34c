import { sql } from "drizzle-orm";
import { designedCoverHash } from "../../lib/pictures/designed-cover";
import type { Database } from "../client";

/** A variant younger than this is kept: it may be for an edit this run did not see. */
const GRACE_MS = 3_600_000;

/**
 * Removes the stored designed covers (image_variants "c:<hash>:<variant>") that no article
 * shows any more: the article was retitled, moved to another column or deleted, or the
 * template's version changed (the hash covers all of them). The live hashes are those of
 * every article, published or not, so a draft keeps its cover for when it is published.
 * A variant made in the last hour is left for the next run: it may belong to an edit
 * committed after the articles were read.
 */
export async function pruneStaleCoverVariants(tx: Database, now: Date): Promise<number> {
  const { rows } = (await tx.execute(sql`
    select c.name as "columnName", a.title as "title"
      from articles a join news_columns c on c.id = a.column_id`)) as unknown as {
    rows: { columnName: string; title: string }[];
  };
  const live = [...new Set(rows.map((r) => designedCoverHash(r)))];
  const result = await tx.execute(sql`
    delete from image_variants
     where file_id is null and key like 'c:%'
       and created_at < ${new Date(now.getTime() - GRACE_MS)}
       and split_part(key, ':', 2) not in
           (select jsonb_array_elements_text(${JSON.stringify(live)}::jsonb))`);
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
