import "server-only";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db/runtime";
import { clientIpFrom } from "@/lib/client-ip";
import { secureCookies } from "./next-auth";
import {
  PENDING_ENROLMENT_MAX_AGE,
  PENDING_LOGIN_MAX_AGE,
  type PendingEnrolment,
  type PendingLogin,
  sealPendingEnrolment,
  sealPendingLogin,
  unsealPendingEnrolment,
  unsealPendingLogin,
} from "./tokens";

/** The database, the client's IP and the real clock, for the login and account code. */
export async function requestContext() {
  const [db, h] = await Promise.all([getDb(), headers()]);
  return { db, ip: clientIpFrom(h), now: () => new Date() };
}

/*
 * The pending cookies are HttpOnly, SameSite=Strict (only ever needed by this site's own
 * forms and redirects) and scoped to the paths that read them.
 */
const PENDING_LOGIN_COOKIE = "lvzhi_login_pending";
const PENDING_ENROLMENT_COOKIE = "lvzhi_totp_enrol";

const base = { httpOnly: true, sameSite: "strict" as const, secure: secureCookies };

export async function setPendingLogin(pending: PendingLogin): Promise<void> {
  (await cookies()).set(PENDING_LOGIN_COOKIE, await sealPendingLogin(pending), {
    ...base,
    path: "/login",
    maxAge: PENDING_LOGIN_MAX_AGE,
  });
}

export async function readPendingLogin(): Promise<PendingLogin | null> {
  return unsealPendingLogin((await cookies()).get(PENDING_LOGIN_COOKIE)?.value);
}

export async function clearPendingLogin(): Promise<void> {
  (await cookies()).set(PENDING_LOGIN_COOKIE, "", { ...base, path: "/login", maxAge: 0 });
}

export async function setPendingEnrolment(pending: PendingEnrolment): Promise<void> {
  (await cookies()).set(PENDING_ENROLMENT_COOKIE, await sealPendingEnrolment(pending), {
    ...base,
    path: "/member/profile",
    maxAge: PENDING_ENROLMENT_MAX_AGE,
  });
}

export async function readPendingEnrolment(): Promise<PendingEnrolment | null> {
  return unsealPendingEnrolment((await cookies()).get(PENDING_ENROLMENT_COOKIE)?.value);
}
