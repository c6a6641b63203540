// npm run bench (after `npm run build`): latency of the status window under 50 concurrent players, with and
// without the Redis cache, and of the leaderboard with 100,000 players. Real Postgres, real Redis behind the
// Upstash-compatible endpoint, the production build, autocannon on loopback. Prints a table; asserts nothing.
import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { sessionCookie } from "../support/browser.mjs";
import { benchDegraded } from "./degraded.mjs";
import { startUpstashProxy } from "../support/upstash-proxy.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = "thesystem_bench";
const PLAYERS = 50;
const LEADERBOARD_PLAYERS = 100_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${database}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${database}"`);

const proxy = await startUpstashProxy({ token: randomBytes(16).toString("hex") });
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  DATABASE_URL: dbUrl.toString(),
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  UPSTASH_REDIS_REST_URL: proxy.url,
  UPSTASH_REDIS_REST_TOKEN: proxy.token,
  REDIS_PREFIX: `bench:${Date.now()}:`,
  RATE_LIMITS: JSON.stringify(
    Object.fromEntries(
      ["signInIp", "signInEmail", "signUpIp", "apiWrite", "leaderboardRead"].map((n) => [
        n,
        { limit: 1e9, windowSeconds: 60 },
      ]),
    ),
  ),
};
execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });

const servers = [];
async function serve(port, extra) {
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "--port", String(port)], {
    cwd: root,
    env: { ...env, ...extra, NEXTAUTH_URL: `http://localhost:${port}` },
    stdio: "ignore",
  });
  servers.push(child);
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://localhost:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return `http://localhost:${port}`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app on port ${port} did not start`);
}

async function json(url, init) {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function run(title, url, headersFor) {
  return new Promise((resolve, reject) => {
    let next = 0;
    const latencies = [];
    const instance = autocannon(
      {
        url,
        connections: PLAYERS,
        duration: DURATION,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, ...headersFor(next++ % PLAYERS) },
            }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          scenario: title,
          "p50 ms": Math.round(percentile(latencies, 50)),
          "p95 ms": Math.round(percentile(latencies, 95)),
          "req/s": Math.round(result.requests.average),
          errors: result.errors + result.non2xx,
        });
      },
    );
    // autocannon's summary has no p95: keep every response time and take exact percentiles.
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

try {
  const cached = await serve(3301, {});
  const uncached = await serve(3302, { STATUS_CACHE_SECONDS: "0" });

  console.log(`[bench] creating ${PLAYERS} players with quests and check-ins…`);
  const players = [];
  for (let i = 0; i < PLAYERS; i++) {
    const account = {
      email: `bench-${i}@example.com`,
      password: "bench-password-1",
      hunterName: `Bench ${i}`,
      timeZone: "UTC",
    };
    await json(`${cached}/api/v1/accounts`, { method: "POST", body: JSON.stringify(account) });
    const { token } = await json(`${cached}/api/v1/tokens`, {
      method: "POST",
      body: JSON.stringify({ email: account.email, password: account.password, name: "bench" }),
    });
    const auth = { authorization: `Bearer ${token}` };
    await json(`${cached}/api/v1/player/job`, { method: "POST", headers: auth, body: JSON.stringify({ job: "MAGE" }) });
    const { quests } = await json(`${cached}/api/v1/quests`, { headers: auth });
    for (const quest of quests.slice(0, 2)) {
      await json(`${cached}/api/v1/quests/${quest.id}/check-ins`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ idempotencyKey: randomBytes(8).toString("hex") }),
      });
    }
    players.push({ auth, cookie: await sessionCookie(cached, account.email, account.password) });
  }

  console.log(`[bench] seeding ${LEADERBOARD_PLAYERS.toLocaleString("en")} leaderboard players…`);
  const seed = new pg.Client({ connectionString: dbUrl.toString() });
  await seed.connect();
  await seed.query(`
    INSERT INTO "User" (id, email, "updatedAt") SELECT 'bench-u-' || n, 'bench-lb-' || n || '@example.com', now()
      FROM generate_series(1, ${LEADERBOARD_PLAYERS}) n;
    INSERT INTO "Player" (id, "userId", "hunterName", "hunterNameKey", "timeZone", xp, level, "updatedAt")
      SELECT 'bench-p-' || n, 'bench-u-' || n, 'Shadow ' || n, 'shadow ' || n, 'UTC', x, floor(sqrt(x / 100.0)) + 1, now()
      FROM (SELECT n, floor(random() * 250000)::int AS x FROM generate_series(1, ${LEADERBOARD_PLAYERS}) n) s;`);
  await seed.end();
  // Asynchronously: the Upstash endpoint the rebuild talks to is served from this process.
  const rebuild = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "lib/leaderboard/cli.ts"],
    { cwd: root, env },
  );
  process.stdout.write(rebuild.stdout);

  const rows = [];
  for (const [label, base] of [
    ["cache", cached],
    ["no cache", uncached],
  ]) {
    await fetch(`${base}/api/v1/player`, { headers: players[0].auth });
    rows.push(await run(`GET /api/v1/player (${label})`, `${base}/api/v1/player`, (i) => players[i].auth));
    rows.push(await run(`GET /dashboard (${label})`, `${base}/dashboard`, (i) => ({ cookie: players[i].cookie })));
  }
  const board = `${cached}/api/v1/leaderboard?board=all&limit=10`;
  rows.push(
    await run(
      `GET /api/v1/leaderboard, ${LEADERBOARD_PLAYERS.toLocaleString("en")} players (Redis)`,
      board,
      (i) => players[i].auth,
    ),
  );
  console.log(
    `\n${PLAYERS} concurrent connections, ${DURATION} s each, one machine (2 cores) running app, Postgres and Redis:`,
  );
  console.table(rows);
  // The System speaks: the built-in report and at-risk read for a year of history (tests/bench/insights.ts).
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "tests/bench/insights.ts"], {
    cwd: root,
    stdio: "inherit",
  });
} finally {
  for (const child of servers) child.kill("SIGTERM");
  await proxy.close();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
}

// The notification tick with 10,000 Hunters of whom 1,000 are due (its own database and push service).
execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "tests/bench/reminders.ts"], {
  cwd: root,
  stdio: "inherit",
});

// Redis down and Redis slow (frozen) beside healthy, with 100,000 players: its own database, Redis and servers.
const degraded = await benchDegraded({ serverUrl, duration: DURATION });
if (degraded.failures.length > 0) process.exitCode = 1;
// Importing 10 Loop habits × 3 years (its own database and server): tests/bench/imports.ts.
execFileSync(path.join(root, "node_modules/.bin/tsx"), ["tests/bench/imports.ts"], { cwd: root, stdio: "inherit" });
