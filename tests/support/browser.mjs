// Shared by Playwright, Lighthouse and the bench: how this machine's Chromium runs, and how to sign in over HTTP.

/** Where Playwright serves the app: one port per engineer's run, each with its own database. */
export const E2E_BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;

/** Debian's Chromium, with the network chatter a closed machine refuses turned off. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A signed-in browser session's cookies: next-auth's CSRF cookie, then its credentials callback. */
export async function sessionCookie(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}
