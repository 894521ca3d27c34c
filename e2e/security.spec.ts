import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { APIResponse, Page } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "./auth-helpers";
import { expect, test } from "./fixtures";

/**
 * Production readiness, security: the headers of every response, a strict
 * Content-Security-Policy (by hash on the anonymous public pages, which are the same bytes
 * for every reader and may be kept by a proxy; a fresh nonce on every other response), pages
 * that work under it without a single violation, and state-changing route handlers that
 * refuse posts from other sites.
 *
 * Every spec also fails on any CSP violation its pages report (e2e/fixtures.ts).
 */

const EVIL = "https://evil.example";
const ARTICLE = "/news/2026-05-ai-biomed-visit";

function nonceOf(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  const nonce = /'nonce-([A-Za-z0-9_-]+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `a nonce in script-src: ${policy}`).toBeTruthy();
  return nonce ?? "";
}

/** Every <script> tag of the HTML, with whether it carries `nonce`. */
function scriptsOf(html: string): string[] {
  return html.match(/<script\b[^>]*>/g) ?? [];
}

const SHARED_SCRIPT_SRC = /script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+(;|$)/;

/**
 * An anonymous public page: no nonce anywhere, and the policy lists the sha256 of each
 * inline script exactly (so they run, and nothing else inline does). Returns its policy.
 */
function expectScriptsAllowedByHash(response: APIResponse, html: string, what: string) {
  const policy = response.headers()["content-security-policy"] ?? "";
  expect(policy, what).toMatch(SHARED_SCRIPT_SRC);
  expect(policy, what).not.toMatch(/nonce|unsafe-inline|unsafe-eval/);
  expect(
    scriptsOf(html).filter((tag) => tag.includes("nonce")),
    what,
  ).toEqual([]);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc=/.test(m[1] ?? ""))
    .map(
      (m) =>
        `'sha256-${createHash("sha256")
          .update(m[2] ?? "")
          .digest("base64")}'`,
    );
  expect(inline.length, `${what}: has inline scripts`).toBeGreaterThan(0);
  const listed = /script-src 'self' ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
  expect(new Set(listed), what).toEqual(new Set(inline));
  return policy;
}

async function expectScriptsCarryNonce(response: APIResponse, what: string) {
  expect(response.status(), what).toBe(200);
  const nonce = nonceOf(response);
  const scripts = scriptsOf(await response.text());
  expect(scripts.length, `${what}: has scripts`).toBeGreaterThan(2);
  const without = scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`));
  expect(without, `${what}: scripts without this response's nonce`).toEqual([]);
  return nonce;
}

