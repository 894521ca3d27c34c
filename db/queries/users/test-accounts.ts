import "server-only";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import { generateInvitationToken } from "@/lib/auth/invitation";
import { hashPassword } from "@/lib/password";
import type { Database } from "../../client";
import { auditLog } from "../../schema";
import { createTestDatabase, type TestDatabase } from "../../test-utils";
import { createInvitedAccountIn } from "./accounts";
import { acceptInvitationIn } from "./invitations";
import type { AuditActor } from "./types";

/**
 * For the integration tests of accounts (here and in server/auth/): a fresh database per
 * test file, an injected clock, and accounts invited or activated in one call.
 */

export const T0 = new Date("2026-05-20T02:00:00Z");
export const PASSWORD = "Spring rain on the Xiuzhou fields";
export const cli: AuditActor = { actorId: null, actorLabel: "cli:test", ip: null };
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export interface AccountsHarness {
  readonly db: Database;
  /** "Now" for every call that takes a clock; tests move it. */
  clock: Date;
  invite(
    username: string,
    role: "member" | "editor",
    phone?: string | null,
  ): Promise<{ userId: number; token: string; tokenHash: string }>;
  /** An invited account whose invitation was accepted with PASSWORD. */
  activate(username: string, role: "member" | "editor", phone?: string | null): Promise<number>;
  auditOf(
    userId: number,
  ): Promise<{ action: string; ip: string | null; details: Record<string, unknown> }[]>;
}

/** Registers the database's set-up and tear-down with vitest and returns the harness. */
export function accountsHarness(): AccountsHarness {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  const harness: AccountsHarness = {
    clock: T0,
    get db() {
      if (!handle) throw new Error("the test database is not open yet");
      return handle.db;
    },
    async invite(username, role, phone = null) {
      const { token, tokenHash } = generateInvitationToken();
      const { userId } = await createInvitedAccountIn(harness.db, {
        account: { username, displayName: `测试${username}`, role, phone },
        tokenHash,
        now: harness.clock,
        actor: cli,
      });
      return { userId, token, tokenHash };
    },
    async activate(username, role, phone = null) {
      const { userId, tokenHash } = await harness.invite(username, role, phone);
      const accepted = await acceptInvitationIn(harness.db, {
        tokenHash,
        passwordHash: await hashPassword(PASSWORD),
        now: harness.clock,
        ip: "203.0.113.7",
      });
      expect(accepted).toBe(true);
      return userId;
    },
    async auditOf(userId) {
      return harness.db
        .select({ action: auditLog.action, ip: auditLog.ip, details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.actorId, userId))
        .orderBy(auditLog.id);
    },
  };
  return harness;
}
