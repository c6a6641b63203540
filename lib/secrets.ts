import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * Whether the request carries `Authorization: Bearer <secret>`. Digests are compared, not the strings: equal
 * lengths whatever was sent, so the comparison is constant-time and a header of any length or alphabet (non-ASCII
 * included) is a plain "no" rather than a RangeError. No secret configured: nobody matches.
 */
export function hasBearer(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  return timingSafeEqual(digest(request.headers.get("authorization") ?? ""), digest(`Bearer ${secret}`));
}

/** What is stored of a bearer secret (personal access tokens, reset links): its SHA-256, never the secret itself. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
