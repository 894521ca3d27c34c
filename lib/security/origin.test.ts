import { describe, expect, it } from "vitest";
import {
  CROSS_ORIGIN_MESSAGE,
  crossOriginRefusal,
  isSameOriginRequest,
  ORIGIN_HEADER,
  originOf,
  siteOrigins,
} from "./origin";

const SITE = "https://lvzhi.example.gov.cn";

const headers = (values: Record<string, string>) => new Headers(values);

describe("originOf", () => {
  it("normalises scheme, host and default port", () => {
    expect(originOf("HTTPS://Lvzhi.Example.gov.cn:443/news?x=1")).toBe(SITE);
    expect(originOf("http://127.0.0.1:3210/")).toBe("http://127.0.0.1:3210");
  });
  it("refuses what is not an http(s) URL", () => {
    expect(originOf("null")).toBeNull();
    expect(originOf("")).toBeNull();
    expect(originOf("file:///etc/passwd")).toBeNull();
    expect(originOf("javascript:alert(1)")).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });
});

describe("isSameOriginRequest", () => {
  it("accepts a post whose Origin is SITE_URL", () => {
    expect(isSameOriginRequest(headers({ origin: SITE }), SITE)).toBe(true);
  });

  it("accepts the address server.mjs saw the request made to (behind a proxy, another port)", () => {
    const h = headers({ origin: "http://10.0.0.5:3000", [ORIGIN_HEADER]: "http://10.0.0.5:3000" });
    expect(isSameOriginRequest(h, SITE)).toBe(true);
  });

  it("refuses another site, a sibling subdomain, another scheme or port", () => {
    for (const origin of [
      "https://evil.example",
      "https://evil.lvzhi.example.gov.cn",
      "http://lvzhi.example.gov.cn",
      "https://lvzhi.example.gov.cn:8443",
      "https://lvzhi.example.gov.cn.evil.example",
    ]) {
      expect(
        isSameOriginRequest(headers({ origin, [ORIGIN_HEADER]: SITE, host: "x" }), SITE),
        origin,
      ).toBe(false);
    }
  });

  it("refuses Origin: null and garbage", () => {
    expect(isSameOriginRequest(headers({ origin: "null" }), SITE)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "not a url" }), SITE)).toBe(false);
  });

  it("falls back to the Referer only when there is no Origin", () => {
    expect(isSameOriginRequest(headers({ referer: `${SITE}/news/abc` }), SITE)).toBe(true);
    expect(isSameOriginRequest(headers({ referer: "https://evil.example/x" }), SITE)).toBe(false);
    // Origin wins: a same-site Referer does not rescue a foreign Origin.
    expect(
      isSameOriginRequest(
        headers({ origin: "https://evil.example", referer: `${SITE}/news` }),
        SITE,
      ),
    ).toBe(false);
  });

  it("lets through a request with neither header (no browser sends a POST like that)", () => {
    expect(isSameOriginRequest(headers({}), SITE)).toBe(true);
  });

  it("does not believe a Host header when server.mjs has said where the request went", () => {
    const h = headers({
      origin: "https://evil.example",
      host: "evil.example",
      [ORIGIN_HEADER]: SITE,
    });
    expect(isSameOriginRequest(h, SITE)).toBe(false);
  });

  it("without server.mjs (next dev) compares with the Host header", () => {
    const h = headers({ origin: "http://localhost:3000", host: "localhost:3000" });
    expect(isSameOriginRequest(h, SITE)).toBe(true);
    expect(siteOrigins(h, SITE)).toEqual(
      new Set([SITE, "http://localhost:3000", "https://localhost:3000"]),
    );
  });
});

describe("crossOriginRefusal", () => {
  it("answers 403 in Chinese for another site, null otherwise", async () => {
    const evil = new Request(`${SITE}/logout`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    const refused = crossOriginRefusal(evil, SITE);
    expect(refused?.status).toBe(403);
    expect(await refused?.text()).toBe(CROSS_ORIGIN_MESSAGE);
    expect(refused?.headers.get("content-type")).toContain("text/plain");

    const ours = new Request(`${SITE}/logout`, { method: "POST", headers: { origin: SITE } });
    expect(crossOriginRefusal(ours, SITE)).toBeNull();
  });
});
