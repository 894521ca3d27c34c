import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import {
  brotliOf,
  chosenEncoding,
  gzipOf,
  holdResponse,
  keptPage,
  matchesEtag,
  publicCacheControl,
  publicVariant,
  serveKept,
} from "./public-page.mjs";

describe("publicVariant", () => {
  it("is the standard page without the cookie or with 0, elder with exactly 1", () => {
    expect(publicVariant("")).toBe("std");
    expect(publicVariant("theme=x")).toBe("std");
    expect(publicVariant("lvzhi_elder=0")).toBe("std");
    expect(publicVariant("a=b; lvzhi_elder=1")).toBe("elder");
  });

  it("is private for a session or any cookie a proxy would read differently from Next", () => {
    expect(publicVariant("authjs.session-token=abc")).toBeNull();
    expect(publicVariant("__Secure-authjs.session-token=abc; lvzhi_elder=1")).toBeNull();
    // nginx's $cookie_lvzhi_elder takes the first one and does not decode; Next the last, decoded.
    expect(publicVariant("lvzhi_elder=0; lvzhi_elder=1")).toBeNull();
    expect(publicVariant("lvzhi_elder=%31")).toBeNull();
    expect(publicVariant("lvzhi%5Felder=1")).toBeNull();
    expect(publicVariant("lvzhi_elder=yes")).toBeNull();
  });
});

describe("keptPage", () => {
  const html = (elder: boolean) =>
    Buffer.from(
      `<!DOCTYPE html><html lang="zh-CN" class="${elder ? "elder" : ""}"><body>` +
        `<script>self.__next_f.push([0])</script></body></html>`,
    );
  const rendered = (over: Record<string, unknown> = {}) => ({
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      "x-powered-by": "x",
    },
    body: html(false),
    variant: "std" as const,
    ttlSeconds: 60,
    now: 1000,
    maxBytes: 1 << 20,
    ...over,
  });

  it("is shared: public with s-maxage, a strong ETag of the bytes, the script hashes", () => {
    const page = keptPage(rendered());
    expect(page).not.toBeNull();
    expect(page?.headers["cache-control"]).toBe(
      "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
    );
    expect(page?.headers["x-powered-by"]).toBeUndefined();
    expect(page?.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(page?.scriptHashes).toHaveLength(1);
    expect(page?.gzip).toBeNull();
    const gzip = page ? gzipOf(page) : Buffer.alloc(0);
    expect(gunzipSync(gzip).equals(html(false))).toBe(true);
    expect(page ? gzipOf(page) : null).toBe(gzip);
    expect(page?.expires).toBe(61_000);
    // The same bytes, the same ETag; other bytes, another.
    expect(keptPage(rendered())?.etag).toBe(page?.etag);
    expect(keptPage(rendered({ body: html(true), variant: "elder" }))?.etag).not.toBe(page?.etag);
  });

  it("is not kept when personal, failed, or rendered in the other variant", () => {
    const headers = rendered().headers;
    expect(keptPage(rendered({ status: 404 }))).toBeNull();
    expect(keptPage(rendered({ headers: { ...headers, "set-cookie": "a=b" } }))).toBeNull();
    expect(keptPage(rendered({ headers: { "content-type": "application/json" } }))).toBeNull();
    expect(keptPage(rendered({ body: html(true) }))).toBeNull();
    expect(keptPage(rendered({ variant: "elder" }))).toBeNull();
    expect(keptPage(rendered({ maxBytes: 10 }))).toBeNull();
  });

  it("keeps a feed's own caching headers", () => {
    const feed = keptPage(
      rendered({
        headers: { "content-type": "application/rss+xml", "cache-control": "public, max-age=300" },
        body: Buffer.from("<rss/>"),
      }),
    );
    expect(feed?.headers["cache-control"]).toBe("public, max-age=300");
    expect(feed?.scriptHashes).toEqual([]);
  });

  it("tells shared caches to keep nothing when the page cache is off", () => {
    expect(publicCacheControl(0)).toBe("public, no-cache");
  });
});

