import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { judgeSession, type SessionClaims } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import {
  ENDED_SESSION_COOKIE,
  SESSION_COOKIE,
  secureCookies,
  sessionLimits,
} from "./session-settings";
import { getAuthSecret, unsealLoginTicket } from "./tokens";

export { ENDED_SESSION_COOKIE, SESSION_COOKIE, secureCookies, sessionLimits };

/**
 * next-auth (Auth.js v5) with JWT sessions: the cookie is an encrypted JWT (A256CBC-HS512)
 * carrying the account id, its session version, the login time and the last activity.
 *
 * The Credentials provider accepts only a login ticket that the login action minted in
 * the same request after every factor passed (server/auth/login.ts does the checking, the
 * lockout and the audit). The ticket never reaches the browser and lives 60 seconds.
 *
 * This module touches no database: proxy.ts uses it to refresh the cookie (sliding idle
 * timeout), and server/auth/session.ts checks the session against the database on every
 * request. The config is built lazily, per request, so `next build` needs no secret.
 */

const siteOrigin = new URL(env.SITE_URL).origin;

function config(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    // Only signIn()/signOut() called in-process use next-auth (its HTTP endpoints are off:
    // app/api/auth/[...nextauth]/route.ts); they build an internal URL from the Host
    // header. Redirects never do: the callback below keeps them to paths of SITE_URL.
    trustHost: true,
    useSecureCookies: secureCookies,
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
      },
    },
    session: { strategy: "jwt", maxAge: Math.ceil(sessionLimits.idleMs / 1000) },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { ticket: {} },
        async authorize(credentials) {
          const ticket = await unsealLoginTicket(credentials?.ticket);
          if (!ticket) return null;
          return { id: String(ticket.uid), uid: ticket.uid, sv: ticket.sv } as never;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user, trigger }) {
        const now = Date.now();
        if (trigger === "signIn" && user) {
          const fresh = user as unknown as { uid: number; sv: number };
          const claims: SessionClaims = {
            sid: crypto.randomUUID(),
            uid: fresh.uid,
            sv: fresh.sv,
            authTime: now,
            lastSeen: now,
          };
          // Nothing else: no name, e-mail or picture in the cookie.
          return { sub: String(fresh.uid), ...claims };
        }
        if (judgeSession(token as Partial<SessionClaims>, now, sessionLimits) !== "ok") return null;
        return { ...token, lastSeen: now };
      },
      session({ session, token }) {
        const { uid, authTime, lastSeen } = token as Partial<SessionClaims>;
        return { expires: session.expires, uid, authTime, lastSeen } as never;
      },
      // A path of this site, relative (the browser resolves it against SITE_URL, where it
      // is): never the Host the request came in with, nor the address the server listens on.
      redirect({ url }) {
        if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
        try {
          const target = new URL(url);
          if (target.origin === siteOrigin) return `${target.pathname}${target.search}`;
        } catch {
          // not a URL: fall through
        }
        return "/";
      },
    },
    logger: {
      error(error) {
        // A refused ticket is an expected outcome, reported by the login page itself.
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
      warn(code) {
        console.warn("[auth] warning:", code);
      },
      debug() {},
    },
  };
}

// Only signIn and signOut, called in-process: the HTTP handlers are not mounted (app/api/auth).
export const { signIn, signOut } = NextAuth(() => config());
