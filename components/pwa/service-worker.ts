/// <reference lib="webworker" />
// The member app's service worker, bundled by scripts/build-sw.mjs into public/sw.js
// (next.config.js runs it before every build). Serwist routes the requests:
// - the member shell (/member, /member/notes, /member/notes/new): network first, the last
//   copy when there is no network, so the new-note form opens in a village with no signal;
// - Next's hashed static files: cache first (they never change under one name);
// - everything else (public pages, other member pages, posts): the network, untouched.
// Pages are never kept across people: signing in or out empties the member cache.
// Notes queued offline are sent on Background Sync (components/notes/offline/outbox.ts).
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
} from "serwist";
import { flushOutbox } from "@/components/notes/offline/outbox";
import { OUTBOX_SYNC_TAG } from "@/lib/notes/offline";

declare const self: ServiceWorkerGlobalScope;

const SHELL_CACHE = "lvzhi-member-shell-v1";
const STATIC_CACHE = "lvzhi-static-v1";
const MEMBER_SHELL = ["/member", "/member/notes", "/member/notes/new"];

const isShellPage = (url: URL) =>
  url.origin === self.location.origin && MEMBER_SHELL.includes(url.pathname);

/** Pages are kept under their path alone: /member/notes?status=… is the same shell. */
const byPath = {
  cacheKeyWillBeUsed: async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return `${url.origin}${url.pathname}`;
  },
};

async function clearMemberPages() {
  await caches.delete(SHELL_CACHE);
}

// Before Serwist's own fetch listener: leaving or entering an account forgets the pages.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  const signingOut = event.request.method === "POST" && url.pathname === "/logout";
  const signingIn = event.request.mode === "navigate" && url.pathname.startsWith("/login");
  if (signingOut || signingIn) event.waitUntil(clearMemberPages());
});

const serwist = new Serwist({
  precacheEntries: [],
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url }) => request.mode === "navigate" && isShellPage(url),
      handler: new NetworkFirst({
        cacheName: SHELL_CACHE,
        networkTimeoutSeconds: 8,
        matchOptions: { ignoreVary: true, ignoreSearch: true },
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), byPath],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: STATIC_CACHE,
        plugins: [
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 60 }),
        ],
      }),
    },
  ],
});
serwist.addEventListeners();

self.addEventListener("activate", (event) => {
  const ours = new Set([SHELL_CACHE, STATIC_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith("lvzhi-") && !ours.has(n)).map((n) => caches.delete(n)),
        ),
      ),
  );
});

/**
 * The member shell and what it loads, fetched now (a signed-in page asks, components/pwa):
 * the form then opens offline even if the member never opened it online on this phone.
 */
async function warmShell() {
  const shell = await caches.open(SHELL_CACHE);
  const assets = new Set<string>();
  for (const path of MEMBER_SHELL) {
    const response = await fetch(path, { credentials: "same-origin", redirect: "manual" }).catch(
      () => null,
    );
    if (response?.status !== 200 || response.type !== "basic") continue;
    const html = await response.clone().text();
    await shell.put(new URL(path, self.location.origin).href, response);
    for (const match of html.matchAll(/\/_next\/static\/[^"'\\\s<>()]+/g)) assets.add(match[0]);
  }
  const statics = await caches.open(STATIC_CACHE);
  // A few at a time: the warm-up must not crowd out what the member is doing.
  const queue = [...assets];
  const worker = async () => {
    for (let asset = queue.shift(); asset !== undefined; asset = queue.shift()) {
      if (await statics.match(asset)) continue;
      const response = await fetch(asset).catch(() => null);
      if (response?.ok) await statics.put(asset, response);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

self.addEventListener("message", (event) => {
  const kind = (event.data as { type?: string } | null)?.type;
  if (kind === "warm-member-shell") event.waitUntil(warmShell().catch(() => undefined));
  if (kind === "forget-member-pages") event.waitUntil(clearMemberPages());
  if (kind === "flush-outbox") event.waitUntil(flushOutbox().then(() => undefined));
});

type SyncEvent = ExtendableEvent & { tag: string };
self.addEventListener(
  "sync" as keyof ServiceWorkerGlobalScopeEventMap,
  ((event: SyncEvent) => {
    if (event.tag !== OUTBOX_SYNC_TAG) return;
    // A rejected promise tells the browser to try again later (no network yet).
    event.waitUntil(
      flushOutbox().then((result) => {
        if (result.offline) throw new Error("offline: the notes wait for the network");
      }),
    );
  }) as EventListener,
);
