/** What the page and the service worker (lib/offline/sw.ts) say to each other. */
export const PAGES_CACHE = "pages";

export const REFRESH_PAGE = "REFRESH_PAGE";

/**
 * Asks the service worker to fetch a page again and keep it as the offline copy (with `ifMissing`, only when it
 * has none yet: a page reached by client-side navigation never passed through the worker as a document).
 */
export type RefreshPageMessage = { type: typeof REFRESH_PAGE; path: string; ifMissing?: boolean };
