import "server-only";
import { redirect } from "next/navigation";
import type { UserRole } from "@/db/schema";
import type { SessionUser } from "./types";

/**
 * CONTRACT (the auth engineer implements the bodies; signatures stay):
 * - getCurrentUser(): the signed-in user of this request, or null. Checks the session
 *   against the database on every call (session version, account status, idle and
 *   absolute timeouts); memoised per request.
 * - requireUser({ roles }): the signed-in user, or a redirect to /login?next=…; a user
 *   without one of `roles` gets notFound() (no hint that the page exists). Staff who have
 *   not enrolled TOTP are sent to enrol first.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return null;
}

export async function requireUser(
  options: { roles?: readonly UserRole[]; next?: string } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login${options.next ? `?next=${encodeURIComponent(options.next)}` : ""}`);
  return user;
}
