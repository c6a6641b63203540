// The raw-SQL baseline of a check-in (issue #16): a plain node:http + pg server that replays, for each request, the
// statements one check-in through the app issued (captured from the ORM's query events by check-in-baseline.ts), with
// the caller's ids and fresh ones where the app generated them. No framework, no ORM: what the database alone costs
// a Node process. Started by check-in-baseline.ts: node tests/bench/sql-server.mjs <port> <template.json>
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";

const [port, templatePath] = process.argv.slice(2);
/** @type {{ query: string, params: unknown[] }[]} */
const template = JSON.parse(readFileSync(templatePath, "utf8"));
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});

/** A template parameter with this request's values: "$player", "$quest", "$key", "$tokenHash", "$new:<n>". */
function bind(value, known, fresh) {
  if (typeof value !== "string" || !value.startsWith("$")) return value;
  if (value.startsWith("$new:")) {
    if (!fresh.has(value)) fresh.set(value, `c${randomBytes(12).toString("hex")}`);
    return fresh.get(value);
  }
  return known[value.slice(1)] ?? value;
}

async function checkIn(known) {
  const client = await pool.connect();
  const fresh = new Map();
  let last = [];
  try {
    for (const { query, params } of template) {
      last = (
        await client.query(
          query,
          params.map((p) => bind(p, known, fresh)),
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
      const known = {
        player: request.headers["x-player"],
        quest: request.headers["x-quest"],
        tokenHash: request.headers["x-token-hash"],
        key: JSON.parse(body || "{}").idempotencyKey,
      };
      checkIn(known).then(
        (rows) => {
          response.writeHead(201, { "content-type": "application/json" });
          response.end(JSON.stringify({ rows: rows.length }));
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
