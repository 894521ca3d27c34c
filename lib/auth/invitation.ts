import { createHash, randomBytes } from "node:crypto";

/**
 * Invitation links carry 256 random bits (`/invite#<43 base64url characters>`, see
 * ./invitation-link.ts); the
 * database keeps only their SHA-256, so a leaked backup cannot be turned into links.
 * (A fast hash is right here: the token is random, not a password someone chose.)
 */
export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** The stored hash for a token, or null when it cannot be one of ours. */
export function invitationTokenHash(token: string): string | null {
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : null;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export { invitationUrl } from "./invitation-link";
