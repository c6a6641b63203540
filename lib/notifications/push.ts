import "server-only";
import webpush from "web-push";
import { env } from "@/lib/env";
import { isAllowedEndpoint } from "@/lib/notifications/endpoints";
import type { PushPayload } from "@/lib/notifications/payload";

export type Vapid = { publicKey: string; privateKey: string; subject: string };

/** The VAPID key pair and contact, or null when this deployment has none (push is off). */
export function vapidDetails(): Vapid | null {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env();
  return publicKey && privateKey && subject ? { publicKey, privateKey, subject } : null;
}

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/** VAPID JWTs live 12 hours (push services accept up to 24) and are reused until an hour before they expire. */
const VAPID_LIFETIME_SECONDS = 12 * 3_600;
const signed = new Map<string, { authorization: string; until: number }>();

/** The `vapid t=…, k=…` header for a push service: one ES256 signature per service and key, not per push. */
function vapidAuthorization(endpoint: string, vapid: Vapid): string {
  const audience = new URL(endpoint).origin;
  const key = `${audience} ${vapid.publicKey} ${vapid.subject}`;
  const cached = signed.get(key);
  if (cached && cached.until > Date.now()) return cached.authorization;
  const expiration = Math.floor(Date.now() / 1000) + VAPID_LIFETIME_SECONDS;
  const { Authorization: authorization } = webpush.getVapidHeaders(
    audience,
    vapid.subject,
    vapid.publicKey,
    vapid.privateKey,
    "aes128gcm",
    expiration,
  ) as { Authorization: string };
  signed.set(key, { authorization, until: Date.now() + (VAPID_LIFETIME_SECONDS - 3_600) * 1000 });
  return authorization;
}

export type PushOutcome =
  /** Accepted by the push service. */
  | { outcome: "sent" }
  /** 404/410: the subscription is gone for good (or its push service is no longer allowed). */
  | { outcome: "gone"; status: number }
  /** 429, 5xx, a timeout or a network error: worth trying on a later tick, not before `retryAfterMs`. */
  | { outcome: "retry"; status: number; retryAfterMs: number }
  /** Any other answer: this push will not be accepted, the subscription may still be fine. */
  | { outcome: "failed"; status: number };

/** Retry-After in ms: seconds or an HTTP date; 0 when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

/**
 * One Web Push (RFC 8030): web-push encrypts the payload (aes128gcm) with the VAPID JWT signed for its service;
 * fetch sends it with a timeout and without following redirects, so a slow or hostile push service costs at most
 * `timeoutMs` and never leads the server anywhere else.
 */
export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  options: { vapid: Vapid; ttlSeconds: number; topic: string; urgency: webpush.Urgency; timeoutMs: number },
): Promise<PushOutcome> {
  if (!isAllowedEndpoint(target.endpoint, env().PUSH_ALLOWED_ORIGINS)) return { outcome: "gone", status: 0 };
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(payload),
    {
      headers: { Authorization: vapidAuthorization(target.endpoint, options.vapid) },
      TTL: options.ttlSeconds,
      topic: options.topic,
      urgency: options.urgency,
      contentEncoding: "aes128gcm",
    },
  );
  // fetch sets Content-Length itself from the body.
  const { "Content-Length": _length, ...headers } = request.headers as Record<string, string | number>;
  void _length;
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      body: request.body ? new Uint8Array(request.body) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel();
    const { status } = response;
    if (status >= 200 && status < 300) return { outcome: "sent" };
    if (status === 404 || status === 410) return { outcome: "gone", status };
    if (status === 429 || status >= 500) {
      return { outcome: "retry", status, retryAfterMs: retryAfterMs(response.headers.get("retry-after"), Date.now()) };
    }
    return { outcome: "failed", status };
  } catch {
    // A timeout, a refused connection, a reset: the service may answer next time.
    return { outcome: "retry", status: 0, retryAfterMs: 0 };
  }
}
