// What one action costs the database and Redis, counted through the real route handlers (Prisma query events;
// every Redis command as it reaches the Upstash REST endpoint): the numbers docs/operations.md builds its scaling
// and cost estimates on. The budgets fail the test when an action gets more expensive.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { GET as leaderboardRoute } from "@/app/api/v1/leaderboard/route";
import { GET as playerRoute } from "@/app/api/v1/player/route";
import { POST as checkInRoute } from "@/app/api/v1/quests/[id]/check-ins/route";
import { POST as questsRoute } from "@/app/api/v1/quests/route";
import { enterPlayer, sessionCallerOf } from "@/lib/auth/player";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { getTodayInsights } from "@/lib/insights/queries";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { hashToken } from "@/lib/secrets";
import { makePlayer, makeQuest } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

const upstash = inject("upstash");
let redisCommands = 0;
// A counting hop in front of the suite's Upstash-compatible endpoint: POST / is one command, /pipeline and
// /multi-exec carry several.
const counter = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const parsed = JSON.parse(body || "[]") as unknown[];
    redisCommands += req.url === "/" ? 1 : parsed.length;
    steps.push({ redis: req.url!, body: parsed });
    const upstream = await fetch(`${upstash!.url}${req.url}`, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "content-length"),
      ) as Record<string, string>,
      body,
    });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(await upstream.text());
  });
});
if (upstash) {
  await new Promise<void>((resolve) => counter.listen(0, "127.0.0.1", resolve));
  // Read lazily by lib/env and lib/redis, after this line. A generous timeout: on a busy machine a call slower
  // than the usual 300 ms would fall back (bypassing the cache, say) and change what is being counted.
  process.env.UPSTASH_REDIS_REST_URL = `http://127.0.0.1:${(counter.address() as AddressInfo).port}`;
  process.env.REDIS_TIMEOUT_MS = "5000";
}
afterAll(() => new Promise<void>((resolve) => (upstash ? counter.close(() => resolve()) : resolve())));

let queries = 0;
/** What the app asked of Postgres and Redis, in order: the baselines' templates (captureTemplates). */
type Step = { query: string; params: unknown[] } | { redis: string; body: unknown[] };
const steps: Step[] = [];
db.$on("query", (event) => {
  queries += 1;
  steps.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
});

// Prisma reports every statement it runs as a query event but the BEGIN its driver adapter opens a transaction
// with: the capture notes that one as it goes out (the pool's clients are node-postgres').
const send = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first] = args as [string | { text?: string }];
  if ((typeof first === "string" ? first : first?.text) === "BEGIN") steps.push({ query: "BEGIN", params: [] });
  return (send as (...a: unknown[]) => unknown).apply(this, args);
} as typeof send;

/** The steps `work` makes the app take. */
async function stepsOf(work: () => Promise<unknown>): Promise<Step[]> {
  const first = steps.length;
  await work();
  return steps.slice(first);
}

/**
 * `npm run bench` replays what an action asks of Postgres and Redis over plain `pg` and `fetch` as its baseline
 * (tests/bench/sql-baseline.ts): with BASELINE_TEMPLATES set, the steps of each of its actions are written there,
 * the caller's values named (SQL parameters "$player", "$quest", "$key", "$tokenHash", "$user", "$sid"; inside Redis
 * commands "{player}" and "{prefix}") and the ids the app made up marked fresh ("$new:n"). The actions: a habit's
 * 11th tap of the day (every Hunter of the bench taps over and over, so past the awarded taps), the status read
 * from the cache and from SQL (cache off: its Redis steps left out), and the dashboard's reads as its page makes
 * them (the session's player, the status, today's insights).
 */
