// What every bench does the same way: a throw-away database on DATABASE_URL's server (created fresh, migrated,
// dropped afterwards), free ports, the production build started and waited for, exact percentiles.
import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { SERVER_NODE_FLAGS } from "../../prisma/node-flags.mjs";

export const root = path.resolve(import.meta.dirname, "../..");
export const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment of the production build on `databaseUrl`, with `extra` on top. Every limit named in `unlimited`
 * (by default those a player meets) is lifted: the bench's players all come from one address.
 */
export const PLAYER_LIMITS = ["signInIp", "signInEmail", "signUpIp", "apiWrite", "leaderboardRead"];

export function appEnv(databaseUrl, extra = {}, unlimited = PLAYER_LIMITS) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    RATE_LIMITS: JSON.stringify(Object.fromEntries(unlimited.map((n) => [n, { limit: 1e9, windowSeconds: 60 }]))),
    ...extra,
  };
}

/** A JSON request that must succeed: its parsed answer (null for 204). */
export async function json(url, init) {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/**
 * A Hunter signed up through the API of the app at `base` and awakened as `job`: their credentials and the bearer
 * header of a personal access token.
 */
export async function awakenedHunter(base, { email, hunterName, job }) {
  const account = { email, password: "bench-password-1", hunterName, timeZone: "UTC" };
  await json(`${base}/api/v1/accounts`, { method: "POST", body: JSON.stringify(account) });
  const { token } = await json(`${base}/api/v1/tokens`, {
    method: "POST",
    body: JSON.stringify({ email, password: account.password, name: "bench" }),
  });
  const auth = { authorization: `Bearer ${token}` };
  await json(`${base}/api/v1/player/job`, { method: "POST", headers: auth, body: JSON.stringify({ job }) });
  return { account, auth };
}

/**
 * `count` Hunters straight into the database of `env` (random XP up to 250,000, a weekly score up to 5,000), then
 * both leaderboards rebuilt into its Redis by the app's own command, as a deployment would after a data loss.
 */
export async function seedBoards(env, count) {
  const seed = new pg.Client({ connectionString: env.DATABASE_URL });
  await seed.connect();
  const week = (await seed.query(`SELECT to_char(now() AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week`)).rows[0].week;
  await seed.query(`
    INSERT INTO "User" (id, email, "updatedAt") SELECT 'board-u-' || n, 'board-' || n || '@example.com', now()
      FROM generate_series(1, ${count}) n;
    INSERT INTO "Player" (id, "userId", "hunterName", "hunterNameKey", "timeZone", xp, level, "updatedAt")
      SELECT 'board-p-' || n, 'board-u-' || n, 'Shadow ' || n, 'shadow ' || n, 'UTC', x, floor(sqrt(x / 100.0)) + 1, now()
      FROM (SELECT n, floor(random() * 250000)::int AS x FROM generate_series(1, ${count}) n) s;
    INSERT INTO "WeeklyScore" ("playerId", week, xp)
      SELECT 'board-p-' || n, '${week}', floor(random() * 5000)::int FROM generate_series(1, ${count}) n;`);
  // As autovacuum leaves a table that has settled: statistics, and a visibility map that lets index-only scans
  // skip the heap (VACUUM cannot share a statement batch).
  await seed.query(`VACUUM ANALYZE "User", "Player", "WeeklyScore"`);
  await seed.end();
  // Asynchronously: an Upstash endpoint the rebuild talks to may be served from the calling process.
  const rebuild = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "lib/leaderboard/cli.ts"],
    { cwd: root, env },
  );
  process.stdout.write(rebuild.stdout);
}

/**
 * This process runs the app's code on `databaseUrl` (the in-process benches): its environment, without Redis, with
 * `extra` on top. Import app modules only after this: lib/env reads the environment once.
 */
export function runAppHere(databaseUrl, extra = {}) {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    UPSTASH_REDIS_REST_URL: "",
    KV_REST_API_URL: "",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  });
}

/** The value below which p % of the sorted samples lie. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * A fresh database `name` on `admin`'s server with every migration applied: its URL, and `drop()` to remove it
 * (and close the admin connection) when the bench ends.
 */
export async function benchDatabase(name, admin = serverUrl) {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString(), CHECKPOINT_DISABLE: "1" },
    stdio: "ignore",
  });
  return {
    url: url.toString(),
    async drop() {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * BENCH_CPU_PROF=<folder>: each app server started here writes a V8 CPU profile there when it stops (node --cpu-prof;
 * tests/bench/profile-summary.mjs reads it).
 */
function profileFlags() {
  const folder = process.env.BENCH_CPU_PROF;
  return folder ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(folder)}`] : [];
}

/**
 * The production build (`next start`, with the production server's Node flags: prisma/node-flags.mjs) on `port` (a
 * free one when not given) with `env`, once /api/health answers:
 * its base URL, its process id (for /proc readings) and the child process.
 */
export async function startApp(env, port) {
  const at = port ?? (await freePort());
  const base = `http://localhost:${at}`;
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...profileFlags(),
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "--port",
      String(at),
    ],
    {
      cwd: root,
      env: { ...env, NEXTAUTH_URL: base },
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { base, pid: child.pid, child };
    if (child.exitCode !== null) break;
    await sleep(200);
  }
  child.kill("SIGTERM");
  throw new Error(`the app on port ${at} did not start`);
}

/** CPU seconds (user + system) and RSS bytes of a process and its descendants, from /proc. */
export function usage(pid) {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, s] of stats) if (!tree.has(id) && tree.has(s.ppid)) grew = tree.add(id) !== null;
  }
  let cpu = 0;
  let rss = 0;
  for (const id of tree) {
    cpu += stats.get(id)?.cpu ?? 0;
    try {
      rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // ended
    }
  }
  return { cpu, rss };
}

/**
 * `connections` clients requesting `url` for `duration` seconds, or until `amount` requests are answered, each
 * request's headers (and body, and path) from the client's index: the number of requests, req/s, every latency
 * sorted (autocannon's summary has no p95) and the requests not answered with a 2xx. A duration cuts the requests
 * still in flight when it ends (their work is done but not counted); an amount waits for every answer.
 */
export function load({ url, connections, duration, amount, method = "GET", headersFor, bodyFor, pathFor }) {
  return new Promise((resolve, reject) => {
    let next = 0;
    const latencies = [];
    const instance = autocannon(
      {
        url,
        connections,
        ...(amount ? { amount } : { duration }),
        requests: [
          {
            setupRequest: (request) => {
              const i = next++;
              return {
                ...request,
                ...(pathFor && { path: pathFor(i % connections) }),
                method,
                headers: { ...request.headers, "content-type": "application/json", ...headersFor(i % connections) },
                ...(bodyFor && { body: bodyFor(i % connections, i) }),
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          rps: result.requests.average,
          latencies,
          errors: result.errors + result.non2xx + result.timeouts,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