test.describe("security headers", () => {
  test("every page carries the security headers, cached or not", async ({ request }) => {
    for (const path of ["/", "/", "/login"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"]).toContain("max-age=");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["permissions-policy"]).toContain("geolocation=()");
      const policy = headers["content-security-policy"] ?? "";
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data: blob:",
        "connect-src 'self' blob:",
      ]) {
        expect(policy).toContain(directive);
      }
      if (path === "/") expect(policy).toMatch(SHARED_SCRIPT_SRC);
      else
        expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{22}' 'strict-dynamic'(;|$)/);
      expect(policy).not.toContain("unsafe-inline");
      expect(policy).not.toContain("unsafe-eval");
      // The test server speaks plain HTTP: upgrading would break every subresource.
      expect(policy).not.toContain("upgrade-insecure-requests");
    }
  });

  test("an anonymous page is the same bytes for every reader, public, its scripts allowed by hash", async ({
    request,
  }) => {
    // A page address no one has asked for yet: the first answer renders, the next come from the cache.
    const path = `/news?csp=${randomUUID()}`;
    const bodies = new Set<string>();
    const policies = new Set<string>();
    const etags = new Set<string>();
    const caches: string[] = [];
    // Different readers: no cookie, a form's CSRF cookie, elder mode explicitly off.
    const readers = ["", "authjs.csrf-token=abc", "lvzhi_elder=0", ""];
    for (const [i, encoding] of ["gzip", "identity", "gzip", "identity"].entries()) {
      const response = await request.get(path, {
        headers: { "accept-encoding": encoding, cookie: readers[i] ?? "" },
      });
      expect(response.status()).toBe(200);
      const headers = response.headers();
      caches.push(headers["x-page-cache"] ?? "");
      expect(headers["content-encoding"]).toBe(encoding === "gzip" ? "gzip" : undefined);
      // Kept by proxies and CDNs for a while; browsers revalidate by ETag.
      expect(headers["cache-control"]).toMatch(
        /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
      );
      expect(headers.etag).toMatch(/^"[^"]+"$/);
      expect(headers.vary).toBe("Accept-Encoding");
      const html = await response.text();
      bodies.add(html);
      policies.add(expectScriptsAllowedByHash(response, html, `${path} (${encoding})`));
      if (encoding === "identity") etags.add(headers.etag ?? "");
    }
    expect(caches).toEqual(["miss", "hit", "hit", "hit"]);
    expect(bodies.size).toBe(1);
    expect(policies.size).toBe(1);
    expect(etags.size).toBe(1);

    const [etag] = [...etags];
    const again = await request.get(path, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status()).toBe(304);
    expect(again.headers()["x-content-type-options"]).toBe("nosniff");

    // The other public pages too, rendered and then from the cache.
    for (const page of ["/", ARTICLE, "/events?month=2026-05"]) {
      for (let i = 0; i < 2; i++) {
        const response = await request.get(page);
        expectScriptsAllowedByHash(response, await response.text(), page);
      }
    }
  });

  test("a signed-in reader still gets a private page with a fresh nonce", async ({ page }) => {
    await signInAs(page, "member2", { next: "/member" });
    for (const path of ["/news", "/news", ARTICLE]) {
      const response = await page.request.get(path);
      await expectScriptsCarryNonce(response, `${path} (signed in)`);
      expect(response.headers()["cache-control"]).toMatch(/private|no-store/);
      expect(response.headers()["cache-control"]).not.toContain("public");
      expect(response.headers()["x-page-cache"]).toBeUndefined();
    }
  });

  test("an encoded or repeated elder cookie cannot put an elder page in everyone's cache", async ({
    request,
  }) => {
    const elderHtml = /<html[^>]*class="[^"]*\belder\b/;
    // Next decodes cookie values: `%31` is "1", so these requests get the elder page…
    for (const cookie of ["lvzhi_elder=%31", "lvzhi_elder=0; lvzhi_elder=1"]) {
      const path = `/news?poison=${randomUUID()}`;
      for (let i = 0; i < 2; i += 1) {
        const elder = await request.get(path, { headers: { cookie } });
        expect(await elder.text(), cookie).toMatch(elderHtml);
        // A proxy keyed on the raw cookie would file it under the standard page: never shared.
        expect(elder.headers()["cache-control"], cookie).not.toContain("public");
      }
      // …and a reader without the cookie still gets the standard page, from the cache or not.
      for (let i = 0; i < 2; i += 1) {
        const plain = await request.get(path, { headers: { cookie: "" } });
        expect(await plain.text(), `${cookie}, then none`).not.toMatch(elderHtml);
      }
    }
  });

  test("every script of the login and staff pages carries the response's nonce", async ({
    page,
    request,
  }) => {
    for (const path of ["/login"]) {
      const first = await expectScriptsCarryNonce(await request.get(path), path);
      const second = await expectScriptsCarryNonce(await request.get(path), path);
      expect(second, `${path}: a new nonce each time`).not.toBe(first);
    }
    await signInAs(page, "editor", { next: "/admin/news" });
    for (const path of ["/admin", "/admin/news"]) {
      await expectScriptsCarryNonce(await page.request.get(path), path);
    }
  });
});

