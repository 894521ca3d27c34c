import "server-only";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { resolveAuthSecret } from "./secret";

/**
 * Short-lived encrypted tokens (the same JWE as next-auth's session cookie, each kind with
 * its own salt, so one kind can never be replayed as another):
 * - login ticket: minted by the login action once every factor passed, handed to
 *   next-auth's Credentials provider in the same request; never sent to the browser;
 * - pending login: an HttpOnly cookie between the password and the second-factor step;
 * - pending enrolment: an HttpOnly cookie holding a new TOTP secret until it is confirmed.
 */

const holder = globalThis as unknown as { __lvzhiAuthSecret?: string };

export function getAuthSecret(): string {
  holder.__lvzhiAuthSecret ??= resolveAuthSecret({
    configured: env.AUTH_SECRET,
    pgliteDir: env.PGLITE_DIR,
  });
  return holder.__lvzhiAuthSecret;
}

const SALTS = {
  ticket: "lvzhi.login-ticket.v1",
  pending: "lvzhi.login-pending.v1",
  enrol: "lvzhi.totp-enrol.v1",
} as const;
type Kind = keyof typeof SALTS;

async function seal(kind: Kind, payload: Record<string, unknown>, maxAgeSeconds: number) {
  return encode({
    token: { ...payload, kind },
    secret: getAuthSecret(),
    salt: SALTS[kind],
    maxAge: maxAgeSeconds,
  });
}

async function unseal(
  kind: Kind,
  token: string | undefined,
): Promise<Record<string, unknown> | null> {
  if (!token || token.length > 4096) return null;
  try {
    const payload = await decode({ token, secret: getAuthSecret(), salt: SALTS[kind] });
    return payload && payload.kind === kind ? payload : null;
  } catch {
    return null;
  }
}

const int = (v: unknown): number | null =>
  typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null;

export interface LoginTicket {
  uid: number;
  sv: number;
  /** "password", "password+totp", "password+recovery" (for the audit trail). */
  method: string;
}

export function sealLoginTicket(ticket: LoginTicket): Promise<string> {
  return seal("ticket", { ...ticket }, 60);
}

export async function unsealLoginTicket(token: unknown): Promise<LoginTicket | null> {
  const p = await unseal("ticket", typeof token === "string" ? token : undefined);
  const uid = int(p?.uid);
  const sv = int(p?.sv);
  if (!p || !uid || !sv) return null;
  return { uid, sv, method: typeof p.method === "string" ? p.method : "password" };
}

/** Between the password step and the second factor (or the first TOTP enrolment). */
export interface PendingLogin {
  uid: number;
  sv: number;
  step: "totp" | "enrol";
  next: string;
  /**
   * The new TOTP secret while a staff member enrols at first login. Once the account has
   * it in force (users.totp_secret), the enrolment is done and the login may complete.
   */
  secret?: string;
}

export const PENDING_LOGIN_MAX_AGE = 10 * 60;

export function sealPendingLogin(pending: PendingLogin): Promise<string> {
  return seal("pending", { ...pending }, PENDING_LOGIN_MAX_AGE);
}

export async function unsealPendingLogin(token: string | undefined): Promise<PendingLogin | null> {
  const p = await unseal("pending", token);
  const uid = int(p?.uid);
  const sv = int(p?.sv);
  if (!p || !uid || !sv || (p.step !== "totp" && p.step !== "enrol")) return null;
  return {
    uid,
    sv,
    step: p.step,
    next: typeof p.next === "string" ? p.next : "",
    secret: typeof p.secret === "string" ? p.secret : undefined,
  };
}

/** A TOTP secret being set up from the profile page, until its first code is confirmed. */
export interface PendingEnrolment {
  uid: number;
  secret: string;
}

export const PENDING_ENROLMENT_MAX_AGE = 15 * 60;

export function sealPendingEnrolment(pending: PendingEnrolment): Promise<string> {
  return seal("enrol", { ...pending }, PENDING_ENROLMENT_MAX_AGE);
}

export async function unsealPendingEnrolment(
  token: string | undefined,
): Promise<PendingEnrolment | null> {
  const p = await unseal("enrol", token);
  const uid = int(p?.uid);
  if (!p || !uid || typeof p.secret !== "string") return null;
  return { uid, secret: p.secret };
}
