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

/**
 * A picture in one width and format (WebP or JPEG), made once with sharp and kept, so a
 * request never re-encodes. `key` names what it shows: "f:<file id>:640.webp" for an
 * uploaded file (deleted with it), "c:<hash>:640.jpg" for a designed cover (the hash of
 * its words, lib/pictures/designed-cover.ts).
 */
export const imageVariants = pgTable(
  "image_variants",
  {
    key: text("key").primaryKey(),
    fileId: uuid("file_id").references(() => files.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("image_variants_file_idx").on(t.fileId)],
);

export type ImageVariant = typeof imageVariants.$inferSelect;
export type NewImageVariant = typeof imageVariants.$inferInsert;
