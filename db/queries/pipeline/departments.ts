import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Database } from "../../client";
import { departments, fieldNotes, noteTransfers } from "../../schema";
import { writeAudit } from "../audit/write";
import type { Executor } from "../shared/write";
import { withDb } from "../with-db";

/** 职能部门: the registry, and how each department is doing with what was transferred to it. */

export interface DepartmentRow {
  id: number;
  name: string;
  contact: string;
  active: boolean;
  sortOrder: number;
  pending: number;
  answered: number;
  overdue: number;
}

export async function listDepartmentsIn(
  db: Database,
  options: { today: string; activeOnly?: boolean },
): Promise<DepartmentRow[]> {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      contact: departments.contact,
      active: departments.active,
      sortOrder: departments.sortOrder,
      pending:
        sql<number>`count(${noteTransfers.id}) filter (where ${noteTransfers.status} = 'pending')`.mapWith(
          Number,
        ),
      answered:
        sql<number>`count(${noteTransfers.id}) filter (where ${noteTransfers.status} = 'answered')`.mapWith(
          Number,
        ),
      overdue:
        sql<number>`count(${noteTransfers.id}) filter (where ${noteTransfers.status} = 'pending'
        and ${noteTransfers.dueOn} < ${options.today})`.mapWith(Number),
    })
    .from(departments)
    .leftJoin(noteTransfers, eq(noteTransfers.departmentId, departments.id))
    .where(options.activeOnly ? eq(departments.active, true) : undefined)
    .groupBy(departments.id)
    .orderBy(desc(departments.active), asc(departments.sortOrder), asc(departments.id));
}

export interface DepartmentDetail {
  id: number;
  name: string;
  contact: string;
  active: boolean;
  sortOrder: number;
  transfers: {
    id: number;
    noteId: number;
    noteTitle: string;
    dueOn: string;
    status: "pending" | "answered";
    answeredAt: Date | null;
    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied" | null;
  }[];
}

export async function getDepartmentIn(db: Database, id: number): Promise<DepartmentDetail | null> {
  const [department] = await db
    .select({
      id: departments.id,
      name: departments.name,
      contact: departments.contact,
      active: departments.active,
      sortOrder: departments.sortOrder,
    })
    .from(departments)
    .where(eq(departments.id, id));
  if (!department) return null;
  const transfers = await db
    .select({
      id: noteTransfers.id,
      noteId: fieldNotes.id,
      noteTitle: fieldNotes.title,
      dueOn: noteTransfers.dueOn,
      status: noteTransfers.status,
      answeredAt: noteTransfers.answeredAt,
      satisfaction: noteTransfers.satisfaction,
    })
    .from(noteTransfers)
    .innerJoin(fieldNotes, eq(fieldNotes.id, noteTransfers.noteId))
    .where(eq(noteTransfers.departmentId, id))
    .orderBy(desc(sql`${noteTransfers.status} = 'pending'`), asc(noteTransfers.dueOn))
    .limit(200);
  return { ...department, transfers };
}

export interface DepartmentInput {
  name: string;
  contact: string;
  active: boolean;
  sortOrder: number;
}

function assertManager(user: SessionUser) {
  if (!can(user, "department.manage")) throw new AppError("forbidden");
}

async function assertUniqueName(db: Executor, name: string, exceptId?: number) {
  const [clash] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.name, name),
        exceptId === undefined ? undefined : ne(departments.id, exceptId),
      ),
    );
  if (clash) throw new AppError("duplicate_name", "name");
}

export async function createDepartmentIn(
  db: Database,
  ctx: Actor,
  input: DepartmentInput,
): Promise<number> {
  assertManager(ctx.user);
  return db.transaction(async (tx) => {
    await assertUniqueName(tx, input.name);
    const [row] = await tx
      .insert(departments)
      .values({ ...input, slug: `d-${randomUUID().slice(0, 8)}` })
      .returning({ id: departments.id });
    if (!row) throw new Error("department insert returned no row");
    await writeAudit(tx, {
      action: "department.create",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "department",
      targetId: String(row.id),
      details: { name: input.name },
    });
    return row.id;
  });
}

export async function updateDepartmentIn(
  db: Database,
  ctx: Actor,
  id: number,
  input: DepartmentInput,
): Promise<void> {
  assertManager(ctx.user);
  await db.transaction(async (tx) => {
    await assertUniqueName(tx, input.name, id);
    const [row] = await tx
      .update(departments)
      .set(input)
      .where(eq(departments.id, id))
      .returning({ id: departments.id });
    if (!row) throw new AppError("not_found");
    await writeAudit(tx, {
      action: "department.update",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "department",
      targetId: String(id),
      details: { ...input },
    });
  });
}

// ---- the server's database --------------------------------------------------------

export const listDepartments = withDb(listDepartmentsIn);
export const getDepartment = withDb(getDepartmentIn);
export const createDepartment = withDb(createDepartmentIn);
export const updateDepartment = withDb(updateDepartmentIn);
