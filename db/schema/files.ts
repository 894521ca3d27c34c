import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./common";

/**
 * Uploaded files live in PostgreSQL, content-addressed by SHA-256, so they are
 * written in the same transaction as what refers to them and are in every backup.
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sha256: text("sha256").notNull().unique(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width"),
    height: integer("height"),
    data: bytea("data").notNull(),
    /** Who may read it: public files are served to anyone, others are checked per request. */
    visibility: text("visibility", { enum: ["public", "private"] })
      .notNull()
      .default("private"),
    createdById: integer("created_by_id"),
    createdAt: createdAt(),
  },
  (t) => [index("files_created_by_idx").on(t.createdById)],
);

export type StoredFile = typeof files.$inferSelect;
export type NewStoredFile = typeof files.$inferInsert;
