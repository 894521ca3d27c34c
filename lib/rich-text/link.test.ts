import { describe, expect, it } from "vitest";
import { richTextMessages } from "../messages/rich-text";
import { checkLinkHref } from "./link";
import { sanitizeRichText } from "./sanitize";

describe("checkLinkHref (the editor's link dialog)", () => {
  it.each([
    "https://www.example.gov.cn/zx",
    "http://example.com",
    "mailto:zx@example.gov.cn",
    "tel:0571-88888888",
    "tel:+8613800000000",
    "/news/abc",
    "/cases/3#outcome",
  ])("accepts %s, and the server's allowlist keeps it", (href) => {
    expect(checkLinkHref(` ${href} `)).toEqual({ ok: true, href });
    expect(sanitizeRichText(`<p><a href="${href}">x</a></p>`)).toBe(
      `<p><a href="${href}">x</a></p>`,
    );
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b>x</b>",
    "//evil.example.com",
    "/\\evil.example.com",
    "www.example.gov.cn",
    "ftp://example.com",
    "https://",
    "mailto:nobody",
    "tel:abc",
    "news/abc",
  ])("refuses %s with a Chinese message", (href) => {
    expect(checkLinkHref(href)).toEqual({ ok: false, message: richTextMessages.linkInvalid });
  });

  it("an empty address removes the link", () => {
    expect(checkLinkHref("  ")).toEqual({ ok: true, href: "" });
  });
});
