import { describe, expect, it } from "vitest";
import { ORIGIN_HEADER } from "@/lib/security/origin";
import { outboxAuthorMismatch, outboxRequestRefusal } from "./outbox";

const SITE = "https://lvzhi.example.cn";
const headers = (values: Record<string, string>) => new Headers(values);
const ours = { origin: SITE, "sec-fetch-site": "same-origin", "x-lvzhi-outbox": "1" };

describe("outboxRequestRefusal: only our pages and worker may post a queued note", () => {
  it("accepts our page or service worker", () => {
    expect(outboxRequestRefusal(headers(ours), SITE)).toBeNull();
    // Addressed by another name of this server (server.mjs sets ORIGIN_HEADER).
    const local = {
      ...ours,
      origin: "http://127.0.0.1:3000",
      [ORIGIN_HEADER]: "http://127.0.0.1:3000",
    };
    expect(outboxRequestRefusal(headers(local), SITE)).toBeNull();
  });

  it("refuses another site, whatever it claims", () => {
    expect(outboxRequestRefusal(headers({ ...ours, "sec-fetch-site": "cross-site" }), SITE)).toBe(
      "cross_site",
    );
    expect(outboxRequestRefusal(headers({ ...ours, "sec-fetch-site": "same-site" }), SITE)).toBe(
      "cross_site",
    );
    expect(outboxRequestRefusal(headers({ ...ours, origin: "https://evil.example" }), SITE)).toBe(
      "cross_site",
    );
    expect(outboxRequestRefusal(headers({ ...ours, origin: "null" }), SITE)).toBe("cross_site");
  });

  it("refuses a plain form post (no outbox header), even from this site", () => {
    const { "x-lvzhi-outbox": _, ...form } = ours;
    expect(outboxRequestRefusal(headers(form), SITE)).toBe("cross_site");
    expect(outboxRequestRefusal(headers({ ...ours, "x-lvzhi-outbox": "yes" }), SITE)).toBe(
      "cross_site",
    );
  });
});

describe("outboxAuthorMismatch: a note queued by one member is never filed for another", () => {
  it("compares the named author with the session's member", () => {
    expect(outboxAuthorMismatch(headers({ "x-lvzhi-author": "7" }), 7)).toBe(false);
    expect(outboxAuthorMismatch(headers({ "x-lvzhi-author": "8" }), 7)).toBe(true);
    expect(outboxAuthorMismatch(headers({}), 7)).toBe(false);
  });
});
