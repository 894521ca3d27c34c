import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  ALLOWED_STYLE_ATTRIBUTES,
  ALLOWED_STYLE_ELEMENTS,
  contentSecurityPolicy,
  crc32,
  fillTemplate,
  gzipTemplate,
  isNonce,
  NONCE_LENGTH,
  newNonce,
  nonceTemplate,
} from "./csp.mjs";

/** What Next renders: scripts carrying the nonce, the nonce in the RSC payload too. */
function page(nonce: string, filler = 200): Buffer {
  const text = Array.from(
    { length: filler },
    (_, i) => `<p class="text-ink">第${i}段 新闻 ${i * 7}</p>`,
  );
  return Buffer.from(
    `<!DOCTYPE html><html lang="zh-CN"><head><script src="/_next/a.js" async="" nonce="${nonce}"></script>` +
      `<script src="/_next/b.js" async="" nonce="${nonce}"></script></head><body>${text.join("")}` +
      `<script nonce="${nonce}">self.__next_f.push([1,"nonce:${nonce}"])</script>${text.join("")}` +
      `<script nonce="${nonce}">self.__next_f.push([1,"end"])</script></body></html>`,
  );
}

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

describe("nonce templates", () => {
  it("finds no slot in a body without the nonce", () => {
    expect(nonceTemplate(Buffer.from("<rss>…</rss>"), newNonce())).toBeNull();
  });

  it("serves the page with a new nonce in every place the old one was", () => {
    const old = newNonce();
    const body = page(old);
    const template = nonceTemplate(body, old);
    expect(template?.offsets).toHaveLength(5);
    if (!template) return;
    expect(template.skeleton.includes(old)).toBe(false);
    for (let i = 0; i < 5; i++) {
      const nonce = newNonce();
      const served = fillTemplate(template, nonce);
      expect(served.equals(page(nonce))).toBe(true);
    }
  });

  it("makes a gzip copy that decompresses to the page with each new nonce, as small as plain gzip", () => {
    const old = newNonce();
    const body = page(old);
    const template = nonceTemplate(body, old);
    if (!template) throw new Error("no template");
    const gzipped = gzipTemplate(template);
    if (!gzipped) throw new Error("no gzip template");
    expect(gzipped.skeleton.length).toBeLessThan(gzipSync(body).length * 1.1 + 200);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const nonce = newNonce();
      const served = fillTemplate(gzipped, nonce);
      seen.add(served.toString("base64"));
      // gunzip checks the CRC-32 and length in the trailer.
      expect(gunzipSync(served).equals(page(nonce))).toBe(true);
    }
    expect(seen.size).toBe(20);
  });

  it("splices correctly where the page is longer than the deflate window and nonces are adjacent", () => {
    const old = newNonce();
    const big = Buffer.concat([
      page(old, 2000),
      Buffer.from(`${old}${old}x${old}`),
      page(old, 10),
      Buffer.from(old),
    ]);
    const template = nonceTemplate(big, old);
    if (!template) throw new Error("no template");
    const gzipped = gzipTemplate(template);
    if (!gzipped) throw new Error("no gzip template");
    const nonce = newNonce();
    const expected = Buffer.from(big.toString("latin1").replaceAll(old, nonce), "latin1");
    expect(gunzipSync(fillTemplate(gzipped, nonce)).equals(expected)).toBe(true);
    expect(fillTemplate(template, nonce).equals(expected)).toBe(true);
  });

  it("declines a gzip copy of a body with NUL bytes (the zeroed slots must be unambiguous)", () => {
    const old = newNonce();
    const template = nonceTemplate(Buffer.from(`a\u0000b<script nonce="${old}">`), old);
    if (!template) throw new Error("no template");
    expect(gzipTemplate(template)).toBeNull();
  });
});

describe("crc32", () => {
  it("is the gzip CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("456789"), crc32(Buffer.from("123")))).toBe(0xcbf43926);
  });
});