describe("matchesEtag", () => {
  it("matches the page or its gzip or brotli copy, weakly compared", () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc-gz", "x"', '"abc"')).toBe(true);
    expect(matchesEtag('"abc-br"', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});

describe("holdResponse", () => {
  it("holds what is written until the end, then lets the answer be whatever is decided", async () => {
    const seen: { status: number; body: string; type: unknown }[] = [];
    const server = createServer((_req, res) => {
      holdResponse(res, ({ status, headers, body }) => {
        seen.push({ status, body: body.toString(), type: headers["content-type"] });
        res.writeHead(200, { "content-type": "text/plain", "x-held": "yes" });
        res.end(`whole: ${body.toString()}`);
      });
      res.setHeader("content-type", "text/html");
      res.writeHead(201, { "x-next": "1" });
      res.write("政协");
      res.write(Buffer.from(" 委员"), () => {});
      expect(res.headersSent).toBe(false);
      res.end("。");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-held")).toBe("yes");
      expect(await response.text()).toBe("whole: 政协 委员。");
      expect(seen).toEqual([{ status: 201, body: "政协 委员。", type: "text/html" }]);
    } finally {
      server.close();
    }
  });
});

describe("chosenEncoding", () => {
  it("is brotli for a browser, gzip for a gzip-only client, the page itself for none", () => {
    expect(chosenEncoding("gzip, deflate, br")).toBe("br");
    expect(chosenEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chosenEncoding("gzip")).toBe("gzip");
    expect(chosenEncoding("GZIP;q=0.5")).toBe("gzip");
    expect(chosenEncoding(undefined)).toBeNull();
    expect(chosenEncoding("")).toBeNull();
    expect(chosenEncoding("identity")).toBeNull();
  });

  it("takes q=0 as a refusal", () => {
    expect(chosenEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chosenEncoding("gzip;q=0, br;q=0.0")).toBeNull();
  });
});

describe("serveKept", () => {
  const body = Buffer.from(
    `<!DOCTYPE html><html lang="zh-CN"><body>${"<p>政协委员履职服务。</p>".repeat(200)}` +
      `<script>self.__next_f.push([0])</script></body></html>`,
  );
  const kept = () => {
    const page = keptPage({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body,
      variant: "std",
      ttlSeconds: 60,
      now: Date.now(),
      maxBytes: 1 << 20,
    });
    if (!page) throw new Error("not kept");
    return page;
  };

  /** Raw bytes and headers, undecoded (fetch would decode them). */
  async function get(port: number, headers: Record<string, string>) {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        });
        req.on("error", reject);
        req.end();
      },
    );
  }

  it("sends brotli to a browser once it is made, gzip before, the page to anyone else", async () => {
    const page = kept();
    const server = createServer((req, res) =>
      serveKept(req, res, page, {
        upgrade: false,
        encoding: chosenEncoding(req.headers["accept-encoding"]),
        ifNoneMatch: req.headers["if-none-match"],
        state: "hit",
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const browser = { "accept-encoding": "gzip, deflate, br" };
      // The first browser gets gzip: brotli is made off the event loop meanwhile.
      const first = await get(port, browser);
      expect(first.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(first.body).equals(body)).toBe(true);
      await vi.waitFor(() => expect(page.br).not.toBeNull());

      const br = await get(port, browser);
      expect(br.status).toBe(200);
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toBe("Accept-Encoding");
      expect(br.headers["content-length"]).toBe(String(br.body.length));
      expect(br.body.length).toBeLessThan(first.body.length);
      expect(brotliDecompressSync(br.body).equals(body)).toBe(true);
      expect(br.headers.etag).toBe(`${page.etag.slice(0, -1)}-br"`);
      expect(brotliOf(page)).toBe(brotliOf(page));

      const plain = await get(port, {});
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.headers.vary).toBe("Accept-Encoding");
      expect(plain.headers.etag).toBe(page.etag);
      expect(plain.body.equals(body)).toBe(true);
      expect(String(plain.headers["content-security-policy"])).toContain("'sha256-");

      const gzipOnly = await get(port, { "accept-encoding": "gzip" });
      expect(gzipOnly.headers["content-encoding"]).toBe("gzip");

      const again = await get(port, { ...browser, "if-none-match": String(br.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.vary).toBe("Accept-Encoding");
    } finally {
      server.close();
    }
  });

  it("makes no brotli copy of a page nobody else will be served: gzip, as the client takes", async () => {
    const page = kept();
    const server = createServer((req, res) =>
      serveKept(req, res, page, {
        upgrade: false,
        encoding: chosenEncoding(req.headers["accept-encoding"]),
        ifNoneMatch: req.headers["if-none-match"],
        state: "miss",
        brotli: false,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const browser = { "accept-encoding": "gzip, deflate, br" };
      for (let i = 0; i < 2; i++) {
        const sent = await get(port, browser);
        expect(sent.headers["content-encoding"]).toBe("gzip");
        expect(sent.headers.etag).toBe(`${page.etag.slice(0, -1)}-gz"`);
        expect(gunzipSync(sent.body).equals(body)).toBe(true);
      }
      // Nothing was started on zlib's threads for it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(page.brotliStarted).toBe(false);
      expect(page.br).toBeNull();
      const plain = await get(port, {});
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.equals(body)).toBe(true);
    } finally {
      server.close();
    }
  });

  it("sends the security headers under the page's own, each once, the head built once", async () => {
    const page = kept();
    page.headers["x-content-type-options"] = "nosniff";
    const defaults = { "X-Frame-Options": "DENY", "X-Content-Type-Options": "other" };
    const server = createServer((req, res) =>
      serveKept(req, res, page, {
        upgrade: false,
        encoding: chosenEncoding(req.headers["accept-encoding"]),
        ifNoneMatch: req.headers["if-none-match"],
        state: "hit",
        defaults,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (let i = 0; i < 2; i++) {
        const { headers, body: sent } = await get(port, { "accept-encoding": "gzip" });
        expect(headers["x-frame-options"]).toBe("DENY");
        expect(headers["x-content-type-options"]).toBe("nosniff");
        expect(headers["content-length"]).toBe(String(sent.length));
        expect(gunzipSync(sent).equals(body)).toBe(true);
      }
      expect(page.heads?.size).toBe(1);
    } finally {
      server.close();
    }
  });
});
