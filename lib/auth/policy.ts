import type { UserRole } from "@/lib/vocabulary";

/**
 * The rules of logging in, as pure functions of the state and the clock (unit-tested;
 * the login code and the integration tests pass an injected clock).
 */

export const LOCKOUT = {
  /** Wrong passwords (or second-factor codes) in a row that lock the account. */
  maxFailures: 5,
  durationMs: 15 * 60 * 1000,
} as const;

export interface LockState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function lockedUntil(state: LockState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime()
    ? state.lockedUntil
    : null;
}

/**
 * The state after one more failure. The failure that reaches the limit locks the account
 * for its full duration and starts a fresh count for when the lock has passed.
 */
export function afterFailure(state: LockState, now: Date): LockState & { lockedNow: boolean } {
  const count = state.failedLoginCount + 1;
  if (count >= LOCKOUT.maxFailures) {
    return {
      failedLoginCount: 0,
      lockedUntil: new Date(now.getTime() + LOCKOUT.durationMs),
      lockedNow: true,
    };
  }
  return { failedLoginCount: count, lockedUntil: state.lockedUntil, lockedNow: false };
}

/** What the encrypted session cookie carries besides next-auth's own fields. */
export interface SessionClaims {
  /** This session's own random id: "退出" on this browser ends exactly this session. */
  sid: string;
  /** users.id */
  uid: number;
  /** users.session_version when the session began; a bump ends the session. */
  sv: number;
  /** When the person logged in (ms): the absolute lifetime counts from here. */
  authTime: number;
  /** The last request that refreshed the cookie (ms): the idle timeout counts from here. */
  lastSeen: number;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export type SessionVerdict = "ok" | "idle" | "expired" | "malformed";

export function judgeSession(
  claims: Partial<SessionClaims> | null | undefined,
  now: number,
  limits: SessionLimits,
): SessionVerdict {
  if (!claims || !isPositiveInt(claims.uid) || !isPositiveInt(claims.sv)) return "malformed";
  if (typeof claims.sid !== "string" || claims.sid.length < 16) return "malformed";
  if (!Number.isFinite(claims.authTime) || !Number.isFinite(claims.lastSeen)) return "malformed";
  const authTime = claims.authTime as number;
  const lastSeen = claims.lastSeen as number;
  // A clock that runs backwards, or a forged future time, does not extend a session.
  if (authTime > now + 60_000 || lastSeen > now + 60_000) return "malformed";
  if (now - authTime >= limits.maxMs) return "expired";
  if (now - lastSeen >= limits.idleMs) return "idle";
  return "ok";
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

/**
 * Where to go after logging in: a path on this site only. Anything else (another host,
 * `//host`, `/\host`, a scheme, control characters) becomes the fallback.
 */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://lvzhi.invalid");
    if (url.origin !== "http://lvzhi.invalid") return fallback;
    // Never back into the login machinery itself.
    if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return fallback;
    if (url.pathname.startsWith("/api/auth") || url.pathname === "/logout") return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}

/**
 * Where a person lands after logging in when no page was asked for: the security and
 * audit administrators straight on their one page of the console (lib/console-nav.ts).
 */
export function homeFor(role: UserRole): string {
  if (role === "member") return "/member";
  if (role === "security") return "/admin/users";
  if (role === "auditor") return "/admin/audit";
  return "/admin";
}

/** Every kind of staff must pass a second factor; members may choose to. */
export function requiresTotp(role: UserRole): boolean {
  return role !== "member";
}

/**
 * The phone number as stored (11 digits for mainland mobiles), or null when the input
 * cannot be one. "+86 138-0000-0001" and "13800000001" are the same number.
 */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s\-()]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1\d{10}$/.test(digits) ? digits : null;
}
