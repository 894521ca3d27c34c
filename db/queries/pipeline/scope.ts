import "server-only";
import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SessionUser } from "@/lib/auth/types";
import { toIdArray } from "@/lib/moderation";
import { fieldNotes } from "../../schema";

/**
 * The staff's view of notes, written as SQL: the same rule as `can(user, "note.view")`
 * in lib/permissions.ts (an integration test checks that they agree note by note).
 * - admin: every note but drafts;
 * - editor: notes of their sector, or of the town of their liaison office, but drafts;
 * - anyone else: nothing.
 */
export function staffNoteScope(user: SessionUser): SQL {
  const notDraft = ne(fieldNotes.status, "draft");
  if (user.role === "admin") return notDraft;
  if (user.role !== "editor") return sql`false`;
  const bySector = user.sectorId !== null ? eq(fieldNotes.sectorId, user.sectorId) : undefined;
  const byOffice =
    user.organisationId !== null
      ? sql`exists (select 1 from organisations o where o.id = ${user.organisationId}
          and o.kind = 'liaison_office' and o.town_id = ${fieldNotes.townId})`
      : undefined;
  const inScope = or(bySector, byOffice);
  return inScope ? (and(notDraft, inScope) as SQL) : sql`false`;
}

/**
 * A column reference that stays table-qualified inside a selected expression. Drizzle
 * strips the table name from the top-level columns of a single-table select, which
 * would silently rebind a correlated subquery's column to the subquery's own table.
 */
export const outer = (column: AnyPgColumn): SQL => sql`${column}`;

/** The liaison offices of the note's town: with its sector, what an editor's scope is matched on. */
export const liaisonOfficeIdsColumn = sql<number[]>`coalesce((
    select array_agg(o.id order by o.id) from organisations o
    where o.kind = 'liaison_office' and o.town_id = ${outer(fieldNotes.townId)}
  ), '{}')`.mapWith(toIdArray);

/** The columns `noteTarget()` needs, for a select on field_notes. */
export const noteTargetColumns = {
  authorId: fieldNotes.authorId,
  status: fieldNotes.status,
  sectorId: fieldNotes.sectorId,
  liaisonOfficeIds: liaisonOfficeIdsColumn,
};
