import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findSessionAccount } from "@/db/queries/users/sessions";
import { requiresTotp, type SessionClaims } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { UserRole } from "@/lib/vocabulary";
import { readSessionCookie } from "./session-cookie";

/**
 * CONTRACT (signatures fixed):
 * - getCurrentUser(): the signed-in user of this request, or null. Checks the session
 *   against the database on every call (session version, account status, idle and
 *   absolute timeouts); memoised per request.
 * - requireUser({ roles }): the signed-in user, or a redirect to /login?next=…; a user
 *   without one of `roles` gets notFound() (no hint that the page exists). Staff who have
 *   not enrolled TOTP are sent to enrol first.
 *
 * The cookie is next-auth's encrypted JWT (server/auth/next-auth.ts), decrypted here with the
 * same secret and salt. A session counts only when
 * - it decrypts, and its login is less than SESSION_MAX_HOURS old and its last activity
 *   less than SESSION_IDLE_MINUTES ago (the cookie's own expiry says the same), and it
 *   was not logged out ("退出" records the session's id in ended_sessions, so a copy of
 *   the cookie elsewhere is refused too, and remembers it in this browser);
 * - its account exists, is active, and still has the session version the cookie carries
 *   (a password change, "log out everywhere" or disabling the account bumps it);
 * - for admins and editors, the account has TOTP (it cannot log in otherwise: enrolment
 *   happens during the login, before any session exists).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const account = await findSessionAccount(claims.uid, claims.sid);
  if (account?.status !== "active" || account.sessionVersion !== claims.sv) return null;
  if (account.sessionEnded) return null;
  if (requiresTotp(account.role) && !account.totpEnabled) return null;
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    sectorId: account.sectorId,
    organisationId: account.organisationId,
  };
});

export async function requireUser(
  options: { roles?: readonly UserRole[]; next?: string } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login${options.next ? `?next=${encodeURIComponent(options.next)}` : ""}`);
  if (options.roles && !options.roles.includes(user.role)) notFound();
  return user;
}

/** The session cookie's claims when it decrypts and has not timed out; no database. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  return readSessionCookie(await cookies());
}