test.describe("the pages under the policy", () => {
  /** Next's client runtime ran (so its scripts were allowed): hydration sets window.next. */
  async function expectScriptsRan(page: Page) {
    await expect
      .poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next), {
        message: `Next's scripts ran on ${page.url()}`,
      })
      .toBe("object");
  }

  test("a visitor browses, switches elder mode, logs in and writes a note without a CSP violation", async ({
    page,
    cspViolations,
  }) => {
    for (const path of [
      "/",
      "/news",
      ARTICLE,
      "/events?month=2026-05",
      "/sectors",
      "/studios",
      "/search?q=调研",
      "/stats",
      "/",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectScriptsRan(page);
    }
    // The home page again, now from the page cache (the same bytes, scripts allowed by hash).
    await page.reload();
    await expectScriptsRan(page);
    // A client-side navigation loads more chunks (the site's own files: 'self').
    await page
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: "新闻" })
      .click();
    await expect(page).toHaveURL(/\/news$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "适老模式" }).click();
    await expect(page.locator("html")).toHaveClass(/elder/);
    await expectScriptsRan(page);
    await page.getByRole("button", { name: "标准模式" }).click();
    await expect(page.locator("html")).not.toHaveClass(/elder/);

    await signInAs(page, "member2", { next: "/member/notes/new" });
    await expectScriptsRan(page);
    await page.getByLabel(/^标题/).fill(`夜间路灯损坏情况 ${randomUUID().slice(0, 8)}`);
    // Autosave is a client component calling a server action.
    await expect(page.getByText(/草稿已于 \d\d:\d\d 自动保存/)).toBeVisible();
    await page.goto("/member");
    await expectScriptsRan(page);
    await page.goto("/member/duty");
    await expectScriptsRan(page);
    expect(cspViolations).toEqual([]);
  });

  test("a page from the shared cache runs its scripts: the phone menu closes with Escape", async ({
    page,
    request,
    cspViolations,
  }) => {
    const path = `/?menu=${randomUUID()}`;
    await request.get(path); // rendered and kept
    await page.setViewportSize({ width: 390, height: 844 });
    const response = await page.goto(path);
    expect(response?.headers()["x-page-cache"]).toBe("hit");
    expect(response?.headers()["cache-control"]).toContain("public");
    await expectScriptsRan(page);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.locator("summary").click();
    await expect(nav.locator("details")).toHaveAttribute("open", "");
    await page.keyboard.press("Escape");
    await expect(nav.locator("details")).not.toHaveAttribute("open", "");
    expect(cspViolations).toEqual([]);
  });

  test.describe("a script slipped into a page", () => {
    test.use({ failOnCspViolations: false });

    test("does not run without a nonce or a listed hash, and the browser reports it", async ({
      page,
      cspViolations,
    }) => {
      await page.route(
        (url) => url.pathname === "/",
        async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(
            "</body>",
            "<script>window.__injected = true</script></body>",
          );
          await route.fulfill({ response, body: html });
        },
      );
      await page.goto("/");
      await expect
        .poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next))
        .toBe("object");
      expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBe(
        undefined,
      );
      await expect.poll(() => cspViolations.join("\n")).toContain("script-src");
    });
  });
});

