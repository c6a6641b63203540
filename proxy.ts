import { NextResponse, type NextRequest } from "next/server";
import { configuredOAuthProviders, env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";
import { contentSecurityPolicy, OAUTH_FORM_ORIGINS, PRERENDERED_PAGES, WASM_PAGES } from "@/lib/security/csp";
import { isSameOrigin } from "@/lib/security/origin";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every page request: a Content-Security-Policy (with a fresh nonce that Next puts on its scripts when the page is
 * rendered per request), HSTS over HTTPS, and a refusal of cross-site writes. A write to a page is a Server Action;
 * Next's own check compares Origin with X-Forwarded-Host, which any client can send, so the origin is checked here
 * against the configured public URL first. Each request gets its id (a sane incoming `x-request-id` or a new one),
 * passed on to the page or Server Action (onRequestError logs it) and returned in the answer.
 *
 * Not run (config.matcher) for a signed-in Hunter's Server Action sent by a browser from one of the app's own pages
 * (Sec-Fetch-Site: same-origin, which no page can write): a dashboard tap. Running this proxy before a Server Action
 * costs Next a copy of the request's body and a second pass of its request handling, about 0.6 ms of CPU, a seventh
 * of the tap (#16). Such an answer is React's data, not a document: no policy governs it; the action checks the
 * origin itself (lib/api/action.ts refuseCrossSiteAction, for every Server Action) and logs under an id of its own,
 * which the answer does not echo. Anything else (a replay without the browser's header, a signed-out form, a page)
 * comes through here.
 */
export function proxy(request: NextRequest) {
  const e = env();
  const requestId = requestIdFrom(request.headers);
  if (!READS.has(request.method) && !isSameOrigin(request.headers, e.NEXTAUTH_URL)) {
    return NextResponse.json(
      { error: { code: "FORBIDDEN", message: "Cross-site requests are refused" } },
      { status: 403, headers: { "Cache-Control": "no-store", [REQUEST_ID_HEADER]: requestId } },
    );
  }
  const https = (e.NEXTAUTH_URL ? new URL(e.NEXTAUTH_URL).protocol : request.nextUrl.protocol) === "https:";
  const nonce = PRERENDERED_PAGES.has(request.nextUrl.pathname) ? undefined : btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({
    nonce,
    formOrigins: configuredOAuthProviders(e).map((id) => OAUTH_FORM_ORIGINS[id]),
    https,
    dev: e.NODE_ENV === "development",
    wasm: WASM_PAGES.has(request.nextUrl.pathname),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Next reads the nonce from the request's policy while rendering.
  if (nonce) requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

// Pages only: API routes answer JSON (and check their own writes), static files carry no markup. The proxy runs when
// any entry matches: a request that is not a Server Action, one the browser did not send from the app's own page, or
// one without a session cookie (under either of next-auth's names). Next reads these values at build time: literals
// only.
export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/|sw.js|swe-worker|manifest.webmanifest).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/|sw.js|swe-worker|manifest.webmanifest).*)",
      missing: [{ type: "header", key: "sec-fetch-site", value: "same-origin" }],
    },
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/|sw.js|swe-worker|manifest.webmanifest).*)",
      missing: [
        { type: "cookie", key: "next-auth.session-token" },
        { type: "cookie", key: "__Secure-next-auth.session-token" },
      ],
    },
  ],
};
