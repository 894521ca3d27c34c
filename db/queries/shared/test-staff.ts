import "server-only";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, newsColumns, organisations, sectors, type towns, users } from "@/db/schema";
import { demoPasswords, seedDemoData } from "@/db/seed";
import { createTestDatabase, type TestDatabase } from "@/db/test-utils";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

/**
 * For the integration tests of the staff console's queries (news, events, registrations,
 * directory, users): the seeded demo data with its staff as actors, the audit trail by
 * action, and refusals as AppError.
 */

/** A seeded account as the session shows it. */
export async function sessionUser(db: Database, username: string): Promise<SessionUser> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      sectorId: users.sectorId,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

/** A seeded account acting from an address, as the console's actions pass it on. */
export async function staffActor(db: Database, username: string, ip: string): Promise<Actor> {
  return { user: await sessionUser(db, username), ip };
}

/** The id of a seeded sector, organisation or town by its slug. */
export async function slugId(
  db: Database,
  table: typeof sectors | typeof organisations | typeof towns,
  slug: string,
): Promise<number> {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`no ${slug}`);
  return row.id;
}

/** How many audit entries of this action there are (about this target, when given). */
export async function auditCount(
  db: Database,
  action: string,
  targetId?: string | number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        targetId === undefined ? undefined : eq(auditLog.targetId, String(targetId)),
      ),
    );
  return row?.n ?? 0;
}

/** The promise fails with this AppError (code, and the field when given). */
export async function expectAppError(
  promise: Promise<unknown>,
  code: string,
  field?: string,
): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field !== undefined) expect((error as AppError).field).toBe(field);
}

/** Rows of the demo data the staff tests work with. */
export interface SeededIds {
  column: number;
  keji: number;
  jingji: number;
  xinchengOffice: number;
  otherOffice: number;
}

export interface StaffHarness {
  readonly db: Database;
  /** The seeded system administrator, acting from 192.0.2.1. */
  readonly admin: Actor;
  /** The seeded security administrator (accounts), acting from 192.0.2.3. */
  readonly security: Actor;
  /** The seeded audit administrator, acting from 192.0.2.4. */
  readonly auditor: Actor;
  /** The seeded editor (of the Xincheng office), acting from 192.0.2.2. */
  readonly editor: Actor;
  /** A seeded member, who is no staff. */
  readonly member: SessionUser;
  readonly ids: SeededIds;
}

/**
 * Registers with vitest a fresh database for this test file, seeded with the demo data and
 * its accounts, closed after the file; the harness reads it once it is open.
 */
export function staffHarness(): StaffHarness {
  let handle: TestDatabase | undefined;
  let seeded: StaffHarness | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const db = handle.db;
    const password = "demo-password-123";
    await seedDemoData(db, {
      withAccounts: true,
      passwords: demoPasswords(password),
    });
    const [column] = await db.select({ id: newsColumns.id }).from(newsColumns).limit(1);
    seeded = {
      db,
      admin: await staffActor(db, "admin", "192.0.2.1"),
      security: await staffActor(db, "security", "192.0.2.3"),
      auditor: await staffActor(db, "auditor", "192.0.2.4"),
      editor: await staffActor(db, "editor", "192.0.2.2"),
      member: await sessionUser(db, "member1"),
      ids: {
        column: column?.id ?? 0,
        keji: await slugId(db, sectors, "keji"),
        jingji: await slugId(db, sectors, "jingji"),
        xinchengOffice: await slugId(db, organisations, "xincheng-jiedao-lianluoshi"),
        otherOffice: await slugId(db, organisations, "honghe-zhen-lianluoshi"),
      },
    };
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });
  const open = (): StaffHarness => {
    if (!seeded) throw new Error("the test database is not open yet");
    return seeded;
  };
  return {
    get db() {
      return open().db;
    },
    get admin() {
      return open().admin;
    },
    get security() {
      return open().security;
    },
    get auditor() {
      return open().auditor;
    },
    get editor() {
      return open().editor;
    },
    get member() {
      return open().member;
    },
    get ids() {
      return open().ids;
    },
  };
}