test.describe("state-changing route handlers refuse other sites", () => {
  const form = (fields: Record<string, string>) => ({ multipart: fields, maxRedirects: 0 });

  test("the elder-mode switch", async ({ request, baseURL }) => {
    const forged: Record<string, string>[] = [
      { origin: EVIL },
      { referer: `${EVIL}/page` },
      { origin: "null" },
    ];
    for (const headers of forged) {
      const refused = await request.post("/preferences/elder", {
        ...form({ mode: "on" }),
        headers,
      });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect(await refused.text()).toContain("请求无效");
      expect(refused.headers()["set-cookie"]).toBeUndefined();
    }
    const home = await request.get("/");
    expect(await home.text()).not.toContain('class="elder"');

    const accepted = await request.post("/preferences/elder", {
      ...form({ mode: "on" }),
      headers: { origin: baseURL ?? "", referer: `${baseURL}/news` },
    });
    expect(accepted.status()).toBe(303);
    expect(accepted.headers()["set-cookie"]).toContain("lvzhi_elder=1");
    const off = await request.post("/preferences/elder", {
      ...form({ mode: "off" }),
      headers: { referer: `${baseURL}/news` },
    });
    expect(off.status()).toBe(303);
  });

  test("logout, photo upload and the staff exports", async ({ page, baseURL }) => {
    // Exports refuse before even looking at the session.
    for (const path of ["/admin/audit/export", "/admin/registrations/1/export"]) {
      const refused = await page.request.post(path, { ...form({}), headers: { origin: EVIL } });
      expect(refused.status(), path).toBe(403);
    }

    await signInAs(page, "member1", { next: "/member/notes" });
    const notes = page.getByRole("main").getByRole("link");
    const before = await notes.count();

    const refusedLogout = await page.request.post("/logout", {
      ...form({}),
      headers: { origin: EVIL },
    });
    expect(refusedLogout.status()).toBe(403);
    expect(await refusedLogout.text()).toContain("请求无效");

    // A photo from another site, for a draft that does not exist yet: refused, nothing stored.
    const jpeg = await sharp({
      create: { width: 64, height: 48, channels: 3, background: "#9a121a" },
    })
      .jpeg()
      .toBuffer();
    const upload = (origin: string, clientId: string) =>
      page.request.post(`/member/photos?clientId=${clientId}`, {
        data: jpeg,
        headers: {
          origin,
          "content-type": "application/octet-stream",
          "x-lvzhi-upload": "1",
        },
        maxRedirects: 0,
      });
    const refusedPhoto = await upload(EVIL, randomUUID());
    expect(refusedPhoto.status()).toBe(403);
    expect((await refusedPhoto.json()).ok).toBe(false);

    // Still signed in, and no draft appeared.
    await page.goto("/member/notes");
    await expect(page).toHaveURL(/\/member\/notes$/);
    await expect(notes).toHaveCount(before);

    // The same posts from our own pages work.
    const stored = await upload(baseURL ?? "", randomUUID());
    expect(stored.status()).toBe(201);
    expect((await stored.json()).ok).toBe(true);
    const loggedOut = await page.request.post("/logout", {
      ...form({}),
      headers: { origin: baseURL ?? "" },
    });
    expect(loggedOut.status()).toBe(303);
    await page.goto("/member");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("request bodies are limited by route (server.mjs, before Next reads them)", () => {
  const TOO_LARGE = "提交的内容过大";
  /** A server action's post: Next would read the whole body before looking at the action id. */
  const actionPost = (size: number) => ({
    data: Buffer.alloc(size, 0x61),
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    maxRedirects: 0,
  });

  test("a 1 MB server-action post to the login page is refused at once, and the server answers on", async ({
    request,
  }) => {
    const started = Date.now();
    const refused = await request.post("/login", actionPost(1024 * 1024));
    expect(refused.status()).toBe(413);
    expect(Date.now() - started, "answered without reading the body").toBeLessThan(3_000);
    expect(refused.headers()["content-type"]).toContain("text/html");
    expect(refused.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await refused.text()).toContain(TOO_LARGE);
    // Public forms too; and the upload routes take nothing large from someone signed out.
    for (const path of ["/opinions", "/member/notes/new", "/member/photos", "/admin/news/new"]) {
      const response = await request.post(path, actionPost(200 * 1024));
      expect(response.status(), path).toBe(413);
    }
    const after = await request.get("/login");
    expect(after.status()).toBe(200);
  });

  test("a chunked body (no Content-Length) is counted and cut off at the limit", async ({
    baseURL,
    request,
  }) => {
    const answer = await postChunked(new URL("/login", baseURL), 20 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(TOO_LARGE);
    expect((await request.get("/")).status()).toBe(200);
  });

  test("a signed-in member still uploads a photo of a megabyte and more", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "member1", { next: "/member/notes" });
    // Noise does not compress: a JPEG well over any form's limit, under the photo's 15 MB.
    const jpeg = await sharp(randomBytes(1200 * 1200 * 3), {
      raw: { width: 1200, height: 1200, channels: 3 },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(jpeg.length).toBeGreaterThan(1024 * 1024);
    const stored = await page.request.post(`/member/photos?clientId=${randomUUID()}`, {
      data: jpeg,
      headers: {
        origin: baseURL ?? "",
        "content-type": "application/octet-stream",
        "x-lvzhi-upload": "1",
      },
      maxRedirects: 0,
    });
    expect(stored.status()).toBe(201);
    expect((await stored.json()).ok).toBe(true);
  });
});

test("a NUL typed into the login form gets a clear message, not a server error", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill("admin\u0000");
  await page.getByLabel("密码", { exact: true }).fill("whatever\u0000");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(
    page.getByRole("main").getByText("内容含有无法识别的控制字符，请删除后重试").first(),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

/**
 * Posts `total` bytes to `url` as a chunked body, the way a client streaming an upload
 * would, and stops sending once the server has answered.
 */
function postChunked(url: URL, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      url,
      {
        method: "POST",
        headers: {
          "next-action": "0".repeat(42),
          "content-type": "text/plain;charset=UTF-8",
          "transfer-encoding": "chunked",
        },
      },
      (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server closes the connection after its answer: a write cut short is expected.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}
