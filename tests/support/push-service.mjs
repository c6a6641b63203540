// A local Web Push service (RFC 8030 + RFC 8291 + RFC 8292) for tests: it hands out subscriptions with real P-256
// keys and auth secrets, accepts the app's POSTs, checks them as a browser vendor's service would — the VAPID JWT
// (ES256 under the `k` key, aud = this origin, exp within 24 h, sub present), Content-Encoding: aes128gcm, a TTL —
// decrypts the payload with the subscription's private key and auth secret (http_ece), and answers 201, or what a
// test asked for (410, 429 with Retry-After, a delay).
import { createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import { createServer } from "node:http";
import ece from "http_ece";

const b64 = (buffer) => Buffer.from(buffer).toString("base64url");

/** The `vapid t=<jwt>, k=<key>` Authorization header checked; returns its claims or throws why not. */
function verifyVapid(header, origin) {
  const fields = Object.fromEntries(
    /^vapid\s+(.*)$/i
      .exec(header ?? "")?.[1]
      ?.split(",")
      .map((part) => part.trim().split("=", 2)) ?? [],
  );
  if (!fields.t || !fields.k) throw new Error(`Authorization is not "vapid t=…, k=…": ${header}`);
  const [head, body, signature] = fields.t.split(".");
  const { alg, typ } = JSON.parse(Buffer.from(head, "base64url").toString("utf8"));
  if (alg !== "ES256") throw new Error(`JWT alg is ${alg}, not ES256`);
  if (typ && typ !== "JWT") throw new Error(`JWT typ is ${typ}`);
  const point = Buffer.from(fields.k, "base64url");
  if (point.length !== 65 || point[0] !== 4) throw new Error("k is not an uncompressed P-256 point");
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64(point.subarray(1, 33)), y: b64(point.subarray(33)) },
    format: "jwk",
  });
  const valid = verify(
    "sha256",
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!valid) throw new Error("JWT signature does not verify under k");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== origin) throw new Error(`aud is ${claims.aud}, not ${origin}`);
  if (!Number.isInteger(claims.exp) || claims.exp <= now || claims.exp > now + 24 * 3600) {
    throw new Error(`exp ${claims.exp} is not within the next 24 hours`);
  }
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) throw new Error("sub is missing");
  return { claims, publicKey: fields.k };
}

/**
 * Starts the service on 127.0.0.1 (port 0: any free one).
 * - subscription(): a new subscription as PushSubscription.toJSON() gives it.
 * - respond(endpoint, ...answers): the next answers for that endpoint ({status, retryAfter?, delayMs?}), then 201.
 * - messages: every accepted push, decrypted; rejected: every push that failed a check, with why.
 */
export async function startPushService({ port = 0 } = {}) {
  const subscriptions = new Map();
  const answers = new Map();
  const messages = [];
  const rejected = [];
  const requests = [];

  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      const id = new URL(request.url, origin).pathname.replace(/^\/push\//, "");
      const subscription = subscriptions.get(id);
      const answer = answers.get(id)?.shift() ?? { status: 201 };
      requests.push({ id, at: Date.now(), status: answer.status });
      const refuse = (status, reason) => {
        rejected.push({ id, reason });
        response.writeHead(status).end(reason);
      };
      if (request.method !== "POST" || !subscription) return refuse(404, "no such subscription");
      try {
        const { claims, publicKey } = verifyVapid(request.headers.authorization, origin);
        if (request.headers["content-encoding"] !== "aes128gcm") throw new Error("Content-Encoding is not aes128gcm");
        const ttl = request.headers.ttl;
        if (ttl === undefined || !/^\d+$/.test(ttl)) throw new Error(`TTL is missing or not a number: ${ttl}`);
        const topic = request.headers.topic;
        if (topic !== undefined && !/^[\w-]{1,32}$/.test(topic)) throw new Error(`Topic is invalid: ${topic}`);
        const plain = ece.decrypt(Buffer.concat(chunks), {
          version: "aes128gcm",
          privateKey: subscription.ecdh,
          authSecret: subscription.auth,
        });
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (answer.status === 201) {
          messages.push({
            endpoint: subscription.endpoint,
            ttl: Number(ttl),
            topic,
            urgency: request.headers.urgency,
            claims,
            vapidPublicKey: publicKey,
            payload: JSON.parse(plain.toString("utf8")),
          });
        }
        if (response.destroyed) return;
        const headers = answer.retryAfter === undefined ? {} : { "Retry-After": String(answer.retryAfter) };
        response.writeHead(answer.status, headers).end();
      } catch (error) {
        refuse(400, error instanceof Error ? error.message : String(error));
      }
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    messages,
    rejected,
    requests,
    subscription() {
      const id = randomBytes(12).toString("hex");
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = b64(randomBytes(16));
      const endpoint = `${origin}/push/${id}`;
      subscriptions.set(id, { ecdh, auth, endpoint });
      return { endpoint, expirationTime: null, keys: { p256dh: b64(ecdh.getPublicKey()), auth } };
    },
    respond(endpoint, ...next) {
      const id = new URL(endpoint).pathname.replace(/^\/push\//, "");
      answers.set(id, [...(answers.get(id) ?? []), ...next]);
    },
    /** Accepted pushes to one endpoint. */
    to(endpoint) {
      return messages.filter((message) => message.endpoint === endpoint);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
