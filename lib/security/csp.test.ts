import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ALLOWED_STYLE_ATTRIBUTES,
  ALLOWED_STYLE_ELEMENTS,
  contentSecurityPolicy,
  inlineScriptHashes,
  isNonce,
  NONCE_LENGTH,
  newNonce,
  sharedPagePolicy,
} from "./csp.mjs";

const hashOf = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("newNonce", () => {
  it("is 22 base64url characters, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) {
      expect(isNonce(nonce)).toBe(true);
      expect(nonce).toHaveLength(NONCE_LENGTH);
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, and forbids framing, plugins and <base>", () => {
    const policy = contentSecurityPolicy("abcdefghijklmnopqrstuv");
    const directives = new Map(
      policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
    );
    expect(directives.get("script-src")).toBe(
      "'self' 'nonce-abcdefghijklmnopqrstuv' 'strict-dynamic'",
    );
    expect(directives.get("default-src")).toBe("'self'");
    expect(directives.get("object-src")).toBe("'none'");
    expect(directives.get("base-uri")).toBe("'self'");
    expect(directives.get("frame-ancestors")).toBe("'none'");
    expect(directives.get("form-action")).toBe("'self'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("x", { upgradeInsecureRequests: true })).toMatch(
      /; upgrade-insecure-requests$/,
    );
  });

  it("allows no inline style: no style attribute, no <style> without the nonce", () => {
    const policy = contentSecurityPolicy("abcdefghijklmnopqrstuv");
    expect(ALLOWED_STYLE_ELEMENTS).toEqual([]);
    expect(ALLOWED_STYLE_ATTRIBUTES).toEqual([]);
    expect(policy).toContain("style-src-attr 'none'");
    expect(policy).toContain("style-src 'self' 'nonce-abcdefghijklmnopqrstuv';");
  });

  it("is what Next reads its nonce from (first valid nonce of script-src)", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce);
    const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    const match = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(scriptSrc);
    expect(match?.[1]).toBe(nonce);
  });
});

describe("a page the same for every reader", () => {
  const first = "(self.__next_f=self.__next_f||[]).push([0])";
  const second = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n政协"])';
  const html =
    `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>` +
    `<script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>` +
    `<script>${first}</script><p>正文</p><script>${second}</script>` +
    `<SCRIPT>${first}</SCRIPT><script id="x"></script></body></html>`;

  it("lists each inline script's exact text by its sha256, once, and no external one", () => {
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([
      hashOf('{"@type":"NewsArticle"}'),
      hashOf(first),
      hashOf(second),
      hashOf(""),
    ]);
    expect(inlineScriptHashes("<p>no scripts</p>")).toEqual([]);
  });

  it("allows those scripts and the site's own files, no nonce, nothing inline otherwise", () => {
    const hashes = inlineScriptHashes(html);
    const policy = sharedPagePolicy(hashes);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' ${hashes.join(" ")}`);
    expect(policy).not.toMatch(/nonce|unsafe-inline|unsafe-eval|strict-dynamic/);
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("style-src-attr 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(sharedPagePolicy([], { upgradeInsecureRequests: true })).toMatch(
      /script-src 'self'; .*upgrade-insecure-requests$/,
    );
  });
});
