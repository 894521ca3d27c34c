import { describe, expect, it } from "vitest";
import {
  formatSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  normaliseRecoveryCode,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from "./totp";

const at = new Date("2026-05-20T02:00:10Z");
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe("TOTP", () => {
  const secret = generateTotpSecret();

  it("makes 160-bit Base32 secrets and a URI authenticator apps read", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, "editor", "秀洲区政协履职通");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("algorithm=SHA1");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
    expect(formatSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });

  it("accepts the current code and its neighbours, not older ones", () => {
    const code = totpCode(secret, at);
    expect(verifyTotp(secret, code, at, null)).toEqual({ ok: true, step: totpStep(at) });
    expect(verifyTotp(secret, code.replace(/(\d{3})/, "$1 "), at, null).ok).toBe(true);
    expect(verifyTotp(secret, code, later(30), null).ok).toBe(true);
    expect(verifyTotp(secret, code, later(-30), null).ok).toBe(true);
    expect(verifyTotp(secret, code, later(90), null)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp(secret, "12345", at, null)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp(secret, "abcdef", at, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code whose step was already used (replay)", () => {
    const step = totpStep(at);
    const code = totpCode(secret, at);
    expect(verifyTotp(secret, code, at, step)).toEqual({ ok: false, reason: "replayed" });
    expect(verifyTotp(secret, code, at, step - 1).ok).toBe(true);
    // The next step's code still works right after.
    expect(verifyTotp(secret, totpCode(secret, later(30)), at, step)).toEqual({
      ok: true,
      step: step + 1,
    });
  });
});

describe("recovery codes", () => {
  it("makes ten distinct, readable codes and recognises them however typed", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      expect(normaliseRecoveryCode(code.toUpperCase().replaceAll("-", " "))).toBe(code);
    }
    expect(normaliseRecoveryCode("123456")).toBeNull();
    expect(normaliseRecoveryCode("abcd-efgh-ijkl")).toBeNull(); // i and l are not used
  });
});
