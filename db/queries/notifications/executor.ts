import "server-only";
import type { Database } from "../../client";

/**
 * The database or a transaction. Declared here, not taken from ../shared/write, so the
 * scan started by db/runtime.ts does not lead back to the runtime through the audit writer.
 */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];
