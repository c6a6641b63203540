// The raw baseline of issue #16: a plain node:http + pg server that replays, for each request, what one action
// through the app asked of Postgres and Redis (captured from the ORM's query events and at the Upstash endpoint by
// sql-baseline.ts), with the caller's values and fresh ids where the app generated them. No framework, no ORM: what
// the database and Redis alone cost a Node process. Started by sql-baseline.ts:
//   node tests/bench/sql-server.mjs <port> <templates.json>
// and asked POST /<action> (a key of the templates file, URL-encoded) with the caller's values in x-* headers.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";

const [port, templatesPath] = process.argv.slice(2);
/** @type {Record<string, ({ query: string, params: unknown[] } | { redis: string, body: unknown[] })[]>} */
const templates = JSON.parse(readFileSync(templatesPath, "utf8"));
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
const { UPSTASH_REDIS_REST_URL: redisUrl, UPSTASH_REDIS_REST_TOKEN: redisToken, REDIS_PREFIX = "ts:" } = process.env;

/** A SQL parameter with this request's values: "$player", "$quest", "$key", "$tokenHash", "$user", "$sid", "$new:n". */
function bind(value, known, fresh) {
  if (typeof value !== "string" || !value.startsWith("$")) return value;
  if (value.startsWith("$new:")) {
    if (!fresh.has(value)) fresh.set(value, `c${randomBytes(12).toString("hex")}`);
    return fresh.get(value);
  }
  return known[value.slice(1)] ?? value;
}

/** A Redis argument with this request's values: "{player}" and "{prefix}" inside it. */
const bindRedis = (value, known) =>
  typeof value === "string" ? value.replaceAll("{prefix}", REDIS_PREFIX).replaceAll("{player}", known.player) : value;

async function redis(step, known) {
  const body =
    step.redis === "/"
      ? step.body.map((v) => bindRedis(v, known))
      : step.body.map((c) => c.map((v) => bindRedis(v, known)));
  const response = await fetch(`${redisUrl}${step.redis}`, {
    method: "POST",
    headers: { authorization: `Bearer ${redisToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Redis ${step.redis}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function replay(template, known) {
  const client = await pool.connect();
  const fresh = new Map();
  let last = null;
  try {
    for (const step of template) {
      last =
        "redis" in step
          ? await redis(step, known)
          : (
              await client.query(
                step.query,
                step.params.map((p) => bind(p, known, fresh)),
              )
            ).rows;
    }
    return last;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

let reported = false;
http
  .createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const template = templates[decodeURIComponent(request.url.slice(1))];
      if (!template) {
        response.writeHead(404).end();
        return;
      }
      const known = {
        player: request.headers["x-player"],
        quest: request.headers["x-quest"],
        tokenHash: request.headers["x-token-hash"],
        user: request.headers["x-user"],
        sid: request.headers["x-sid"],
        key: JSON.parse(body || "{}").idempotencyKey,
      };
      replay(template, known).then(
        (last) => {
          response.writeHead(request.method === "POST" ? 201 : 200, { "content-type": "application/json" });
          response.end(JSON.stringify(last));
        },
        (error) => {
          if (!reported) console.error(`[sql-server] ${error.message}`);
          reported = true;
          response.writeHead(500, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: String(error.message) }));
        },
      );
    });
  })
  .listen(Number(port), "127.0.0.1");
