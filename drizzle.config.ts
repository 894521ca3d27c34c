import { defineConfig } from "drizzle-kit";

// Generation only compares the schema with the committed snapshots: no database is opened.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
