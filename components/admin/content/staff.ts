import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { Actor } from "@/db/queries/admin-content";
import { CmsError } from "@/db/queries/admin-content";
import type { SessionUser } from "@/lib/auth/types";
import { clientIpFrom } from "@/lib/client-ip";
import { cmsMessages } from "@/lib/messages/cms";
import { can, type PermissionAction } from "@/lib/permissions";
import type { UserRole } from "@/lib/vocabulary";
import { requireUser } from "@/server/auth/session";

/**
 * The first steps of every staff page, action and route handler of the content console:
 * who is signed in (a redirect to /login otherwise, a 404 for the wrong role), and, for
 * writes, where they are (the audit log's IP).
 */

export const STAFF_ROLES: readonly UserRole[] = ["admin", "editor"];
export const ADMIN_ROLES: readonly UserRole[] = ["admin"];

/** The signed-in staff member who may `action` (a 404 for anyone else). */
export async function requireStaff(
  action: PermissionAction,
  options: { next?: string; roles?: readonly UserRole[] } = {},
): Promise<SessionUser> {
  const user = await requireUser({ roles: options.roles ?? STAFF_ROLES, next: options.next });
  if (!can(user, action)) notFound();
  return user;
}

/** The actor of a write: the user and the client IP (from server.mjs, never from the client). */
export async function actorOf(user: SessionUser): Promise<Actor> {
  return { user, ip: clientIpFrom(await headers()) };
}

/** A refusal from the queries, in words; unknown errors are logged and get a generic message. */
export function messageForError(error: unknown, context: string): string {
  if (error instanceof CmsError) return cmsMessages.errors[error.code];
  console.error(`[cms] ${context} failed:`, error);
  return cmsMessages.common.unexpected;
}
