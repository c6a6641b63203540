// npm run bench (after `npm run build`): latency of the status window under 50 concurrent players, with and
// without the Redis cache, and of both leaderboards (top 50 and your place) with 1,000,000 players. Real Postgres,
// real Redis behind the Upstash-compatible endpoint, the production build, autocannon on loopback. Prints a table;
// asserts nothing.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { sessionCookie } from "../support/browser.mjs";
import { benchDegraded } from "./degraded.mjs";
import {
  appEnv,
  awakenedHunter,
  benchDatabase,
  json,
  load,
  percentile,
  root,
  seedBoards,
  serverUrl,
  startApp,
} from "./support.mjs";
import { startUpstashProxy } from "../support/upstash-proxy.mjs";

const PLAYERS = 50;
const LEADERBOARD_PLAYERS = 1_000_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const database = await benchDatabase("thesystem_bench");
const proxy = await startUpstashProxy({ token: randomBytes(16).toString("hex") });
const env = appEnv(database.url, {
  UPSTASH_REDIS_REST_URL: proxy.url,
  UPSTASH_REDIS_REST_TOKEN: proxy.token,
  REDIS_PREFIX: `bench:${Date.now()}:`,
});

const servers = [];
async function serve(port, extra) {
  const app = await startApp({ ...env, ...extra }, port);
  servers.push(app.child);
  return app.base;
}

async function run(title, url, headersFor) {
  const result = await load({ url, connections: PLAYERS, duration: DURATION, headersFor });
  return {
    scenario: title,
    "p50 ms": Math.round(percentile(result.latencies, 50)),
    "p95 ms": Math.round(percentile(result.latencies, 95)),
    "req/s": Math.round(result.rps),
    errors: result.errors,
  };
}

try {
  const cached = await serve(3301, {});
  const uncached = await serve(3302, { STATUS_CACHE_SECONDS: "0" });

  console.log(`[bench] creating ${PLAYERS} players with quests and check-ins…`);
  const players = [];
  for (let i = 0; i < PLAYERS; i++) {
    const { account, auth } = await awakenedHunter(cached, {
      email: `bench-${i}@example.com`,
      hunterName: `Bench ${i}`,
      job: "MAGE",
    });
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
  await seedBoards(env, LEADERBOARD_PLAYERS);

  const rows = [];
  for (const [label, base] of [
    ["cache", cached],
    ["no cache", uncached],
  ]) {
    await fetch(`${base}/api/v1/player`, { headers: players[0].auth });
    rows.push(await run(`GET /api/v1/player (${label})`, `${base}/api/v1/player`, (i) => players[i].auth));
    rows.push(await run(`GET /dashboard (${label})`, `${base}/dashboard`, (i) => ({ cookie: players[i].cookie })));
  }
  // Top 50 and "you are #n of N", from the sorted sets (the SQL fallback at 100,000: tests/bench/degraded.mjs).
  for (const board of ["weekly", "all"]) {
    rows.push(
      await run(
        `GET /api/v1/leaderboard?board=${board}&limit=50, ${LEADERBOARD_PLAYERS.toLocaleString("en")} players (Redis)`,
        `${cached}/api/v1/leaderboard?board=${board}&limit=50`,
        (i) => players[i].auth,
      ),
    );
  }
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
  await database.drop();
}

// The notification tick with 10,000 Hunters of whom 1,000 are due (its own database and push service).
execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "tests/bench/reminders.ts"], {
  cwd: root,
  stdio: "inherit",
});

// The rollover backstop with 1,000 Hunters due among 99,000 settled (its own database).
execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "tests/bench/rollover.ts"], {
  cwd: root,
  stdio: "inherit",
});

// A check-in against the raw-SQL baseline of the same statements (its own database, servers and capture).
execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "tests/bench/sql-baseline.ts"], {
  cwd: root,
  stdio: "inherit",
});

// Redis down and Redis slow (frozen) beside healthy, with 100,000 players: its own database, Redis and servers.
const degraded = await benchDegraded({ serverUrl, duration: DURATION });
if (degraded.failures.length > 0) process.exitCode = 1;
// Importing 10 Loop habits × 3 years (its own database and server): tests/bench/imports.ts.
execFileSync(path.join(root, "node_modules/.bin/tsx"), ["tests/bench/imports.ts"], { cwd: root, stdio: "inherit" });
