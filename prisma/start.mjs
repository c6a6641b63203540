#!/usr/bin/env node
// `npm start` / `npm run dev`: one command from a fresh clone to a running app.
// Uses DATABASE_URL when set; otherwise runs the embedded database (PGlite, kept in .data/pglite).
// Then applies migrations, seeds the demo Hunter, builds if needed and serves on $PORT (default 3000).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { DEMO, EMBEDDED_PORT, embeddedDatabaseUrl } from "./embedded.mjs";
import { SERVER_NODE_FLAGS } from "./node-flags.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
// The seed command (`tsx …` in prisma.config.ts) is found on PATH, as under `npm run`, however this was started.
process.env.PATH = `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`;
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.CHECKPOINT_DISABLE ??= "1";

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args[0]} exited with ${code}`)),
    );
  });
}

/** The first port from `from` nobody listens on: a second checkout's embedded database takes the next one. */
function freePort(from) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(freePort(from + 1)));
    probe.listen(from, "127.0.0.1", () => probe.close(() => resolve(from)));
  });
}

async function startEmbeddedDatabase() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  // PGlite runs one query at a time; a single connection keeps transactions from interleaving.
  const port = await freePort(EMBEDDED_PORT);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 1 });
  await server.start();
  process.env.DATABASE_URL = embeddedDatabaseUrl(port);
  process.env.DATABASE_POOL_MAX = "1";
  process.env.EMBEDDED_DATABASE = "1";
  console.log(`[start] No DATABASE_URL: using the embedded database in .data/pglite (port ${port}).`);
  return async () => {
    await server.stop();
    await db.close();
  };
}

// A local secret, made once and kept beside the embedded data, so sessions survive restarts.
function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "auth-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  console.log("[start] No NEXTAUTH_SECRET: using a generated local one (.data/auth-secret).");
}

const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const stopDatabase = process.env.DATABASE_URL ? async () => {} : await startEmbeddedDatabase();
ensureAuthSecret();

try {
  await run(bin("prisma"), ["migrate", "deploy"]);
  await run(bin("prisma"), ["db", "seed"]);
  // The project's build (Next, then the service worker), exactly as CI and Vercel run it.
  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("[start] First start: building the app. This takes a minute or two, once.");
    await run("npm", ["run", "build"]);
  }
} catch (error) {
  console.error(`[start] ${error.message}`);
  await stopDatabase();
  process.exit(1);
}

const server = spawn(
  process.execPath,
  [...SERVER_NODE_FLAGS, path.join(root, "prisma", "server.mjs"), ...(dev ? ["--dev"] : [])],
  {
    cwd: root,
    stdio: ["inherit", "pipe", "inherit"],
    env: process.env,
  },
);
// The server's output passes through; once it is ready, the demo sign-in is said again, where it will be seen.
const demo = process.env.EMBEDDED_DATABASE === "1" || ["1", "true"].includes(process.env.SEED_DEMO ?? "");
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (demo && chunk.toString().includes("[server] Ready")) {
    console.log(`[start] Sign in as the demo Hunter: ${DEMO.email} / ${DEMO.password}`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", async (code) => {
  await stopDatabase();
  process.exit(code ?? 0);
});
