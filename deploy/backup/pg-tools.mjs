// What the backup and the drill share: libpq settings from a connection URL (the password goes through the
// environment, never the command line or the logs), the client/server version check, and running a tool.
import { spawn } from "node:child_process";
import pg from "pg";

/** PG* variables for pg_dump/pg_restore from a postgres:// URL. */
export function libpqEnv(url) {
  const u = new URL(url);
  return {
    PGHOST: decodeURIComponent(u.hostname) || "127.0.0.1",
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username) || "postgres",
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    ...(u.password && { PGPASSWORD: decodeURIComponent(u.password) }),
    ...(u.searchParams.get("sslmode") && { PGSSLMODE: u.searchParams.get("sslmode") }),
  };
}

/** host:port/database, for messages: no user, no password. */
export function describe(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** The same server, another database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs a command; resolves with its stdout, rejects with its stderr. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} exited with ${code}:\n${stderr.trim()}`)),
    );
  });
}

/**
 * pg_dump refuses servers newer than itself (a dump must be read by a client at least as new as the server):
 * check first, with a message that says what to install.
 */
export async function checkClientVersion(client, tool = "pg_dump") {
  const version = await run(tool, ["--version"]);
  const clientMajor = Number(version.match(/(\d+)\.\d+/)?.[1]);
  const { rows } = await client.query("SHOW server_version_num");
  const serverMajor = Math.floor(Number(rows[0].server_version_num) / 10_000);
  if (clientMajor < serverMajor) {
    throw new Error(
      `${tool} ${clientMajor} cannot back up a PostgreSQL ${serverMajor} server: install postgresql-client-${serverMajor} ` +
        `(or newer) and put it first on PATH.`,
    );
  }
  return { clientMajor, serverMajor };
}

export async function connect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

/** One statement on the server's `postgres` database (CREATE/DROP DATABASE). */
export async function adminQuery(url, sql) {
  const client = await connect(withDatabase(url, "postgres"));
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Value of `--name value` in argv, or undefined. */
export function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

export const flag = (name) => process.argv.includes(`--${name}`);
