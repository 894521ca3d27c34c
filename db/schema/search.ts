import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { searchKinds } from "../../lib/vocabulary";
import { tstz } from "./common";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/**
 * One row per searchable public item. Chinese has no spaces, so the application cuts
 * title and body into overlapping two-character pairs (lib/search/tokenize.ts) and
 * writes the tsvector itself; PostgreSQL matches it with a GIN index, the same way on
 * either driver (docs/search.md says why not a word segmenter).
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: searchKinds }).notNull(),
    refId: integer("ref_id").notNull(),
    title: text("title").notNull(),
    /** Plain text (Markdown stripped) used for snippets and phrase checks. */
    body: text("body").notNull().default(""),
    url: text("url").notNull(),
    /** The item is searchable from this instant (scheduled articles). */
    visibleFrom: tstz("visible_from").notNull().defaultNow(),
    /** When the item happened or was published; shown in results. */
    happenedAt: tstz("happened_at"),
    tokens: tsvector("tokens").notNull(),
  },
  (t) => [
    uniqueIndex("search_documents_ref_idx").on(t.kind, t.refId),
    index("search_documents_tokens_idx").using("gin", t.tokens),
    index("search_documents_visible_idx").on(t.visibleFrom),
    index("search_documents_happened_idx").on(sql`${t.happenedAt} desc nulls last`),
  ],
);

export type SearchDocument = typeof searchDocuments.$inferSelect;
export type NewSearchDocument = typeof searchDocuments.$inferInsert;
