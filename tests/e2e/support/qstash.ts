// Upstash QStash deliveries, signed here the way QStash signs them: an HS256 JWT in `Upstash-Signature` with
// iss "Upstash", sub = the destination URL and body = base64url(SHA-256 of the body).
import { createHash, createHmac, randomUUID } from "node:crypto";

/** Must match QSTASH_*_SIGNING_KEY in playwright.config.ts (webServer.env). */
export const QSTASH_CURRENT_SIGNING_KEY = "sig_e2eCurrentSigningKey0123456789";
export const QSTASH_NEXT_SIGNING_KEY = "sig_e2eNextSigningKey0123456789";

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

export function qstashSignature(options: {
  url: string;
  body?: string;
  key?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = base64url(
    JSON.stringify({
      iss: "Upstash",
      sub: options.url,
      iat: now,
      nbf: now,
      exp: now + (options.expiresIn ?? 300),
      jti: randomUUID(),
      body: base64url(
        createHash("sha256")
          .update(options.body ?? "")
          .digest(),
      ),
    }),
  );
  const signature = createHmac("sha256", options.key ?? QSTASH_CURRENT_SIGNING_KEY)
    .update(`${header}.${claims}`)
    .digest();
  return `${header}.${claims}.${base64url(signature)}`;
}
