import "server-only";
import type { UserStatus } from "@/lib/users/schema";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";

/**
 * What the account modules share. The `…In(db, …)` functions take the database or a
 * transaction (integration tests and the CLI call them with their own); plain names use
 * the server's database.
 */

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;
export type { UserStatus };

/**
 * Who an account write is recorded as in the audit log: the account itself, an admin, or
 * "cli:…" for the command line (no user, no IP).
 */
export interface AuditActor {
  ip: string | null;
  actorId: number | null;
  actorLabel: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: UserRole;
  phone: string | null;
  sectorSlug?: string | null;
  organisationSlug?: string | null;
}
