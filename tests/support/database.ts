// Vitest global setup for integration tests: a fresh database per run on the real PostgreSQL at DATABASE_URL
// (default 127.0.0.1:5432), migrated with the stock `prisma migrate deploy`, dropped afterwards.
// Without a reachable server the run falls back to an in-memory embedded PGlite and says so; under CI=true
// a missing server fails the run instead.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databasePoolMax: number;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 1 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

// Asynchronous on purpose: the embedded database is served from this very process.
async function migrate(url: string): Promise<void> {
  try {
    await promisify(execFile)(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${stdout}\n${stderr}`);
  }
}

export default async function setup(project: TestProject) {
  if (await isReachable(serverUrl)) {
    const name = `thesystem_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    project.provide("databaseUrl", url.toString());
    project.provide("databasePoolMax", 10);
    return () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const where = new URL(serverUrl).host;
  if (process.env.CI === "true") {
    throw new Error(`PostgreSQL at ${where} is not reachable, and CI=true requires the real database.`);
  }
  console.warn(`[tests] PostgreSQL at ${where} is not reachable: falling back to the embedded PGlite database.`);
  const embedded = await startEmbedded();
  await migrate(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("databasePoolMax", 1);
  return embedded.stop;
}
