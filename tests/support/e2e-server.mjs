// Serves the built app for Playwright on a fresh `thesystem_e2e_<port>` database on the real PostgreSQL
// (DATABASE_URL's server, default 127.0.0.1:5432). Without one it uses the embedded database, except
// under CI=true, where a missing server is an error.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";

const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// One database per port, so two e2e runs on one machine never drop each other's database.
const database = `thesystem_e2e_${process.env.PORT ?? 3000}`;
const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });

try {
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
} catch (error) {
  if (process.env.CI === "true")
    throw new Error(`PostgreSQL at ${new URL(serverUrl).host} is required under CI`, { cause: error });
  console.warn("[e2e] PostgreSQL is not reachable: serving on the embedded database.");
  delete process.env.DATABASE_URL;
}

const app = spawn(process.execPath, [path.resolve(import.meta.dirname, "../../prisma/start.mjs")], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));
