// The standalone smoke test: what a real image build would catch, without Docker. After
// `npm run build:standalone`, copy exactly the paths the Dockerfile's final stage copies (its `COPY --from` lines)
// into an empty directory, start `node server.js` there as the image would (the Dockerfile's ENV, a fresh
// database migrated as the migration job does, the real Redis behind the Upstash-compatible endpoint), and prove
// /api/health answers 200 (also through the Dockerfile's own HEALTHCHECK command), the pages' static assets and
// public/ are served, and a signed-in API call works. Run: npm run test:standalone
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { adminQuery, withDatabase } from "../../deploy/backup/pg-tools.mjs";
import { copiesFrom, finalStage, healthcheckCommand, instructionsOf, root } from "../support/dockerfile";
import { startUpstashProxy } from "../support/upstash-proxy.mjs";

const started = performance.now();
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`standalone smoke test: ${message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** The final stage's ENV, as `docker run` would set it (simple KEY=value pairs, which is all it uses; a value may
 * hold "=" itself, as NODE_OPTIONS=--max-semi-space-size=64 does). */
function imageEnv(): Record<string, string> {
  const pairs = instructionsOf(finalStage, "ENV").flatMap((i) => (i.getArgumentsContent() ?? "").split(/\s+/));
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
}

async function waitForHealth(base: string, server: ChildProcess): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    check(server.exitCode === null, `node server.js exited with ${server.exitCode}`);
    const response = await fetch(`${base}/api/health`).catch(() => null);
    if (response) return response;
    check(Date.now() < deadline, "/api/health did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function expectStatus(response: Response, status: number): Promise<unknown> {
  const text = await response.text();
  check(
    response.status === status,
    `${response.url} answered ${response.status}, not ${status}: ${text.slice(0, 300)}`,
  );
  return response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
}

check(
  existsSync(path.join(root, ".next/standalone/server.js")),
  "no .next/standalone/server.js: run `npm run build:standalone` first",
);

const dir = mkdtempSync(path.join(os.tmpdir(), "thesystem-image-"));
const database = `thesystem_standalone_${Date.now()}_${randomBytes(3).toString("hex")}`;
const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];

try {
  // The image's file list: exactly the final stage's COPY --from lines, plus the cache directory it creates.
  for (const { source, destination } of copiesFrom(finalStage)) {
    check(existsSync(path.join(root, source)), `the build has no ${source}, which the Dockerfile copies`);
    cpSync(path.join(root, source), path.join(dir, destination), { recursive: true, verbatimSymlinks: true });
  }
  mkdirSync(path.join(dir, ".next/cache"), { recursive: true });
  const size = sizeOf(dir);

  await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
  cleanups.push(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  const databaseUrl = withDatabase(serverUrl, database);
  // What the image's migration job runs, once, before the app starts.
  const migrate = spawnSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  check(migrate.status === 0, `prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);

  const proxy = await startUpstashProxy({ redisUrl, token: randomBytes(16).toString("hex") });
  cleanups.push(() => proxy.close());

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Only what an operator would pass to `docker run`: nothing from this checkout's environment or files.
  const settings: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    ...imageEnv(),
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: base,
    UPSTASH_REDIS_REST_URL: proxy.url,
    UPSTASH_REDIS_REST_TOKEN: proxy.token,
    REDIS_PREFIX: `standalone:${Date.now()}:`,
  };
  // NODE_ENV comes from the Dockerfile's ENV (production), which Node's typing cannot see.
  const env = settings as unknown as NodeJS.ProcessEnv;
  const bootStarted = performance.now();
  const server = spawn(process.execPath, ["server.js"], { cwd: dir, env, stdio: ["ignore", "inherit", "inherit"] });
  cleanups.push(() => {
    server.kill("SIGTERM");
  });

  const health = await expectStatus(await waitForHealth(base, server), 200);
  check((health as { database?: string }).database === "ok", `health is ${JSON.stringify(health)}`);
  const bootSeconds = (performance.now() - bootStarted) / 1000;

  const [command, ...args] = healthcheckCommand();
  const probe = spawnSync(command === "node" ? process.execPath : command!, args, { cwd: dir, env });
  check(probe.status === 0, `the Dockerfile's HEALTHCHECK exited with ${probe.status}: ${probe.stderr}`);

  // A page, one of its static assets (.next/static) and the service worker (public/).
  const html = String(await expectStatus(await fetch(`${base}/sign-in`), 200));
  const asset = html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)?.[0];
  check(asset, "the sign-in page references no /_next/static asset");
  await expectStatus(await fetch(`${base}${asset}`), 200);
  await expectStatus(await fetch(`${base}/sw.js`), 200);

  // A Hunter signs up, gets a token and makes signed-in calls: argon2, Prisma, sessions and Redis all work.
  const id = randomBytes(4).toString("hex");
  const account = { email: `smoke-${id}@example.com`, password: "smoke-test-password-1", hunterName: `Smoke ${id}` };
  const post = (route: string, body: unknown, token?: string) =>
    fetch(`${base}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
  await expectStatus(await post("/api/v1/accounts", { ...account, timeZone: "UTC" }), 201);
  const credentials = { email: account.email, password: account.password, name: "smoke" };
  const { token } = (await expectStatus(await post("/api/v1/tokens", credentials), 201)) as {
    token: string;
  };
  const quest = { title: "Smoke test", kind: "DAILY", difficulty: "EASY", stats: ["STR"] };
  await expectStatus(await post("/api/v1/quests", quest, token), 201);
  const player = (await expectStatus(
    await fetch(`${base}/api/v1/player`, { headers: { authorization: `Bearer ${token}` } }),
    200,
  )) as { hunterName: string; quests: unknown[] };
  check(player.hunterName === account.hunterName && player.quests.length === 1, `player is ${JSON.stringify(player)}`);

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `standalone smoke test passed in ${seconds.toFixed(1)} s (server ready in ${bootSeconds.toFixed(1)} s); ` +
      `image files: ${size.files}, ${(size.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
