import { env } from "@/lib/env";

/**
 * The session cookie's names and limits, apart from next-auth's entry point (which loads
 * only inside Next) so that the code reading the cookie, and its tests, need no Next.
 */

/** Secure cookies (and the __Secure- prefix) whenever the site is served over HTTPS. */
export const secureCookies = new URL(env.SITE_URL).protocol === "https:";
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}authjs.session-token`;
/**
 * Set by "退出" to the id of the session it ended. A request that was already under way
 * when the person logged out may still come back with a refreshed session cookie; this
 * marker keeps that cookie dead in this browser (server/auth/session.ts, proxy.ts).
 */
export const ENDED_SESSION_COOKIE = "lvzhi_session_ended";
/**
 * Set by proxy.ts beside a session cookie it has just read, to last until that cookie's
 * idle timer is next due a refresh (at most a minute). While the browser sends it, Next
 * does not run the proxy at all (its matcher's `missing`): a member's request skips
 * 3–8 ms of Next's proxy machinery that would only have found nothing to do. Only a hint
 * that saves work: a browser that sends it when it should not merely delays its own
 * refresh, and every page, action and route handler checks the session itself.
 * proxy.ts's matcher names it as a literal (Next reads the matcher at build time);
 * proxy.test.ts holds the two together.
 */
export const SESSION_AWAKE_COOKIE = "lvzhi_session_awake";

export const sessionLimits = {
  idleMs: env.SESSION_IDLE_MINUTES * 60 * 1000,
  maxMs: env.SESSION_MAX_HOURS * 60 * 60 * 1000,
};
