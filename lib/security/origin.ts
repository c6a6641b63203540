/**
 * Whether a browser request came from the app's own pages (CSRF, docs/security.md). The Origin header decides when
 * present; without one, only Sec-Fetch-Site: same-origin passes. The app's origin is the configured public URL,
 * or else the Host header — never X-Forwarded-Host, which a client can write.
 */
export function isSameOrigin(headers: Headers, appUrl: string | undefined): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === "same-origin";
  try {
    const from = new URL(origin);
    return appUrl ? from.origin === new URL(appUrl).origin : from.host === headers.get("host");
  } catch {
    // "null" (sandboxed frames, some redirects) and anything else that is not a URL.
    return false;
  }
}

/** Whether the body is declared JSON (`application/json`, with or without parameters). */
export function isJsonContentType(headers: Headers): boolean {
  return /^application\/json\s*(;|$)/i.test(headers.get("content-type") ?? "");
}
