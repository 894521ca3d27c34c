import "server-only";
import { cookies } from "next/headers";
import { AuthError } from "next-auth";
import { ENDED_SESSION_COOKIE, SESSION_COOKIE, signIn, signOut } from "./next-auth";
import { readSessionCookie, resealSession, sessionCookieOptions } from "./session-cookie";
import { type LoginTicket, sealLoginTicket } from "./tokens";

/**
 * Starts the session through next-auth's Credentials provider and redirects to `to` (a
 * same-site path). Returns only when next-auth refused the ticket (it expired, or the
 * secret changed): the caller says so. The redirect itself is thrown, as Next expects.
 */
export async function issueSession(ticket: LoginTicket, to: string): Promise<"failed"> {
  // A new session: the marker of an earlier one ended here is no longer needed.
  (await cookies()).set(ENDED_SESSION_COOKIE, "", { path: "/", maxAge: 0 });
  try {
    await signIn("credentials", { ticket: await sealLoginTicket(ticket), redirectTo: to });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error("[auth] session not issued:", error.type);
      return "failed";
    }
    throw error;
  }
  return "failed";
}

/** Deletes this browser's session cookie (the caller redirects). */
export async function endBrowserSession(): Promise<void> {
  await signOut({ redirect: false });
}

/**
 * After a change that ended every session of the account (session version + 1), keeps
 * this browser's session: its cookie again, with the account's new session version.
 */
export async function keepThisSession(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const claims = await readSessionCookie(jar);
  if (!claims) return;
  const { value, expires } = await resealSession(claims, { sv: sessionVersion });
  jar.set(SESSION_COOKIE, value, { ...sessionCookieOptions, expires });
}
