import { describe, expect, it } from "vitest";
import { generateInvitationToken, invitationTokenHash } from "./invitation";
import { invitationTokenFrom, invitationUrl } from "./invitation-link";

describe("invitation tokens", () => {
  it("are 256-bit, stored only as their hash, and checked for shape", () => {
    const { token, tokenHash } = generateInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(invitationTokenHash(token)).toBe(tokenHash);
    expect(invitationTokenHash(`${token}x`)).toBeNull();
    expect(invitationTokenHash("../../etc/passwd")).toBeNull();
  });

  it("travel in the link's fragment, never in its path or query (kept out of server logs)", () => {
    const { token } = generateInvitationToken();
    const link = new URL(invitationUrl("https://zx.example.cn", token));
    expect(link.toString()).toBe(`https://zx.example.cn/invite#${token}`);
    expect(link.pathname + link.search).not.toContain(token);
  });

  it("are found in what a person pastes: the link, the fragment, an older link, the token", () => {
    const { token } = generateInvitationToken();
    for (const pasted of [
      `https://zx.example.cn/invite#${token}`,
      `#${token}`,
      ` ${token} `,
      `https://zx.example.cn/invite/${token}`,
      `https://zx.example.cn/invite/${token}/`,
    ]) {
      expect(invitationTokenFrom(pasted)).toBe(token);
    }
    for (const wrong of ["", "#", "https://zx.example.cn/invite", `${token}x`, "x".repeat(5000)]) {
      expect(invitationTokenFrom(wrong)).toBeNull();
    }
  });
});
