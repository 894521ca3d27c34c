import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/**
 * Time-based one-time passwords as every authenticator app understands them (RFC 6238:
 * SHA-1, 6 digits, 30-second steps). A code from the step before or after is accepted
 * (clock drift); a step already used is not (replay).
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW = 1;

/** 160 random bits, Base32, as RFC 4226 recommends. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = "", issuer = ""): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** The otpauth:// URI that the QR code carries. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totpFor(secret, account, issuer).toString();
}

/** The step (30-second slot since 1970) that `at` falls in. */
export function totpStep(at: Date): number {
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: at.getTime() });
}

/** The code of the step `at` falls in (tests and the e2e helper compute codes like this). */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/**
 * Checks a code typed by a person (spaces allowed) at `now`. `lastUsedStep` is the step of
 * the last code this account used; that step and older ones are refused.
 */
export function verifyTotp(
  secret: string,
  input: string,
  now: Date,
  lastUsedStep: number | null,
): TotpCheck {
  const code = input.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  const delta = totpFor(secret).validate({
    token: code,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  if (delta === null) return { ok: false, reason: "invalid" };
  const step = totpStep(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}

/** The QR code as an SVG data URI, for an <img> that works without JavaScript. */
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** Lower-case letters and digits without 0/o, 1/l/i: easy to read from a printout. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes such as `k7wp-3xmd-q9rt` (12 characters, about 59 bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const limit = 256 - (256 % RECOVERY_ALPHABET.length);
  const codes: string[] = [];
  while (codes.length < count) {
    let chars = "";
    while (chars.length < 12) {
      for (const byte of randomBytes(24)) {
        if (byte < limit) chars += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
        if (chars.length === 12) break;
      }
    }
    codes.push(`${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`);
  }
  return codes;
}

/** A typed recovery code in its stored form, or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const chars = input.toLowerCase().replace(/[\s-]+/g, "");
  if (chars.length !== 12 || ![...chars].every((c) => RECOVERY_ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
