import { describe, expect, it } from "vitest";
import { generateInvitationToken, invitationTokenHash, invitationUrl } from "./invitation";

describe("invitation tokens", () => {
  it("are 256-bit, stored only as their hash, and checked for shape", () => {
    const { token, tokenHash } = generateInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(invitationTokenHash(token)).toBe(tokenHash);
    expect(invitationTokenHash(`${token}x`)).toBeNull();
    expect(invitationTokenHash("../../etc/passwd")).toBeNull();
    expect(invitationUrl("https://zx.example.cn", token)).toBe(
      `https://zx.example.cn/invite/${token}`,
    );
  });
});
