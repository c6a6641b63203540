import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { Receiver } from "@upstash/qstash";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * Compares digests, not the strings: equal lengths whatever was sent, so the comparison is constant-time and a
 * header of any length or alphabet (non-ASCII included) is a plain "no" rather than a RangeError.
 */
function hasCronSecret(request: Request): boolean {
  const secret = env().CRON_SECRET;
  if (!secret) return false;
  return timingSafeEqual(digest(request.headers.get("authorization") ?? ""), digest(`Bearer ${secret}`));
}

/** The path the signed message was addressed to (`sub`); read only after the signature has been verified. */
function signedPath(signature: string): string | null {
  const claims = JSON.parse(Buffer.from(signature.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    sub?: unknown;
  };
  return typeof claims.sub === "string" && URL.canParse(claims.sub) ? new URL(claims.sub).pathname : null;
}

/**
 * An Upstash QStash delivery: the JWT in `Upstash-Signature`, verified with the current or next signing key, covers
 * the body and names the URL it was sent to. Only the path is compared, since the host the app sees behind a proxy
 * need not be the public one.
 */
async function isSignedByQStash(request: Request): Promise<boolean> {
  const { QSTASH_CURRENT_SIGNING_KEY: currentSigningKey, QSTASH_NEXT_SIGNING_KEY: nextSigningKey } = env();
  const signature = request.headers.get("upstash-signature");
  if (!currentSigningKey || !nextSigningKey || !signature) return false;
  const receiver = new Receiver({ currentSigningKey, nextSigningKey, devMode: false });
  try {
    await receiver.verify({ signature, body: await request.text() });
    return signedPath(signature) === new URL(request.url).pathname;
  } catch {
    return false;
  }
}

/** Lets a scheduler in: Vercel Cron (or any caller) with `Authorization: Bearer $CRON_SECRET`, or QStash. */
export async function authoriseCron(request: Request): Promise<void> {
  if (hasCronSecret(request) || (await isSignedByQStash(request))) return;
  throw new AppError("UNAUTHENTICATED", "Missing or wrong cron secret or QStash signature");
}
