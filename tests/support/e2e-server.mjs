// Serves the built app for Playwright on a fresh `thesystem_e2e_<port>` database on the real PostgreSQL
// (DATABASE_URL's server, default 127.0.0.1:5432) and on the real Redis behind the Upstash-compatible endpoint.
// Without them it uses the embedded database and the in-process store, except under CI=true, where a missing
// service is an error.
import { spawn } from "node:child_process";
import path from "node:path";
import net from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { e2eDatabaseUrl, E2E_SERVER_URL as serverUrl } from "./e2e-database.mjs";
import { startUpstashProxy } from "./upstash-proxy.mjs";

// One database per port, so two e2e runs on one machine never drop each other's database.
const databaseUrl = e2eDatabaseUrl(process.env.PORT ?? 3000);
const database = new URL(databaseUrl).pathname.slice(1);
const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });

try {
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl;
} catch (error) {
  if (process.env.CI === "true")
    throw new Error(`PostgreSQL at ${new URL(serverUrl).host} is required under CI`, { cause: error });
  console.warn("[e2e] PostgreSQL is not reachable: serving on the embedded database.");
  delete process.env.DATABASE_URL;
}

// Redis too, through the Upstash-compatible endpoint, with keys of this run under their own prefix.
// E2E_STORE=memory serves the quick start's default instead: no Redis, the in-process store.
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const memoryOnly = process.env.E2E_STORE === "memory";
const redisUp = memoryOnly
  ? false
  : await new Promise((resolve) => {
      const { hostname, port } = new URL(redisUrl);
      const socket = net.connect(Number(port || 6379), hostname, () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
if (redisUp) {
  const proxy = await startUpstashProxy({ redisUrl, token: randomBytes(16).toString("hex") });
  Object.assign(process.env, {
    UPSTASH_REDIS_REST_URL: proxy.url,
    UPSTASH_REDIS_REST_TOKEN: proxy.token,
    REDIS_PREFIX: `e2e:${Date.now()}:`,
  });
} else if (process.env.CI === "true" && !memoryOnly) {
  throw new Error(`Redis at ${new URL(redisUrl).host} is required under CI`);
} else if (!memoryOnly) {
  console.warn("[e2e] Redis is not reachable: the app uses its in-process store.");
}

const app = spawn(process.execPath, [path.resolve(import.meta.dirname, "../../prisma/start.mjs")], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));
