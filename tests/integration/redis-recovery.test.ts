import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as leaderboardRoute } from "@/app/api/v1/leaderboard/route";
import { DELETE as deleteRoute, GET as playerRoute } from "@/app/api/v1/player/route";
import pg from "pg";
import { BOUNDED_STATEMENT_TIMEOUT_MS, boundedReads } from "@/lib/db";
import { metrics } from "@/lib/metrics/registry";
import { BREAKER } from "@/lib/redis";
import { POST as checkInRoute } from "@/app/api/v1/quests/[id]/check-ins/route";
import { Redis } from "@upstash/redis";
import { makePlayer, makeQuest } from "@/tests/support/factories";
import { startOwnRedis, type OwnRedis } from "@/tests/support/own-redis";
import { call, tokenFor } from "@/tests/support/routes";

// This file runs its own redis-server (and Upstash endpoint), so it can freeze, stop and empty it.
let redis: OwnRedis;

beforeAll(async () => {
  redis = await startOwnRedis();
  Object.assign(process.env, {
    UPSTASH_REDIS_REST_URL: redis.url,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? "ts:"}recovery:`,
  });
});

afterAll(async () => {
  await redis?.close();
});

type Hunter = { token: string; questId: string; playerId: string };

async function hunters(count: number): Promise<Hunter[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const player = await makePlayer({ createdAt: new Date() });
      const quest = await makeQuest(player.playerId, {}, new Date());
      return { token: await tokenFor(player), questId: quest.id, playerId: player.playerId };
    }),
  );
}

const checkIn = (hunter: Hunter, key: string) =>
  call(checkInRoute, {
    method: "POST",
    token: hunter.token,
    params: { id: hunter.questId },
    body: { idempotencyKey: key },
  });

/** Every key in this file's Redis, and whether any holds the player's id (as a key or a sorted-set member). */
async function redisMentions(playerId: string): Promise<string[]> {
  const raw = new Redis({ url: redis.url, token: redis.token });
  const found: string[] = [];
  for (const key of await raw.keys("*")) {
    if (key.includes(playerId)) found.push(key);
    else if ((await raw.type(key)) === "zset" && (await raw.zscore(key, playerId)) !== null) found.push(`${key} ∋ id`);
  }
  return found;
}

const statusOf = async (hunter: Hunter) => (await call(playerRoute, { token: hunter.token })).json();

const breakerState = async () =>
  ({ 0: "closed", 1: "half-open", 2: "open" })[(await metrics().redisBreakerState.get()).values[0]?.value ?? 0];

/** Keeps a Hunter's status being read (each read may be the breaker's probe) until the breaker has closed. */
async function untilClosed(hunter: Hunter) {
  for (let i = 0; i < 200 && (await breakerState()) !== "closed"; i++) {
    await statusOf(hunter);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await breakerState()).toBe("closed");
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

// Each outage lasts at least the breaker's cool-down.
describe("the Redis circuit breaker", { timeout: 60_000 }, () => {
  it("opens after a few timeouts of a frozen Redis, answers at once while open, and closes once Redis thaws", async () => {
    const [hunter] = await hunters(1);
    await untilClosed(hunter!);
    redis.freeze();
    try {
      for (let i = 0; i < BREAKER.failures; i++) expect((await statusOf(hunter!)).xp).toBe(0);
      expect(await breakerState()).toBe("open");
      // Open: no request waits for Redis's 300 ms timeout any more.
      const fast = await timed(async () => {
        for (let i = 0; i < 10; i++) expect((await statusOf(hunter!)).xp).toBe(0);
      });
      expect(fast.ms / 10).toBeLessThan(150);
    } finally {
      redis.thaw();
    }
    await untilClosed(hunter!);
  });

  it("keeps every path answering while Redis is stopped, and uses Redis again after it restarts", async () => {
    const [hunter] = await hunters(1);
    await untilClosed(hunter!);
    const transitions = async () => (await metrics().redisBreakerTransitions.get()).values.length;
    await redis.stop();
    try {
      expect((await checkIn(hunter!, "breaker-stopped-0")).status).toBe(201);
      expect((await statusOf(hunter!)).xp).toBeGreaterThan(0);
      const board = await call(leaderboardRoute, { token: hunter!.token, path: "/?board=weekly&limit=50" });
      expect(await board.json()).toMatchObject({ source: "database", you: { position: expect.any(Number) } });
      expect(await breakerState()).toBe("open");
    } finally {
      await redis.start();
    }
    await untilClosed(hunter!);
    expect(await transitions()).toBeGreaterThan(0);
  });
});

describe("the leaderboards' SQL fallback", () => {
  it("gives up on a statement after its timeout and answers 503 with Retry-After, not a pile-up", async () => {
    const [hunter] = await hunters(1);
    expect((await checkIn(hunter!, "fallback-timeout-0")).status).toBe(201);
    const board = () => call(leaderboardRoute, { token: hunter!.token, path: "/?board=weekly&limit=50" });
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await redis.partition();
    try {
      await blocker.query(`BEGIN; LOCK TABLE "WeeklyScore" IN ACCESS EXCLUSIVE MODE`);
      const { result, ms } = await timed(board);
      expect(result.status).toBe(503);
      expect(result.headers.get("retry-after")).toBe("2");
      expect(ms).toBeLessThan(BOUNDED_STATEMENT_TIMEOUT_MS * 4);
      await blocker.query("ROLLBACK");
      const answer = await board();
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ source: "database", you: { position: expect.any(Number) } });
    } finally {
      await blocker.end();
      await redis.heal();
    }
  });
});

describe("the leaderboards' SQL fallback under load", { timeout: 60_000 }, () => {
  it("reads the top once for many Hunters asking at once while Redis is away, and each Hunter's own place", async () => {
    const many = await hunters(20);
    await untilClosed(many[0]!);
    for (const [i, hunter] of many.entries()) expect((await checkIn(hunter, `fallback-shared-${i}`)).status).toBe(201);
    const tops: string[] = [];
    const reader = boundedReads();
    reader.$on("query", (event) => {
      if (/ORDER BY/.test(event.query)) tops.push(event.query);
    });
    await redis.partition();
    try {
      const answers = await Promise.all(
        many.map(async (hunter) =>
          (await call(leaderboardRoute, { token: hunter.token, path: "/?board=weekly&limit=7" })).json(),
        ),
      );
      expect(tops).toHaveLength(1);
      for (const answer of answers) {
        expect(answer).toMatchObject({ source: "database", you: { position: expect.any(Number) } });
        expect(answer.entries).toEqual(answers[0].entries);
      }
      const places = answers.map((answer) => answer.you.position);
      expect(new Set(places).size).toBe(many.length);
    } finally {
      await redis.heal();
    }
  });
});

describe("after Redis was unreachable", { timeout: 60_000 }, () => {
  it("serves no status cached before a write made during the outage", async () => {
    const ten = await hunters(10);
    await untilClosed(ten[0]!);
    for (const hunter of ten) expect((await statusOf(hunter)).xp).toBe(0); // cached

    await redis.partition();
    for (const [i, hunter] of ten.entries()) expect((await checkIn(hunter, `recovery-stale-${i}`)).status).toBe(201);
    await redis.heal();
    await untilClosed(ten[0]!);

    const stale = [];
    for (const hunter of ten) if ((await statusOf(hunter)).xp === 0) stale.push(hunter);
    console.info(`[recovery] ${stale.length} of ${ten.length} players saw their pre-outage XP after Redis returned`);
    expect(stale).toHaveLength(0);
  });

  it("answers the boards after Redis restarted empty, and rebuilds them instead of going silently empty", async () => {
    const [first, second] = await hunters(2);
    await untilClosed(first!);
    for (const [i, hunter] of [first!, second!].entries()) {
      expect((await checkIn(hunter, `recovery-board-${i}`)).status).toBe(201);
    }
    const board = async (name: string) =>
      (await call(leaderboardRoute, { token: first!.token, path: `/?board=${name}&limit=100` })).json();
    /** A board missing its marker is answered from SQL and rebuilt in the background, then read from Redis. */
    const fromRedis = async (name: string) => {
      let answer = await board(name);
      for (let i = 0; i < 100 && answer.source !== "redis"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await board(name);
      }
      return answer;
    };
    for (const name of ["all", "weekly"]) expect(await fromRedis(name)).toMatchObject({ source: "redis" });

    await redis.stop();
    await redis.start();
    await untilClosed(first!);

    for (const name of ["all", "weekly"]) {
      const answer = await board(name);
      console.info(
        `[recovery] ${name} board after an empty restart: ${answer.entries.length} entries, from ${answer.source}`,
      );
      expect(answer.you).toMatchObject({ position: expect.any(Number) });
      expect(answer.entries.length).toBeGreaterThanOrEqual(2);
      expect(await fromRedis(name)).toMatchObject({ source: "redis", you: answer.you, entries: answer.entries });
    }
  });

  it("leaves nothing of an account deleted during an outage once Redis returns", async () => {
    const [hunter, other] = await hunters(2);
    await untilClosed(other!);
    expect((await checkIn(hunter!, "recovery-deleted-0")).status).toBe(201);
    await statusOf(hunter!);
    expect(await redisMentions(hunter!.playerId)).not.toEqual([]);

    await redis.partition();
    expect((await call(deleteRoute, { method: "DELETE", token: hunter!.token })).status).toBe(204);
    await redis.heal();

    // Another Hunter's requests find Redis back (directly, or through the breaker's probe), which drains the repairs.
    let left = await redisMentions(hunter!.playerId);
    for (let i = 0; i < 200 && left.length > 0; i++) {
      await statusOf(other!);
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await redisMentions(hunter!.playerId);
    }
    console.info(`[recovery] keys left for an account deleted during the outage: ${left.join(", ") || "none"}`);
    expect(left).toEqual([]);
  });
});