async function captureTemplates(player: { playerId: string; userId: string }, token: string) {
  const { playerId, userId } = player;
  const habit = await makeQuest(playerId, { kind: "HABIT", stats: ["STR"] }, new Date());
  const tap = (key: string) =>
    call(checkInRoute, { method: "POST", token, params: { id: habit.id }, body: { idempotencyKey: key } });
  for (let i = 0; i < 10; i++) expect((await tap(`tap-${habit.id}-${i}`)).status).toBe(201);
  const key = `tap-${habit.id}-10`;
  const checkIn = await stepsOf(async () => expect((await tap(key)).status).toBe(201));
  const status = () => stepsOf(async () => expect((await call(playerRoute, { token })).status).toBe(200));
  const miss = await status();
  const hit = await status();
  const sid = await startSession(userId, new Date());
  const dashboard = await stepsOf(async () => {
    const caller = await sessionCallerOf(userId, { sid, sessionVersion: 0 });
    if (caller === "ENDED") throw new Error("the session did not hold");
    const viewer = await enterPlayer(caller);
    await Promise.all([cachedPlayerStatus(viewer), getTodayInsights(playerId, viewer.now)]);
  });

  const named = new Map<unknown, string>([
    [playerId, "$player"],
    [habit.id, "$quest"],
    [key, "$key"],
    [hashToken(token), "$tokenHash"],
    [userId, "$user"],
    [sid, "$sid"],
  ]);
  const fresh = new Map<string, string>();
  const template = (taken: Step[]) =>
    taken.map((step) => {
      if ("redis" in step) {
        const name = (value: unknown) =>
          typeof value === "string"
            ? value.replaceAll(process.env.REDIS_PREFIX!, "{prefix}").replaceAll(playerId, "{player}")
            : value;
        const body = step.redis === "/" ? step.body.map(name) : step.body.map((c) => (c as unknown[]).map(name));
        return { redis: step.redis, body };
      }
      const params = step.params.map((value) => {
        if (named.has(value)) return named.get(value);
        if (typeof value === "string" && /^c[a-z0-9]{20,32}$/.test(value)) {
          if (!fresh.has(value)) fresh.set(value, `$new:${fresh.size}`);
          return fresh.get(value);
        }
        return value;
      });
      return { query: step.query, params };
    });
  writeFileSync(
    process.env.BASELINE_TEMPLATES!,
    JSON.stringify({
      "check-in": template(checkIn),
      "status, cache hit": template(hit),
      "status, cache off": template(miss.filter((step) => !("redis" in step))),
      dashboard: template(dashboard),
    }),
  );
}

async function cost(work: () => Promise<Response>, status: number) {
  const [q, r] = [queries, redisCommands];
  const response = await work();
  expect(response.status, await response.clone().text()).toBe(status);
  return { queries: queries - q, redis: redisCommands - r };
}

describe.runIf(upstash)("cost per action", () => {
  it("is within budget for the actions a player repeats every day", async () => {
    const player = await makePlayer({ createdAt: new Date() });
    const token = await tokenFor(player);
    const quest = await makeQuest(player.playerId, {}, new Date());
    const checkIn = () =>
      call(checkInRoute, {
        method: "POST",
        token,
        params: { id: quest.id },
        body: { idempotencyKey: `cost-${quest.id}` },
      });

    // The boards as a running deployment has them: complete (the first read of a board that is not rebuilds it).
    const board = () => call(leaderboardRoute, { token, path: "/api/v1/leaderboard" }).then((r) => r.json());
    for (let i = 0; i < 100 && upstash && (await board()).source !== "redis"; i++)
      await new Promise((r) => setTimeout(r, 50));

    const cacheMiss = await cost(() => call(playerRoute, { token }), 200);
    const cacheHit = await cost(() => call(playerRoute, { token }), 200);
    const checkInCost = await cost(checkIn, 201);
    const measured = {
      "GET /api/v1/player (cache miss)": cacheMiss,
      "GET /api/v1/player (cache hit)": cacheHit,
      "POST /api/v1/quests/[id]/check-ins": checkInCost,
      "POST /api/v1/quests/[id]/check-ins (replay)": await cost(checkIn, 200),
      "POST /api/v1/quests": await cost(
        () =>
          call(questsRoute, {
            method: "POST",
            token,
            body: { title: "Read 10 pages", kind: "DAILY", difficulty: "EASY", stats: ["INT"] },
          }),
        201,
      ),
      "GET /api/v1/leaderboard": await cost(() => call(leaderboardRoute, { token, path: "/api/v1/leaderboard" }), 200),
    };
    if (process.env.BASELINE_TEMPLATES) await captureTemplates(player, token);
    console.log(
      [
        "action | queries | Redis commands",
        ...Object.entries(measured).map(([a, c]) => `${a} | ${c.queries} | ${c.redis}`),
      ].join("\n"),
    );

    // Measured here (docs/operations.md), plus one query and one command of headroom.
    const budget: Record<keyof typeof measured, { queries: number; redis: number }> = {
      "GET /api/v1/player (cache miss)": { queries: 5, redis: 3 },
      "GET /api/v1/player (cache hit)": { queries: 2, redis: 2 },
      "POST /api/v1/quests/[id]/check-ins": { queries: 11, redis: 6 },
      "POST /api/v1/quests/[id]/check-ins (replay)": { queries: 5, redis: 5 },
      "POST /api/v1/quests": { queries: 8, redis: 5 },
      "GET /api/v1/leaderboard": { queries: 3, redis: 5 },
    };
    for (const [action, spent] of Object.entries(measured) as [
      keyof typeof measured,
      { queries: number; redis: number },
    ][]) {
      expect(spent.queries, `${action} queries`).toBeLessThanOrEqual(budget[action].queries);
      expect(spent.redis, `${action} Redis commands`).toBeLessThanOrEqual(budget[action].redis);
    }
  });
});
