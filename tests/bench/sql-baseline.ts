// npx tsx --conditions=react-server tests/bench/sql-baseline.ts (after `npm run build`; also run by `npm run bench`):
// what the app costs against what its SQL and Redis commands alone cost (issue #16). The integration suite's cost
// test makes each action through the app's own code and writes what it asked of Postgres (the ORM's query events)
// and Redis (at the Upstash endpoint) to templates; tests/bench/sql-server.mjs replays a template per request over
// plain `pg` and `fetch`, so the baseline cannot drift from what the app really does. Then the production build and
// the baseline take the same load, an unmeasured warm-up each and then rounds in turn (50 Hunters, request i is
// Hunter i mod 50's; a round asks a set number of requests, about BENCH_SECONDS / 5 s' worth, and waits for every
// answer), and the table gives req/s, p50/p95 and server CPU per request of each, and their ratios over all rounds
// and in the median round (a stall of the shared machine moves the first, rarely the second):
//   - a check-in (a habit tapped over and over, a fresh idempotency key each), through the API and through the
//     dashboard's Server Action (which answers with the Hunter's new status instead of rendering the page again),
//     the latter measured in the same rounds as the API route too, for their ratio,
//   - GET /api/v1/player from the status cache, and with the cache off (a second server, STATUS_CACHE_SECONDS=0),
//   - the signed-in dashboard (its reads: the session's player, the status from the cache, today's insights),
//   - a path no route serves (404): what the framework costs before any of our work.
// Prints; asserts nothing. BASELINE_PRINT=1 prints the captured templates too; BASELINE_ONLY=check-in measures only
// the paths whose name holds that text.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashToken } from "@/lib/secrets";
import { sessionCookie } from "../support/browser.mjs";
import { startUpstashProxy } from "../support/upstash-proxy.mjs";
import {
  appEnv,
  awakenedHunter,
  benchDatabase,
  freePort,
  json,
  percentile,
  root,
  load,
  sleep,
  startApp,
  usage,
} from "./support.mjs";

const HUNTERS = 50;
const ROUNDS = 5;
const SECONDS = Math.max(2, Math.round(Number(process.env.BENCH_SECONDS ?? 10) / ROUNDS));
/** V8 keeps optimising the app's hot paths for its first couple of thousand requests (~20 s of this load). */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 20);

const database = await benchDatabase("thesystem_bench_baseline");
const proxy = await startUpstashProxy({ token: randomBytes(16).toString("hex") });
const env = appEnv(database.url, {
  UPSTASH_REDIS_REST_URL: proxy.url,
  UPSTASH_REDIS_REST_TOKEN: proxy.token,
  REDIS_PREFIX: `bench-baseline:${Date.now()}:`,
});
const children: ChildProcess[] = [];

/** The router state a browser on the dashboard sends with a Server Action (read off Chromium's request). */
const DASHBOARD_TREE = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        "(game)",
        { children: ["dashboard", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] },
        null,
        null,
        0,
      ],
    },
    null,
    null,
    16,
  ]),
);

type Hunter = { token: string; playerId: string; questId: string; userId: string; sid: string; cookie: string };
type Templates = Record<string, ({ query: string; params: unknown[] } | { redis: string; body: unknown[] })[]>;

