import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Database } from "../../client";
import { answerTemplates } from "../../schema";
import { writeAudit } from "../audit/write";
import { withDb } from "../with-db";

/** Reusable wording for reasons (return, reject) and department answers. */

export interface AnswerTemplate {
  id: number;
  title: string;
  body: string;
}

export async function listAnswerTemplatesIn(db: Database): Promise<AnswerTemplate[]> {
  return db
    .select({ id: answerTemplates.id, title: answerTemplates.title, body: answerTemplates.body })
    .from(answerTemplates)
    .orderBy(asc(answerTemplates.id));
}

export async function saveAnswerTemplateIn(
  db: Database,
  ctx: Actor,
  input: { id?: number; title: string; body: string },
): Promise<number> {
  if (!can(ctx.user, "template.manage")) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    let id = input.id;
    if (id === undefined) {
      const [row] = await tx
        .insert(answerTemplates)
        .values({ title: input.title, body: input.body })
        .returning({ id: answerTemplates.id });
      if (!row) throw new Error("template insert returned no row");
      id = row.id;
    } else {
      const [row] = await tx
        .update(answerTemplates)
        .set({ title: input.title, body: input.body })
        .where(eq(answerTemplates.id, id))
        .returning({ id: answerTemplates.id });
      if (!row) throw new AppError("not_found");
    }
    await writeAudit(tx, {
      action: input.id === undefined ? "template.create" : "template.update",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "answer_template",
      targetId: String(id),
      details: { title: input.title },
    });
    return id;
  });
}

export async function deleteAnswerTemplateIn(db: Database, ctx: Actor, id: number): Promise<void> {
  if (!can(ctx.user, "template.manage")) throw new AppError("forbidden");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(answerTemplates)
      .where(eq(answerTemplates.id, id))
      .returning({ id: answerTemplates.id, title: answerTemplates.title });
    if (!row) throw new AppError("not_found");
    await writeAudit(tx, {
      action: "template.delete",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "answer_template",
      targetId: String(id),
      details: { title: row.title },
    });
  });
}

// ---- the server's database --------------------------------------------------------

export const listAnswerTemplates = withDb(listAnswerTemplatesIn);
export const saveAnswerTemplate = withDb(saveAnswerTemplateIn);
export const deleteAnswerTemplate = withDb(deleteAnswerTemplateIn);
