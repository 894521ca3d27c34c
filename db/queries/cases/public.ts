import "server-only";
import { and, count, desc, eq, isNotNull, lte, type SQL } from "drizzle-orm";
import type { NoteCategory } from "@/lib/vocabulary";
import { cachedQuery } from "../../cache";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { publicCases, towns } from "../../schema";

/**
 * The public results board (办理结果公开): anonymised cases that staff write from notes.
 * A case is its own text: it copies nothing from the note by itself. The editor starts
 * from a draft built from the note's title, suggestion and the departments' answers,
 * reviews it, and saves; the save is refused while the text still holds a phone number,
 * an ID number, an e-mail address or the author's name. Public reads select the case's
 * own columns only: never the note, its author or its id.
 */

export const CASES_TAG = "cases";
export const CASES_PAGE_SIZE = 10;

export interface PublicCase {
  id: number;
  title: string;
  summary: string;
  category: NoteCategory | null;
  townName: string | null;
  departmentName: string;
  outcome: string;
  receivedOn: string | null;
  resolvedOn: string | null;
  publishedAt: Date;
}

// ---------------------------------------------------------------------------------------
// Public

const publicColumns = {
  id: publicCases.id,
  title: publicCases.title,
  summary: publicCases.summary,
  category: publicCases.category,
  townName: towns.name,
  departmentName: publicCases.departmentName,
  outcome: publicCases.outcome,
  receivedOn: publicCases.receivedOn,
  resolvedOn: publicCases.resolvedOn,
  publishedAt: publicCases.publishedAt,
};

const isPublic = (now: Date) =>
  and(isNotNull(publicCases.publishedAt), lte(publicCases.publishedAt, now));

function toPublic<R extends { publishedAt: Date | null }>(
  row: R,
  now: Date,
): R & { publishedAt: Date } {
  return { ...row, publishedAt: row.publishedAt ?? now };
}

export async function listPublishedCasesIn(
  db: Database,
  options: { page: number; category: NoteCategory | null; now?: Date },
): Promise<{ items: PublicCase[]; total: number }> {
  const now = options.now ?? new Date();
  const where: SQL | undefined = and(
    isPublic(now),
    options.category ? eq(publicCases.category, options.category) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(publicCases)
      .leftJoin(towns, eq(towns.id, publicCases.townId))
      .where(where)
      .orderBy(desc(publicCases.publishedAt), desc(publicCases.id))
      .limit(CASES_PAGE_SIZE)
      .offset((options.page - 1) * CASES_PAGE_SIZE),
    db.select({ n: count() }).from(publicCases).where(where),
  ]);
  return { items: rows.map((r) => toPublic(r, now)), total: total?.n ?? 0 };
}

export async function selectPublishedCaseIn(
  db: Database,
  id: number,
  now = new Date(),
): Promise<PublicCase | null> {
  const [row] = await db
    .select(publicColumns)
    .from(publicCases)
    .leftJoin(towns, eq(towns.id, publicCases.townId))
    .where(and(eq(publicCases.id, id), isPublic(now)));
  return row ? toPublic(row, now) : null;
}

// ---------------------------------------------------------------------------------------
// On the server's database

const cachedList = cachedQuery(
  async (page: number, category: NoteCategory | null) =>
    listPublishedCasesIn(await getDb(), { page, category }),
  ["cases:list"],
  { tags: [CASES_TAG], revalidateSeconds: 300 },
);

const cachedCase = cachedQuery(
  async (id: number) => selectPublishedCaseIn(await getDb(), id),
  ["cases:one"],
  { tags: [CASES_TAG], revalidateSeconds: 300 },
);

export function listPublishedCases(page: number, category: NoteCategory | null) {
  return cachedList(page, category);
}

export function getPublishedCase(id: number) {
  return cachedCase(id);
}
