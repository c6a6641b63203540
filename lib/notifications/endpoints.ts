/**
 * Which push endpoints the System will POST to. An endpoint comes from the browser, so it is user input: sending to
 * any URL would let a Hunter make the server call into its own network (SSRF). Only the browsers' push services
 * are accepted, plus origins the operator lists in PUSH_ALLOWED_ORIGINS (tests use a local push service).
 */

/** The push services of Chrome and other Chromium browsers (FCM), Firefox, Safari and Edge (WNS). */
const PUSH_SERVICE_HOSTS = ["fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com"];
const PUSH_SERVICE_SUFFIXES = [".notify.windows.com"];

/** Whether the System may send to this endpoint: https on a known push service, or an allowed origin. */
export function isAllowedEndpoint(endpoint: string, allowedOrigins: readonly string[]): boolean {
  if (!URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  if (url.username || url.password) return false;
  if (allowedOrigins.includes(url.origin)) return true;
  if (url.protocol !== "https:" || url.port !== "") return false;
  return (
    PUSH_SERVICE_HOSTS.includes(url.hostname) || PUSH_SERVICE_SUFFIXES.some((suffix) => url.hostname.endsWith(suffix))
  );
}

/** The origin of an endpoint: all a log line may say of it (the rest is a capability). */
export function endpointOrigin(endpoint: string): string {
  return URL.canParse(endpoint) ? new URL(endpoint).origin : "(invalid)";
}
