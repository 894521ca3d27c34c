/**
 * Backups of either database, for `npm run db:backup` / `npm run db:restore` and the tests.
 *
 * - PostgreSQL server (DATABASE_URL): `pg_dump -Fc`, taken on a snapshot exported by a
 *   REPEATABLE READ transaction in which the rows of every table are counted too, so the
 *   counts in the manifest are exactly those of the dump, whatever is written meanwhile;
 *   the server keeps serving. Restored with `pg_restore --single-transaction` (all or
 *   nothing), then every table's rows are counted again and compared.
 * - Embedded PGlite (no DATABASE_URL): the data directory, checkpointed and packed by
 *   PGlite's own `dumpDataDir("gzip")` (a .tar.gz of PGDATA; Debian's pg_dump cannot read
 *   PGlite, which is PostgreSQL 18 in WASM with no socket). A PGlite data directory has one
 *   process at a time (`<dir>.lock`): a running server holds it, and there is no way to
 *   reach its database from outside nor to copy its files consistently while it writes,
 *   so the backup refuses and says to stop the server. The restore is loaded into a new
 *   directory beside the target, counted, and only then put in place (the old one is moved
 *   aside, never deleted).
 *
 * Each backup FILE has a sidecar `FILE.manifest.json`: its SHA-256, where it came from,
 * and the row count of every table. A restore checks the checksum before touching
 * anything and the counts after; without the manifest it restores with a warning.
 */

export {
  BackupError,
  type BackupErrorCode,
  type BackupKind,
  type BackupManifest,
  type BackupResult,
  defaultBackupFile,
  formatKeyCounts,
  KEY_TABLES,
  manifestPathFor,
  type RestoreResult,
} from "./common";
export {
  backupEmbedded,
  type EmbeddedBackupOptions,
  type EmbeddedRestoreOptions,
  restoreEmbedded,
} from "./embedded";
export {
  backupServer,
  findPgTool,
  type PgTool,
  restoreServer,
  type ServerBackupOptions,
  type ServerRestoreOptions,
} from "./server";
