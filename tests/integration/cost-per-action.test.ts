// What one action costs the database and Redis, counted through the real route handlers (Prisma query events;
// every Redis command as it reaches the Upstash REST endpoint): the numbers docs/operations.md builds its scaling
// and cost estimates on. The budgets fail the test when an action gets more expensive.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { GET as leaderboardRoute } from "@/app/api/v1/leaderboard/route";
import { GET as playerRoute } from "@/app/api/v1/player/route";
import { POST as checkInRoute } from "@/app/api/v1/quests/[id]/check-ins/route";
import { POST as questsRoute } from "@/app/api/v1/quests/route";
import { db } from "@/lib/db";
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
const statements: { query: string; params: unknown[] }[] = [];
db.$on("query", (event) => {
  queries += 1;
  statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
});

/**
 * `npm run bench` replays a check-in's SQL over plain `pg` as its baseline (tests/bench/check-in-baseline.ts), where
 * every Hunter taps a habit over and over, so past the awarded taps of the day: with CHECK_IN_TEMPLATE set, the
 * statements of such a tap (a habit's 11th of the day, through the route) are written there, the caller's values
 * named ($player, $quest, $key, $tokenHash) and the ids the app made up for it marked fresh ($new:n).
 */
async function captureHabitTap(playerId: string, token: string) {
  const habit = await makeQuest(playerId, { kind: "HABIT", stats: ["STR"] }, new Date());
  const tap = (key: string) =>
    call(checkInRoute, { method: "POST", token, params: { id: habit.id }, body: { idempotencyKey: key } });
  for (let i = 0; i < 10; i++) expect((await tap(`tap-${habit.id}-${i}`)).status).toBe(201);
  const first = statements.length;
  const key = `tap-${habit.id}-10`;
  expect((await tap(key)).status).toBe(201);
  const named = new Map<unknown, string>([
    [playerId, "$player"],
    [habit.id, "$quest"],
    [key, "$key"],
    [hashToken(token), "$tokenHash"],
  ]);
  const fresh = new Map<string, string>();
  const template = statements.slice(first).map(({ query, params }) => ({
    query,
    params: params.map((value) => {
      if (named.has(value)) return named.get(value);
      if (typeof value === "string" && /^c[a-z0-9]{20,32}$/.test(value)) {
        if (!fresh.has(value)) fresh.set(value, `$new:${fresh.size}`);
        return fresh.get(value);
      }
      return value;
    }),
  }));
  writeFileSync(process.env.CHECK_IN_TEMPLATE!, JSON.stringify(template));
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
    if (process.env.CHECK_IN_TEMPLATE) await captureHabitTap(player.playerId, token);
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
      "POST /api/v1/quests/[id]/check-ins": { queries: 17, redis: 6 },
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
