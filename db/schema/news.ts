import { index, integer, pgTable, primaryKey, serial, text, uuid } from "drizzle-orm/pg-core";
import { articleBodyFormats, articleStatuses } from "../../lib/vocabulary";
import { sectors } from "./committee";
import { createdAt, tstz, updatedAt } from "./common";
import { events } from "./events";
import { files } from "./files";
import { users } from "./users";

export const newsColumns = pgTable("news_columns", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    columnId: integer("column_id")
      .notNull()
      .references(() => newsColumns.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /**
     * HTML from the rich-text editor, cleaned by lib/rich-text/sanitize.ts before it is
     * stored. Rows from before the editor held Markdown ("markdown"): the data step after
     * the migrations (db/rich-text/convert-markdown.ts) turns them into HTML once.
     */
    body: text("body").notNull().default(""),
    bodyFormat: text("body_format", { enum: articleBodyFormats }).notNull().default("html"),
    coverFileId: uuid("cover_file_id").references(() => files.id, { onDelete: "set null" }),
    coverCredit: text("cover_credit"),
    reporter: text("reporter"),
    correspondent: text("correspondent"),
    eventId: integer("event_id").references(() => events.id, { onDelete: "set null" }),
    status: text("status", { enum: articleStatuses }).notNull().default("draft"),
    /** A published article is visible from this instant on (scheduled publishing). */
    publishedAt: tstz("published_at"),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("articles_column_published_idx").on(t.columnId, t.publishedAt),
    index("articles_published_idx").on(t.publishedAt),
    index("articles_event_idx").on(t.eventId),
    index("articles_cover_idx").on(t.coverFileId),
    index("articles_author_idx").on(t.authorId),
  ],
);

export const articleSectors = pgTable(
  "article_sectors",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    sectorId: integer("sector_id")
      .notNull()
      .references(() => sectors.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.sectorId] }),
    index("article_sectors_sector_idx").on(t.sectorId),
  ],
);

export type NewsColumn = typeof newsColumns.$inferSelect;
export type NewNewsColumn = typeof newsColumns.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
