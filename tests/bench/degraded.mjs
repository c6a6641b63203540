// Redis down and Redis slow (frozen), beside healthy: the status read, a check-in and both leaderboards with
// 100,000 players, 50 connections, against the production build (run `npm run build` first), real Postgres and a
// redis-server of this bench's own behind the Upstash-compatible endpoint (never the shared one: it is stopped and
// frozen here). Prints req/s, latency, the server's CPU per request and its RSS before/after each scenario, and
// ratios against the healthy run. Fails (exit code 1) when a target is missed: the status read and the check-in at
// most 1.2 × the healthy CPU per request degraded, the degraded status read at most the cache-off path's CPU
// (+10 % for noise), both boards within 1 s p95 and every request answered, and the server's RSS growing by less
// than RSS_BOUND_MB over the fallback boards.
// Alone: node tests/bench/degraded.mjs; also called by tests/bench/run.mjs.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import {
  appEnv,
  awakenedHunter,
  benchDatabase,
  freePort,
  json,
  load,
  percentile,
  root,
  seedBoards,
  sleep,
  startApp,
  usage,
} from "./support.mjs";

const CONNECTIONS = 50;
const BOARD_PLAYERS = 100_000;
const RSS_BOUND_MB = 150;
const RATIO_TARGET = 1.2;
const BOARD_P95_MS = 1_000;
const ROUNDS = 2;

/** The bench: its own database, Redis and servers, all removed afterwards. */
export async function benchDegraded({ serverUrl, duration = 10 } = {}) {
  // Each scenario runs `duration` seconds in all, split over the rounds.
  const perRound = Math.max(2, Math.round(duration / ROUNDS));
  const database = await benchDatabase("thesystem_bench_degraded", serverUrl);

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
  const env = appEnv(database.url, {
    UPSTASH_REDIS_REST_URL: proxyUrl,
    UPSTASH_REDIS_REST_TOKEN: endpoint.token,
    REDIS_PREFIX: `bench-degraded:`,
    METRICS_TOKEN: metricsToken,
  });
  const servers = [];
  const serve = async (extra = {}) => {
    const app = await startApp({ ...env, ...extra });
    servers.push(app.child);
    return app;
  };

  try {
    const app = await serve();
    const uncached = await serve({ STATUS_CACHE_SECONDS: "0" });

    console.log(`[bench:degraded] creating ${CONNECTIONS} players with a habit each…`);
    const players = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const { auth } = await awakenedHunter(app.base, {
        email: `degraded-${i}@example.com`,
        hunterName: `Degraded ${i}`,
        job: "TANK",
      });
      const habit = await json(`${app.base}/api/v1/quests`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ kind: "HABIT", title: "Push-ups", difficulty: "EASY", stats: ["STR"] }),
      });
      players.push({ auth, habitId: (habit.quest ?? habit).id });
    }

    console.log(`[bench:degraded] seeding ${BOARD_PLAYERS.toLocaleString("en")} players on both boards…`);
    await seedBoards(env, BOARD_PLAYERS);

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
        : load({
            url: target.url(server.base),
            connections: CONNECTIONS,
            headersFor: (i) => players[i].auth,
            duration: perRound,
          }));
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
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { failures } = await benchDegraded({ duration: Number(process.env.BENCH_SECONDS ?? 10) });
  if (failures.length > 0) process.exitCode = 1;
}
