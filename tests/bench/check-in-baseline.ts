// npx tsx --conditions=react-server tests/bench/check-in-baseline.ts (after `npm run build`; also run by `npm run
// bench`): what a check-in costs the app against what its SQL alone costs (issue #16). The integration suite's cost
// test makes one check-in through POST /api/v1/quests/{id}/check-ins and writes the statements the ORM issued (its
// query events) to a template; tests/bench/sql-server.mjs replays that template per request over plain `pg`, so the
// baseline cannot drift from what the app really does. Then the production build and the baseline take the same
// load in alternating rounds (50 Hunters, request i is Hunter i mod 50's, a fresh idempotency key each) and the table
// gives req/s, p50/p95 and server CPU per request of each, and their ratios. Prints; asserts nothing.
// BASELINE_PRINT=1 prints the captured statements too.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashToken } from "@/lib/secrets";
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
const ROUNDS = 3;
const SECONDS = Math.max(2, Math.round(Number(process.env.BENCH_SECONDS ?? 10) / ROUNDS));

const database = await benchDatabase("thesystem_bench_baseline");
const proxy = await startUpstashProxy({ token: randomBytes(16).toString("hex") });
const env = appEnv(database.url, {
  UPSTASH_REDIS_REST_URL: proxy.url,
  UPSTASH_REDIS_REST_TOKEN: proxy.token,
  REDIS_PREFIX: `bench-baseline:${Date.now()}:`,
});
const children: ChildProcess[] = [];

type Hunter = { token: string; tokenHash: string; playerId: string; questId: string };

try {
  const app = await startApp(env);
  children.push(app.child);
  // The capture: the integration suite's cost test makes one check-in through the route handler on a database and
  // Redis of its own and writes the statements it issued (tests/integration/cost-per-action.test.ts).
  const templatePath = path.join(tmpdir(), `check-in-template-${process.pid}.json`);
  execFileSync(path.join(root, "node_modules/.bin/vitest"), ["run", "tests/integration/cost-per-action.test.ts"], {
    cwd: root,
    env: { ...process.env, CHECK_IN_TEMPLATE: templatePath },
    stdio: "ignore",
  });
  const template = JSON.parse(readFileSync(templatePath, "utf8")) as { query: string; params: unknown[] }[];
  console.log(`[bench:baseline] a check-in issues ${template.length} statements (template: ${templatePath})`);
  if (process.env.BASELINE_PRINT) for (const t of template) console.log(t.query, JSON.stringify(t.params));

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
    const { rows } = await lookup.query<{ id: string }>(`SELECT id FROM "Player" WHERE "hunterName" = $1`, [
      account.hunterName,
    ]);
    const playerId = rows[0]!.id;
    const token = auth.authorization.slice("Bearer ".length);
    hunters.push({ token, tokenHash: hashToken(token), playerId, questId: (habit.quest ?? habit).id! });
  }
  await lookup.end();
  const sqlPort = await freePort();
  const sql = spawn(process.execPath, [path.join(root, "tests/bench/sql-server.mjs"), String(sqlPort), templatePath], {
    env,
    stdio: "inherit",
  });
  children.push(sql);
  await sleep(500);

  type Target = {
    name: string;
    pid: number;
    base: string;
    path: (h: Hunter) => string;
    headers: (h: Hunter) => Record<string, string>;
  };
  const targets: Target[] = [
    {
      name: "app: POST /api/v1/quests/{id}/check-ins",
      pid: app.pid,
      base: app.base,
      path: (h) => `/api/v1/quests/${h.questId}/check-ins`,
      headers: (h) => ({ authorization: `Bearer ${h.token}` }),
    },
    {
      name: "baseline: the same SQL over plain pg",
      pid: sql.pid!,
      base: `http://127.0.0.1:${sqlPort}`,
      path: () => "/",
      headers: (h) => ({ "x-player": h.playerId, "x-quest": h.questId, "x-token-hash": h.tokenHash }),
    },
  ];

  /** Request i is Hunter i mod 50's, with a fresh idempotency key: both servers get the same pattern. */
  const measure = async (target: Target) => {
    const before = usage(target.pid);
    const result = await load({
      url: target.base,
      connections: HUNTERS,
      duration: SECONDS,
      method: "POST",
      pathFor: (i) => target.path(hunters[i]!),
      headersFor: (i) => target.headers(hunters[i]!),
      bodyFor: () => JSON.stringify({ idempotencyKey: randomBytes(12).toString("hex") }),
    });
    const after = usage(target.pid);
    return { ...result, cpu: after.cpu - before.cpu };
  };

  const totals = new Map(targets.map((t) => [t.name, { requests: 0, errors: 0, cpu: 0, latencies: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
      console.log(`[bench:baseline] round ${round + 1}/${ROUNDS}: ${target.name}…`);
      const r = await measure(target);
      const t = totals.get(target.name)!;
      t.requests += r.requests;
      t.errors += r.errors;
      t.cpu += r.cpu;
      t.latencies.push(...r.latencies);
    }
  }
  const rows = targets.map((target) => {
    const t = totals.get(target.name)!;
    t.latencies.sort((a, b) => a - b);
    return {
      path: target.name,
      "req/s": t.requests / (ROUNDS * SECONDS),
      p50: percentile(t.latencies, 50),
      p95: percentile(t.latencies, 95),
      cpuMs: (t.cpu * 1000) / Math.max(1, t.requests),
      errors: t.errors,
    };
  });
  console.log(`\nA check-in, ${HUNTERS} Hunters × 1 connection, ${ROUNDS} alternating rounds × ${SECONDS} s:`);
  console.table(
    rows.map((r) => ({
      path: r.path,
      "req/s": Math.round(r["req/s"]),
      "p50 ms": Math.round(r.p50),
      "p95 ms": Math.round(r.p95),
      "server CPU ms/req": r.cpuMs.toFixed(2),
      errors: r.errors,
    })),
  );
  const [appRow, sqlRow] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    `app / baseline: CPU per check-in ×${(appRow.cpuMs / sqlRow.cpuMs).toFixed(2)} (target ≤ 2), ` +
      `throughput ${Math.round((100 * appRow["req/s"]) / sqlRow["req/s"])} % of the baseline's (target ≥ 50 %)`,
  );
} finally {
  for (const child of children) child.kill("SIGTERM");
  await proxy.close();
  await sleep(300);
  await database.drop();
}