try {
  const app = await startApp(env);
  const uncached = await startApp({ ...env, STATUS_CACHE_SECONDS: "0" });
  children.push(app.child, uncached.child);
  // The capture: the integration suite's cost test takes each action on a database and Redis of its own and
  // writes what it asked of them (tests/integration/cost-per-action.test.ts).
  const templatesPath = path.join(tmpdir(), `baseline-templates-${process.pid}.json`);
  execFileSync(path.join(root, "node_modules/.bin/vitest"), ["run", "tests/integration/cost-per-action.test.ts"], {
    cwd: root,
    env: { ...process.env, BASELINE_TEMPLATES: templatesPath },
    stdio: "ignore",
  });
  const templates = JSON.parse(readFileSync(templatesPath, "utf8")) as Templates;
  for (const [action, steps] of Object.entries(templates)) {
    const redis = steps.filter((step) => "redis" in step).length;
    console.log(`[bench:baseline] ${action}: ${steps.length - redis} statements, ${redis} Redis requests`);
    if (process.env.BASELINE_PRINT) for (const step of steps) console.log(JSON.stringify(step));
  }

  console.log(`[bench:baseline] creating ${HUNTERS} Hunters with a habit each…`);
  const hunters: Hunter[] = [];
  const lookup = new pg.Client({ connectionString: database.url });
  await lookup.connect();
  for (let i = 0; i < HUNTERS; i++) {
    const { account, auth } = await awakenedHunter(app.base, {
      email: `baseline-${i}@example.com`,
      hunterName: `Baseline ${i}`,
      job: "TANK",
    });
    const habit = (await json(`${app.base}/api/v1/quests`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ kind: "HABIT", title: "Push-ups", difficulty: "EASY", stats: ["STR"] }),
    })) as { quest?: { id: string }; id?: string };
    const cookie = await sessionCookie(app.base, account.email, account.password);
    const { rows } = await lookup.query<{ id: string; userId: string; sid: string }>(
      `SELECT p.id, p."userId", s."sessionToken" AS sid FROM "Player" p JOIN "Session" s ON s."userId" = p."userId"
        WHERE p."hunterName" = $1`,
      [account.hunterName],
    );
    const { id: playerId, userId, sid } = rows[0]!;
    const token = auth.authorization.slice("Bearer ".length);
    hunters.push({ token, playerId, userId, sid, cookie, questId: (habit.quest ?? habit).id! });
  }
  await lookup.end();
  const sqlPort = await freePort();
  const sql = spawn(process.execPath, [path.join(root, "tests/bench/sql-server.mjs"), String(sqlPort), templatesPath], {
    env,
    stdio: "inherit",
  });
  children.push(sql);
  await sleep(500);
  const baseline = `http://127.0.0.1:${sqlPort}`;
  const callerOf = (h: Hunter) => ({
    "x-player": h.playerId,
    "x-quest": h.questId,
    "x-token-hash": hashToken(h.token),
    "x-user": h.userId,
    "x-sid": h.sid,
  });
  const bearer = (h: Hunter) => ({ authorization: `Bearer ${h.token}` });
  const freshKey = () => JSON.stringify({ idempotencyKey: randomBytes(12).toString("hex") });
  // The dashboard's check-in button calls this Server Action (lib/check-ins/actions.ts).
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const checkInActionId = Object.keys(manifest.node).find((id) => manifest.node[id]!.exportedName === "checkInAction")!;

  type Side = {
    pid: number;
    base: string;
    path: (h: Hunter) => string;
    headers: (h: Hunter) => Record<string, string>;
    /** A POST's body (by default a fresh idempotency key). */
    body?: (h: Hunter) => string;
  };
  type Pair = {
    name: string;
    method: "GET" | "POST";
    app: Side;
    baseline: Side;
    /** Another side measured in the same rounds, for the Server Action: the same check-in through the API route. */
    route?: Side;
    status?: number;
  };
  const template = (action: string) => ({
    pid: sql.pid!,
    base: baseline,
    path: () => `/${encodeURIComponent(action)}`,
    headers: callerOf,
  });
  const route: Side = {
    pid: app.pid,
    base: app.base,
    path: (h) => `/api/v1/quests/${h.questId}/check-ins`,
    headers: bearer,
  };
  const pairs: Pair[] = [
    { name: "POST /api/v1/quests/{id}/check-ins", method: "POST", app: route, baseline: template("check-in") },
    {
      // As the dashboard's button sends it: the action's id, its argument encoded as React does a plain object.
      name: "check-in, the dashboard's Server Action",
      method: "POST",
      app: {
        pid: app.pid,
        base: app.base,
        path: () => "/dashboard",
        headers: (h) => ({
          cookie: h.cookie,
          origin: app.base,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "sec-fetch-site": "same-origin",
          "next-action": checkInActionId,
          "next-router-state-tree": DASHBOARD_TREE,
        }),
        body: (h) => JSON.stringify([{ questId: h.questId, idempotencyKey: randomBytes(12).toString("hex") }]),
      },
      baseline: template("check-in"),
      route,
    },
    {
      name: "GET /api/v1/player, status cache",
      method: "GET",
      app: { pid: app.pid, base: app.base, path: () => "/api/v1/player", headers: bearer },
      baseline: template("status, cache hit"),
    },
    {
      name: "GET /api/v1/player, cache off",
      method: "GET",
      app: { pid: uncached.pid, base: uncached.base, path: () => "/api/v1/player", headers: bearer },
      baseline: template("status, cache off"),
    },
    {
      name: "GET /dashboard (signed in)",
      method: "GET",
      app: { pid: app.pid, base: app.base, path: () => "/dashboard", headers: (h) => ({ cookie: h.cookie }) },
      baseline: template("dashboard"),
    },
    {
      name: "a path no route serves (404)",
      method: "GET",
      app: { pid: app.pid, base: app.base, path: () => "/api/v1/no-such-route", headers: () => ({}) },
      baseline: { ...template("no such action"), path: () => "/no-such-action" },
      status: 404,
    },
  ];

  // The Server Action answers 200 whatever happened: its result must say it checked in.
  const [first] = hunters;
  const sent = await fetch(`${app.base}/dashboard`, {
    method: "POST",
    headers: pairs[1]!.app.headers(first!),
    body: pairs[1]!.app.body!(first!),
  });
  const answer = await sent.text();
  if (!answer.includes('"ok":true'))
    throw new Error(`the check-in action failed: ${sent.status} ${answer.slice(0, 300)}`);

  /**
   * Request i is Hunter i mod 50's (and a fresh idempotency key for a write): every server gets the same pattern.
   * A warm-up runs for a while; a measured round asks for a number of requests and waits for every answer, so the
   * CPU it reads is the work of exactly the requests it counts.
   */
  const measure = async (pair: Pair, side: Side, span: { duration: number } | { amount: number }) => {
    const before = usage(side.pid);
    const started = performance.now();
    const result = await load({
      url: side.base,
      connections: HUNTERS,
      ...span,
      method: pair.method,
      pathFor: (i) => side.path(hunters[i]!),
      headersFor: (i) => side.headers(hunters[i]!),
      ...(pair.method === "POST" && {
        bodyFor: (i: number) => (side.body ?? freshKey)(hunters[i]!),
      }),
    });
    const seconds = (performance.now() - started) / 1000;
    // A check-in's Redis writes run after its answer (`after`): let the last ones finish inside the reading.
    await sleep(100);
    const after = usage(side.pid);
    return { ...result, seconds, cpu: after.cpu - before.cpu };
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  const table: Record<string, string | number>[] = [];
  const ratios: Record<string, string>[] = [];
  let routeLine = "";
  for (const pair of pairs.filter((p) => p.name.includes(process.env.BASELINE_ONLY ?? ""))) {
    const sides = Object.entries({ app: pair.app, baseline: pair.baseline, route: pair.route }).filter(
      (entry): entry is [string, Side] => entry[1] !== undefined,
    );
    const totals = new Map(
      sides.map(([which]) => [which, { requests: 0, errors: 0, cpu: 0, seconds: 0, latencies: [] as number[] }]),
    );
    const perRound = new Map(sides.map(([which]) => [which, [] as number[]]));
    // Unmeasured first: a server that has been up a while has compiled its hot paths (V8's JIT), and the first
    // requests of a path also load its code. Every side warms up alike, and its warm-up throughput sizes its rounds.
    const amounts = new Map<string, number>();
    for (const [which, side] of sides) {
      console.log(`[bench:baseline] ${pair.name}: warming ${which} up…`);
      const warm = await measure(pair, side, { duration: WARM_UP_SECONDS });
      amounts.set(which, Math.max(HUNTERS, Math.round((warm.requests / warm.seconds) * SECONDS)));
    }
    for (let round = 0; round < ROUNDS; round++) {
      // Each side takes each place in the order in turn, so a slow spell of the machine falls on every side.
      const order = sides.map((_, i) => sides[(i + round) % sides.length]!);
      for (const [which, side] of order) {
        console.log(`[bench:baseline] ${pair.name}, round ${round + 1}/${ROUNDS}: ${which}…`);
        const r = await measure(pair, side, { amount: amounts.get(which)! });
        const t = totals.get(which)!;
        t.requests += r.requests;
        t.errors += r.errors;
        t.cpu += r.cpu;
        t.seconds += r.seconds;
        t.latencies.push(...r.latencies);
        perRound.get(which)!.push((r.cpu * 1000) / Math.max(1, r.requests));
      }
    }
    const rows = new Map(
      [...totals].map(([which, t]) => {
        t.latencies.sort((a, b) => a - b);
        return [
          which,
          {
            rps: t.requests / t.seconds,
            p50: percentile(t.latencies, 50),
            p95: percentile(t.latencies, 95),
            cpuMs: (t.cpu * 1000) / Math.max(1, t.requests),
            errors: t.errors,
          },
        ];
      }),
    );
    for (const [which, r] of rows) {
      table.push({
        path: `${pair.name}: ${which === "route" ? "the API route" : which}`,
        "req/s": Math.round(r.rps),
        "p50 ms": Math.round(r.p50),
        "p95 ms": Math.round(r.p95),
        "server CPU ms/req": r.cpuMs.toFixed(2),
        // Every answer of the 404 pair is one (autocannon counts it as an error).
        errors: pair.status === 404 ? "404s" : r.errors,
      });
    }
    /** The ratio of the app's CPU per request to another side's: over all rounds, and the median round's. */
    const against = (other: string) => {
      const rounds = perRound.get("app")!.map((cpu, i) => cpu / perRound.get(other)![i]!);
      return { all: rows.get("app")!.cpuMs / rows.get(other)!.cpuMs, median: median(rounds), rounds };
    };
    const cpu = against("baseline");
    ratios.push({
      path: pair.name,
      "CPU app / baseline": `×${cpu.all.toFixed(1)}`,
      "median round": `×${cpu.median.toFixed(1)}`,
      "throughput app / baseline": `${Math.round((100 * rows.get("app")!.rps) / rows.get("baseline")!.rps)} %`,
    });
    if (pair.route) {
      const action = against("route");
      const each = action.rounds.map((ratio) => `×${ratio.toFixed(2)}`).join(", ");
      routeLine = `The Server Action's check-in costs ×${action.all.toFixed(2)} the API route's CPU over all rounds, ×${action.median.toFixed(2)} in the median round (rounds: ${each}; target ≤ 1.5).`;
    }
  }
  console.log(`\n${HUNTERS} Hunters × 1 connection, ${ROUNDS} rounds in turn, each side ≈ ${SECONDS} s a round:`);
  console.table(table);
  console.table(ratios);
  if (routeLine) console.log(routeLine);
  console.log("Issue #16's targets for the check-in: CPU ≤ ×2 the baseline's, throughput ≥ 50 % of it.");
} finally {
  for (const child of children) child.kill("SIGTERM");
  await proxy.close();
  await sleep(300);
  await database.drop();
}
