/// <reference lib="webworker" />
// The service worker, bundled by `serwist build` (serwist.config.js) into public/sw.js after `next build`.
// - Precaches the app shell: Next's static chunks, CSS, fonts and the prerendered pages.
// - Pages are network-first: every page seen online is kept, so the dashboard opens offline with its last
//   known state. Check-ins made offline live in IndexedDB (lib/offline/queue.ts), not here.
// - API calls are never cached: the System's figures come from the server or not at all.
// - Pushes become notifications (lib/notifications/sw-push.ts).
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type RuntimeCaching,
  type SerwistPlugin,
} from "serwist";
import { registerPushHandlers } from "@/lib/notifications/sw-push";
import { PAGES_CACHE, REFRESH_PAGE, type RefreshPageMessage } from "@/lib/offline/sw-protocol";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

/** Pages that mean no Hunter is signed in on this device (any more): the kept pages are forgotten then. */
const SIGNED_OUT_PAGES = new Set(["/sign-in", "/sign-up"]);

/** Only a page the server rendered for the signed-in Hunter is kept; redirects and errors are not. */
const onlyRenderedPages: SerwistPlugin = {
  fetchDidSucceed: async ({ request, response }) => {
    if (response.ok && SIGNED_OUT_PAGES.has(new URL(request.url).pathname)) await caches.delete(PAGES_CACHE);
    return response;
  },
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
  handlerDidError: async () => offlinePage(),
};

function offlinePage(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"
content="width=device-width,initial-scale=1"><title>Offline · The System</title><style>body{margin:0;min-height:100vh;
display:grid;place-items:center;background:#020617;color:#e2e8f0;font-family:system-ui,sans-serif;text-align:center}
p{color:#00d9ff}</style></head><body><main><h1>[SYSTEM] Connection lost</h1><p>This page has not been opened online
yet. Open the dashboard once online and it will be here offline.</p><a href="/dashboard" style="color:#e2e8f0">
Dashboard</a></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  // Next varies pages on its router headers, which a plain navigation never sends.
  matchOptions: { ignoreVary: true },
  plugins: [onlyRenderedPages, new ExpirationPlugin({ maxEntries: 16 })],
});

const runtimeCaching: RuntimeCaching[] = [
  {
    matcher: ({ request, sameOrigin, url }) =>
      sameOrigin && request.mode === "navigate" && !url.pathname.startsWith("/api/"),
    handler: pages,
  },
  {
    matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
    handler: new CacheFirst({
      cacheName: "next-static",
      plugins: [new ExpirationPlugin({ maxEntries: 128, maxAgeSeconds: 30 * 24 * 60 * 60 })],
    }),
  },
  {
    matcher: ({ sameOrigin, url }) =>
      sameOrigin && (/\.(?:png|svg|ico|woff2)$/.test(url.pathname) || url.pathname === "/manifest.webmanifest"),
    handler: new StaleWhileRevalidate({
      cacheName: "static-assets",
      plugins: [new ExpirationPlugin({ maxEntries: 32 })],
    }),
  },
];

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching,
});

// Signing out forgets the pages kept for offline use, so the next Hunter on this device never sees them.
serwist.registerCapture(
  ({ sameOrigin, url }) => sameOrigin && url.pathname === "/api/auth/signout",
  async ({ request }) => {
    await caches.delete(PAGES_CACHE);
    return fetch(request);
  },
  "POST",
);

/** After a write, the page re-renders on the server; the offline copy is refreshed to match. */
async function refreshPage(path: string, ifMissing: boolean): Promise<void> {
  const url = new URL(path, self.location.origin);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  const cache = await caches.open(PAGES_CACHE);
  if (ifMissing && (await cache.match(url.href, { ignoreVary: true }))) return;
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  const isHtml = response.headers.get("content-type")?.startsWith("text/html") ?? false;
  if (response.status !== 200 || response.redirected || !isHtml) return;
  await cache.put(url.href, response);
}

self.addEventListener("message", (event) => {
  const data = event.data as Partial<RefreshPageMessage> | null;
  if (data?.type === REFRESH_PAGE && typeof data.path === "string") {
    event.waitUntil(refreshPage(data.path, data.ifMissing === true).catch(() => undefined));
  }
});

// Reminders and other pushes: notifications, the "Check in" action, taps (lib/notifications/sw-push.ts).
registerPushHandlers(self);

serwist.addEventListeners();
