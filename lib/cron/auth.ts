import "server-only";
import { Receiver } from "@upstash/qstash";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasBearer } from "@/lib/secrets";

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
  if (hasBearer(request, env().CRON_SECRET) || (await isSignedByQStash(request))) return;
  throw new AppError("UNAUTHENTICATED", "Missing or wrong cron secret or QStash signature");
}
