import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../client";
import { notifications } from "../../schema";
import { withDb } from "../with-db";

/**
 * The message centre (站内信): a user's own notifications. Every query is bound to the
 * caller's user id in its WHERE, so nobody reads or marks anyone else's, whatever id is sent.
 */

export const INBOX_PAGE_SIZE = 20;

export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxPage {
  items: InboxItem[];
  page: number;
  pages: number;
  total: number;
  unread: number;
}

/** A page of the user's notifications, newest first, with the totals. */
export async function listInboxIn(
  db: Database,
  userId: number,
  options: { page?: number; pageSize?: number } = {},
): Promise<InboxPage> {
  const pageSize = options.pageSize ?? INBOX_PAGE_SIZE;
  const [totals] = await db
    .select({
      total: count(),
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
    })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  const total = totals?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pages);
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pages, total, unread: totals?.unread ?? 0 };
}

/** How many of the user's notifications are unread: one count on notifications_user_unread_idx. */
export async function countUnreadIn(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks one of the user's notifications read (a read one keeps its first reading time) and
 * returns its link; null when it is not theirs or does not exist.
 */
export async function markReadIn(
  db: Database,
  userId: number,
  id: number,
  now = new Date(),
): Promise<{ link: string } | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ link: notifications.link });
  return row ?? null;
}

/** Marks all the user's unread notifications read; returns how many. */
export async function markAllReadIn(
  db: Database,
  userId: number,
  now = new Date(),
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export const listInbox = withDb(listInboxIn);
export const countUnread = withDb(countUnreadIn);
export const markRead = withDb(markReadIn);
export const markAllRead = withDb(markAllReadIn);
