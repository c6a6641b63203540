import { describe, expect, it } from "vitest";
import { GET as playerRoute } from "@/app/api/v1/player/route";
import { POST as checkInRoute } from "@/app/api/v1/quests/[id]/check-ins/route";
import { DELETE as undoRoute } from "@/app/api/v1/check-ins/[id]/route";
import { db } from "@/lib/db";
import { getStore } from "@/lib/redis";
import { makePlayer, makeQuest } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

let queries = 0;
db.$on("query", () => void (queries += 1));

async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queries;
  const result = await work();
  return { result, queries: queries - before };
}

describe("the player status cache", () => {
  it("runs on Redis in this suite", () => {
    expect(getStore().kind).toBe(process.env.UPSTASH_REDIS_REST_URL ? "upstash" : "memory");
  });

  it("serves a repeat GET /api/v1/player from the cache, and shows a check-in in the very next GET", async () => {
    const player = await makePlayer({ createdAt: new Date() });
    const token = await tokenFor(player);
    const quest = await makeQuest(player.playerId, {}, new Date());
    const status = async () => (await call(playerRoute, { token })).json();

    const first = await status();
    expect(first.xp).toBe(0);
    const repeat = await countQueries(status);
    const cold = await countQueries(async () => {
      await getStore().del(`status:${player.playerId}`);
      return status();
    });
    expect(repeat.result).toEqual({ ...first, secondsUntilReset: expect.any(Number) });
    expect(repeat.queries).toBeLessThan(cold.queries);

    const checkIn = await call(checkInRoute, {
      method: "POST",
      token,
      params: { id: quest.id },
      body: { idempotencyKey: "cache-test-0001" },
    });
    expect(checkIn.status).toBe(201);
    const after = await status();
    expect(after.xp).toBeGreaterThanOrEqual(100);
    expect(after.quests[0]).toMatchObject({ id: quest.id, completionsToday: 1, complete: true });

    const { checkIn: created } = await checkIn.json();
    expect((await call(undoRoute, { method: "DELETE", token, params: { id: created.id } })).status).toBe(200);
    expect((await status()).quests[0]).toMatchObject({ completionsToday: 0, complete: false });
  });
});
