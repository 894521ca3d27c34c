-- Search (docs/search.md): keep the heap rows of search_documents narrow, so that a
-- bitmap scan of the GIN index reads a few MB of heap even when a common word matches
-- every row. Body, tokens (and a long url) go to TOAST; the title, which every
-- candidate's title-match test reads, stays in the row.
ALTER TABLE "search_documents" ALTER COLUMN "title" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "search_documents" SET (toast_tuple_target = 128);
