import { cookies } from "next/headers";
import { recordLogoutIn } from "@/db/queries/users/sessions";
import { getDb } from "@/db/runtime";
import { clientIpFrom } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { crossOriginRefusal } from "@/lib/security/origin";
import { endBrowserSession } from "@/server/auth/issue";
import { ENDED_SESSION_COOKIE, sessionLimits } from "@/server/auth/next-auth";
import { getCurrentUser, readSessionClaims } from "@/server/auth/session";
import { sessionCookieOptions } from "@/server/auth/session-cookie";

/**
 * 退出: a plain form POST from the site header, so it works without JavaScript. Posts from
 * other sites are refused (a forged logout is a nuisance, not harmless). The session
 * cookie is deleted, and this session's id is remembered in this browser so that no
 * late response can bring it back; the audit log records who left.
 */
export async function POST(request: Request) {
  const refused = crossOriginRefusal(request, env.SITE_URL);
  if (refused) return refused;
  const [user, claims] = await Promise.all([getCurrentUser(), readSessionClaims()]);
  if (claims) {
    // A request still under way may come back with a refreshed cookie: it stays dead here.
    (await cookies()).set(ENDED_SESSION_COOKIE, claims.sid, {
      ...sessionCookieOptions,
      maxAge: Math.ceil(sessionLimits.maxMs / 1000),
    });
  }
  if (user) {
    await recordLogoutIn(await getDb(), {
      userId: user.id,
      actor: { actorId: user.id, actorLabel: user.username, ip: clientIpFrom(request.headers) },
      // Ended on the server too: a copy of this cookie elsewhere stops working now.
      session: claims
        ? { sid: claims.sid, expiresAt: new Date(claims.authTime + sessionLimits.maxMs) }
        : undefined,
    });
  }
  await endBrowserSession();
  return new Response(null, { status: 303, headers: { Location: "/login?notice=signed_out" } });
}

/** A link or a prefetch never logs anyone out. */
export function GET() {
  return new Response(null, { status: 303, headers: { Location: "/" } });
}
