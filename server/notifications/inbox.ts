import "server-only";
import { redirect } from "next/navigation";
import { countUnread, markAllRead, markRead } from "@/db/queries/notifications/inbox";
import { safeNextPath } from "@/lib/auth/policy";
import type { HeaderUser, SessionUser } from "@/lib/auth/types";
import { inboxMessages } from "@/lib/messages/notifications";
import type { UserRole } from "@/lib/vocabulary";
import { gatedAction, STAFF_ROLES } from "../action";

/**
 * The message centre's two doors: members at /member/messages, staff (every staff role)
 * at /admin/messages. The actions behind both: each goes through the gate (signed in, the
 * area's roles), and the queries touch only the caller's own rows.
 */

export const MEMBER_INBOX = { href: "/member/messages", roles: ["member"] as const };
export const STAFF_INBOX = { href: "/admin/messages", roles: STAFF_ROLES };

export interface InboxArea {
  href: string;
  roles: readonly UserRole[];
}

/** The centre a user reads: staff in the console, members in the member area. */
export function inboxHrefFor(user: Pick<SessionUser, "role">): string {
  return STAFF_INBOX.roles.includes(user.role) ? STAFF_INBOX.href : MEMBER_INBOX.href;
}

/** The header's link to the centre and its unread count (one indexed count). */
export async function headerMessagesFor(
  user: SessionUser,
): Promise<NonNullable<HeaderUser["messages"]>> {
  return { href: inboxHrefFor(user), unread: await countUnread(user.id) };
}

const idOf = (formData: FormData) => {
  const id = Number(formData.get("id"));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

function gate(
  formData: FormData,
  area: InboxArea,
  label: string,
  run: (id: number, userId: number) => Promise<never>,
) {
  return gatedAction<Record<string, never>, number>(formData, {
    label,
    roles: area.roles,
    permission: "site.view",
    onForbidden: "not-found",
    fields: [],
    errors: {},
    parse: () => ({ ok: true, data: idOf(formData) }),
    run: (id, actor) => run(id, actor.user.id),
  });
}

/** Marks the message read, then goes to what it is about (a path on this site only). */
export async function openMessage(formData: FormData, area: InboxArea): Promise<void> {
  await gate(formData, area, "message open", async (id, userId) => {
    const row = id ? await markRead(userId, id) : null;
    if (!row) redirect(`${area.href}?notice=missing`);
    redirect(safeNextPath(row.link, area.href));
  });
}

export async function markMessageRead(formData: FormData, area: InboxArea): Promise<void> {
  await gate(formData, area, "message read", async (id, userId) => {
    const row = id ? await markRead(userId, id) : null;
    redirect(row ? area.href : `${area.href}?notice=missing`);
  });
}

export async function markAllMessagesRead(formData: FormData, area: InboxArea): Promise<void> {
  await gate(formData, area, "messages all read", async (_id, userId) => {
    const n = await markAllRead(userId);
    redirect(`${area.href}?notice=all&n=${n}`);
  });
}

/** The line the centre shows after a redirect back to it. */
export function inboxNotice(params: Record<string, string | string[] | undefined>): string | null {
  if (params.notice === "missing") return inboxMessages.notFound;
  if (params.notice === "all") return inboxMessages.markedAllRead(Number(params.n) || 0);
  return null;
}
