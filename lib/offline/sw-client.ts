import { REFRESH_PAGE, type RefreshPageMessage } from "@/lib/offline/sw-protocol";

export const SW_URL = "/sw.js";

/**
 * Registers the service worker once per page load. Only in production builds: the worker precaches the built
 * assets, which `next dev` does not have.
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(SW_URL, { scope: "/" }).catch((error: unknown) => {
    console.warn("[The System] Service worker registration failed", error);
  });
}

/** Keeps the offline copy of the current page in step with what the server now shows. */
export function refreshOfflineCopy({ ifMissing = false }: { ifMissing?: boolean } = {}): void {
  if (!("serviceWorker" in navigator)) return;
  const message: RefreshPageMessage = { type: REFRESH_PAGE, path: location.pathname, ifMissing };
  // `ready` rather than `controller`: the first visit is not controlled yet, but its page should be kept too.
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}
