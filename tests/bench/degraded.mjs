// Redis down and Redis slow (frozen), beside healthy: the status read, a check-in and both leaderboards with
// 100,000 players, 50 connections, against the production build (run `npm run build` first), real Postgres and a
// redis-server of this bench's own behind the Upstash-compatible endpoint (never the shared one: it is stopped and
// frozen here). Prints req/s, latency, the server's CPU per request and its RSS before/after each scenario, and
// ratios against the healthy run. Fails (exit code 1) when a target is missed: the status read and the check-in at
// most 1.2 × the healthy CPU per request degraded, the degraded status read at most the cache-off path's CPU
// (+10 % for noise), both boards within 1 s p95 and every request answered, and the server's RSS growing by less
// than RSS_BOUND_MB over the fallback boards.
// Alone: node tests/bench/degraded.mjs; also called by tests/bench/run.mjs.
import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const CONNECTIONS = 50;
const BOARD_PLAYERS = 100_000;
const RSS_BOUND_MB = 150;
const RATIO_TARGET = 1.2;
const BOARD_P95_MS = 1_000;
const ROUNDS = 2;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) and RSS bytes of a process and its descendants, from /proc. */
function usage(pid) {
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

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function load({ url, method = "GET", headersFor, bodyFor, duration }) {
  return new Promise((resolve, reject) => {
    let next = 0;
    const latencies = [];
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            setupRequest: (request) => {
              const i = next++;
              return {
                ...request,
                method,
                headers: { ...request.headers, "content-type": "application/json", ...headersFor(i % CONNECTIONS) },
                ...(bodyFor && { body: bodyFor(i % CONNECTIONS, i) }),
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

/** The bench: its own database, Redis and servers, all removed afterwards. */
export async function benchDegraded({ serverUrl, duration = 10 } = {}) {
  // Each scenario runs `duration` seconds in all, split over the rounds.
  const perRound = Math.max(2, Math.round(duration / ROUNDS));
  const adminUrl = serverUrl ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = "thesystem_bench_degraded";
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${database}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);

  const redisPort = await freePort();
  let redis = null;
  const startRedis = async () => {
    redis = spawn(
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    for (let i = 0; i < 100; i++) {
      const up = await new Promise((resolve) => {
        const socket = net.connect(redisPort, "127.0.0.1");
        socket.once("connect", () => (socket.destroy(), resolve(true)));
        socket.once("error", () => resolve(false));
      });
      if (up) return;
      await sleep(50);
    }
    throw new Error("redis-server did not start");
  };
  await startRedis();
  // The Upstash-compatible endpoint runs in a process of its own: in this one it would compete with the load
  // generator and time out for reasons no deployment has.
  const endpoint = { token: randomBytes(16).toString("hex"), port: await freePort() };
  const proxyUrl = `http://127.0.0.1:${endpoint.port}`;
  let proxy = null;
  const startProxy = async () => {
    proxy = spawn(process.execPath, [path.join(root, "tests/support/upstash-proxy.mjs"), String(endpoint.port)], {
      env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${redisPort}`, UPSTASH_PROXY_TOKEN: endpoint.token },
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(proxyUrl, {
          method: "POST",
          headers: { authorization: `Bearer ${endpoint.token}` },
          body: '["PING"]',
        }).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(50);
    }
    throw new Error("the Upstash-compatible endpoint did not start");
  };
  const stopProxy = async () => {
    const running = proxy;
    proxy = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGTERM");
    });
  };
  await startProxy();

  const metricsToken = randomBytes(16).toString("hex");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: dbUrl.toString(),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    UPSTASH_REDIS_REST_URL: proxyUrl,
    UPSTASH_REDIS_REST_TOKEN: endpoint.token,
    REDIS_PREFIX: `bench-degraded:`,
    METRICS_TOKEN: metricsToken,
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
  const serve = async (extra = {}) => {
    const port = await freePort();
    const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "--port", String(port)], {
      cwd: root,
      env: { ...env, ...extra, NEXTAUTH_URL: `http://localhost:${port}` },
      stdio: "ignore",
    });
    servers.push(child);
    for (let i = 0; i < 150; i++) {
      if (
        await fetch(`http://localhost:${port}/api/health`).then(
          (r) => r.status < 500,
          () => false,
        )
      ) {
        return { base: `http://localhost:${port}`, pid: child.pid };
      }
      await sleep(200);
    }
    throw new Error(`the app on port ${port} did not start`);
  };

  const json = async (url, init) => {
    const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
    if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };

  try {
    const app = await serve();
    const uncached = await serve({ STATUS_CACHE_SECONDS: "0" });

    console.log(`[bench:degraded] creating ${CONNECTIONS} players with a habit each…`);
    const players = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const account = {
        email: `degraded-${i}@example.com`,
        password: "bench-password-1",
        hunterName: `Degraded ${i}`,
        timeZone: "UTC",
      };
      await json(`${app.base}/api/v1/accounts`, { method: "POST", body: JSON.stringify(account) });
      const { token } = await json(`${app.base}/api/v1/tokens`, {
        method: "POST",
        body: JSON.stringify({ email: account.email, password: account.password, name: "bench" }),
      });
      const auth = { authorization: `Bearer ${token}` };
      await json(`${app.base}/api/v1/player/job`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ job: "TANK" }),
      });
      const habit = await json(`${app.base}/api/v1/quests`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ kind: "HABIT", title: "Push-ups", difficulty: "EASY", stats: ["STR"] }),
      });
      players.push({ auth, habitId: (habit.quest ?? habit).id });
    }

    console.log(`[bench:degraded] seeding ${BOARD_PLAYERS.toLocaleString("en")} players on both boards…`);
    const seed = new pg.Client({ connectionString: dbUrl.toString() });
    await seed.connect();
    const week = (await seed.query(`SELECT to_char(now() AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week`)).rows[0].week;
    await seed.query(`
      INSERT INTO "User" (id, email, "updatedAt") SELECT 'deg-u-' || n, 'deg-lb-' || n || '@example.com', now()
        FROM generate_series(1, ${BOARD_PLAYERS}) n;
      INSERT INTO "Player" (id, "userId", "hunterName", "hunterNameKey", "timeZone", xp, level, "updatedAt")
        SELECT 'deg-p-' || n, 'deg-u-' || n, 'Shadow ' || n, 'shadow ' || n, 'UTC', x, floor(sqrt(x / 100.0)) + 1, now()
        FROM (SELECT n, floor(random() * 250000)::int AS x FROM generate_series(1, ${BOARD_PLAYERS}) n) s;
      INSERT INTO "WeeklyScore" ("playerId", week, xp)
        SELECT 'deg-p-' || n, '${week}', floor(random() * 5000)::int FROM generate_series(1, ${BOARD_PLAYERS}) n;
      ANALYZE;`);
    await seed.end();
    const rebuild = await promisify(execFile)(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "lib/leaderboard/cli.ts"],
      { cwd: root, env },
    );
    process.stdout.write(rebuild.stdout);

    const scrape = (base) =>
      fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } }).then((r) => r.text());
    const breaker = async () => Number(/^redis_breaker_state (\d+)/m.exec(await scrape(app.base))?.[1] ?? 0);
    const fallbacks = async (base) => Number(/^redis_fallbacks_total (\d+)/m.exec(await scrape(base))?.[1] ?? 0);
    /** Until the app's breaker has closed again (its probe runs on the first request after the cool-down). */
    const untilHealthy = async () => {
      for (let i = 0; i < 100 && (await breaker()) !== 0; i++) {
        await fetch(`${app.base}/api/v1/player`, { headers: players[0].auth });
        await sleep(200);
      }
    };

    const paths = [
      { name: "GET /api/v1/player", url: (base) => `${base}/api/v1/player` },
      {
        name: "POST check-in",
        method: "POST",
        url: (base) => `${base}/api/v1/quests/:habit/check-ins`,
        perPlayer: true,
      },
      {
        name: "GET weekly board (top 50 + you)",
        url: (base) => `${base}/api/v1/leaderboard?board=weekly&limit=50`,
        board: true,
      },
      {
        name: "GET all-time board (top 50 + you)",
        url: (base) => `${base}/api/v1/leaderboard?board=all&limit=50`,
        board: true,
      },
    ];
    const measure = async (server, target, mode) => {
      // Warm the route (compiled chunks, pools) outside the measurement.
      for (const player of players.slice(0, 3)) {
        const url = target.url(server.base).replace(":habit", player.habitId);
        await fetch(url, {
          method: target.method ?? "GET",
          headers: { ...player.auth, "content-type": "application/json" },
          ...(target.method === "POST" && {
            body: JSON.stringify({ idempotencyKey: randomBytes(12).toString("hex") }),
          }),
        });
      }
      const fallbacksBefore = await fallbacks(server.base);
      const before = usage(server.pid);
      const result = await (target.perPlayer
        ? Promise.all(
            players.map(
              (player) =>
                new Promise((resolve, reject) => {
                  const latencies = [];
                  const instance = autocannon(
                    {
                      url: target.url(server.base).replace(":habit", player.habitId),
                      connections: 1,
                      duration: perRound,
                      method: "POST",
                      headers: { ...player.auth, "content-type": "application/json" },
                      requests: [
                        {
                          setupRequest: (r) => ({
                            ...r,
                            body: JSON.stringify({ idempotencyKey: randomBytes(12).toString("hex") }),
                          }),
                        },
                      ],
                    },
                    (error, r) => (error ? reject(error) : resolve({ r, latencies })),
                  );
                  instance.on("response", (_c, _s, _b, t) => latencies.push(t));
                }),
            ),
          ).then((all) => {
            const latencies = all.flatMap((a) => a.latencies).sort((a, b) => a - b);
            return {
              requests: all.reduce((n, a) => n + a.r.requests.total, 0),
              rps: all.reduce((n, a) => n + a.r.requests.average, 0),
              latencies,
              errors: all.reduce((n, a) => n + a.r.errors + a.r.non2xx + a.r.timeouts, 0),
            };
          })
        : load({ url: target.url(server.base), headersFor: (i) => players[i].auth, duration: perRound }));
      const after = usage(server.pid);
      const fallbacksAfter = await fallbacks(server.base);
      return {
        fallbacks: fallbacksAfter - fallbacksBefore,
        path: target.name,
        mode,
        ...result,
        cpu: after.cpu - before.cpu,
        rssBefore: before.rss / 2 ** 20,
        rssAfter: after.rss / 2 ** 20,
      };
    };

    const modes = [
      { mode: "healthy", enter: async () => untilHealthy(), leave: async () => {} },
      {
        mode: "Redis down",
        enter: stopProxy,
        leave: async () => {
          await startProxy();
          await untilHealthy();
        },
      },
      {
        mode: "Redis slow (frozen)",
        enter: async () => void redis.kill("SIGSTOP"),
        leave: async () => {
          redis.kill("SIGCONT");
          await untilHealthy();
        },
      },
    ];
    // Rounds alternate the modes, so drifting load on a shared machine falls on each alike.
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { mode, enter, leave } of modes) {
        console.log(`[bench:degraded] round ${round + 1}/${ROUNDS}: ${mode}…`);
        await enter();
        try {
          for (const target of paths) rounds.push(await measure(app, target, mode));
          if (mode === "healthy") rounds.push(await measure(uncached, paths[0], "cache off"));
        } finally {
          await leave();
        }
      }
    }
    const results = [];
    for (const r of rounds) {
      const merged = results.find((m) => m.path === r.path && m.mode === r.mode);
      if (!merged) results.push({ ...r, rounds: [r] });
      else merged.rounds.push(r);
    }
    for (const m of results) {
      const latencies = m.rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const requests = m.rounds.reduce((n, r) => n + r.requests, 0);
      const worst = m.rounds.reduce((a, b) => (b.rssAfter - b.rssBefore > a.rssAfter - a.rssBefore ? b : a));
      Object.assign(m, {
        requests,
        rps: m.rounds.reduce((n, r) => n + r.rps, 0) / m.rounds.length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        cpuMs: (m.rounds.reduce((n, r) => n + r.cpu, 0) * 1000) / Math.max(1, requests),
        errors: m.rounds.reduce((n, r) => n + r.errors, 0),
        fallbacks: m.rounds.reduce((n, r) => n + r.fallbacks, 0),
        rssBefore: worst.rssBefore,
        rssAfter: worst.rssAfter,
      });
    }

    const row = (path, mode) => results.find((r) => r.path === path && r.mode === mode);
    console.log(
      `\n${CONNECTIONS} connections, ${ROUNDS} rounds × ${perRound} s per scenario, ${BOARD_PLAYERS.toLocaleString("en")} players on the boards:`,
    );
    console.table(
      results.map((r) => ({
        path: r.path,
        redis: r.mode,
        "req/s": Math.round(r.rps),
        "p50 ms": Math.round(r.p50),
        "p95 ms": Math.round(r.p95),
        "CPU ms/req": r.cpuMs.toFixed(2),
        "RSS MB before → after": `${Math.round(r.rssBefore)} → ${Math.round(r.rssAfter)}`,
        "Redis fallbacks": r.fallbacks,
        errors: r.errors,
      })),
    );
    const ratio = (path, mode, key) => row(path, mode)[key] / row(path, "healthy")[key];
    const cell = (path, mode) =>
      `CPU ×${ratio(path, mode, "cpuMs").toFixed(2)}, p95 ×${ratio(path, mode, "p95").toFixed(2)} (${Math.round(row(path, mode).p95)} ms)`;
    console.log("Degraded / healthy, per request:");
    console.table(
      paths.map(({ name }) => ({
        path: name,
        healthy: `${row(name, "healthy").cpuMs.toFixed(2)} ms CPU, p95 ${Math.round(row(name, "healthy").p95)} ms`,
        "Redis down": cell(name, "Redis down"),
        "Redis slow (frozen)": cell(name, "Redis slow (frozen)"),
      })),
    );

    const failures = [];
    for (const mode of ["Redis down", "Redis slow (frozen)"]) {
      for (const name of ["GET /api/v1/player", "POST check-in"]) {
        if (ratio(name, mode, "cpuMs") > RATIO_TARGET)
          failures.push(`${name}, ${mode}: CPU ×${ratio(name, mode, "cpuMs").toFixed(2)}`);
      }
      const status = row("GET /api/v1/player", mode).cpuMs / row("GET /api/v1/player", "cache off").cpuMs;
      if (status > 1.1) failures.push(`GET /api/v1/player, ${mode}: ${status.toFixed(2)} × the cache-off path's CPU`);
      for (const target of paths.filter((p) => p.board)) {
        const r = row(target.name, mode);
        if (r.p95 > BOARD_P95_MS) failures.push(`${target.name}, ${mode}: p95 ${Math.round(r.p95)} ms`);
        if (r.errors > 0) failures.push(`${target.name}, ${mode}: ${r.errors} requests not answered`);
        if (r.rssAfter - r.rssBefore > RSS_BOUND_MB) {
          failures.push(
            `${target.name}, ${mode}: RSS grew ${Math.round(r.rssAfter - r.rssBefore)} MB (bound ${RSS_BOUND_MB})`,
          );
        }
      }
    }
    console.log(
      failures.length === 0
        ? "[bench:degraded] every target met"
        : `[bench:degraded] missed:\n  ${failures.join("\n  ")}`,
    );
    return { results, failures };
  } finally {
    for (const child of servers) child.kill("SIGTERM");
    redis?.kill("SIGCONT");
    redis?.kill("SIGTERM");
    await stopProxy();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { failures } = await benchDegraded({ duration: Number(process.env.BENCH_SECONDS ?? 10) });
  if (failures.length > 0) process.exitCode = 1;
}
