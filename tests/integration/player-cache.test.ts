import { describe, expect, it, vi } from "vitest";
import { GET as playerRoute } from "@/app/api/v1/player/route";
import { POST as checkInRoute } from "@/app/api/v1/quests/[id]/check-ins/route";
import { DELETE as undoRoute } from "@/app/api/v1/check-ins/[id]/route";
import { db } from "@/lib/db";
import { getStore } from "@/lib/redis";
import { makePlayer, makeQuest } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

let queries = 0;
db.$on("query", () => void (queries += 1));

/** A check-in through the API, as a player's client sends it. */
const checkInThrough = (token: string, questId: string, idempotencyKey: string) =>
  call(checkInRoute, { method: "POST", token, params: { id: questId }, body: { idempotencyKey } });

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

    const checkIn = await checkInThrough(token, quest.id, "cache-test-0001");
    expect(checkIn.status).toBe(201);
    const after = await status();
    expect(after.xp).toBeGreaterThanOrEqual(100);
    expect(after.quests[0]).toMatchObject({ id: quest.id, completionsToday: 1, complete: true });

    const { checkIn: created } = await checkIn.json();
    expect((await call(undoRoute, { method: "DELETE", token, params: { id: created.id } })).status).toBe(200);
    expect((await status()).quests[0]).toMatchObject({ completionsToday: 0, complete: false });
  });

  it("keeps a read that began before a write from putting its older status back in the cache", async () => {
    const player = await makePlayer({ createdAt: new Date() });
    const token = await tokenFor(player);
    const quest = await makeQuest(player.playerId, {}, new Date());
    const status = async () => (await call(playerRoute, { token })).json();
    const store = getStore();
    await store.del(`status:${player.playerId}`);

    // The read computes the status (no check-in yet), then is held just before it stores it.
    const setIfUnchanged = store.setIfUnchanged.bind(store);
    let reachedSet!: () => void;
    const held = new Promise<void>((resolve) => (reachedSet = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(store, "setIfUnchanged").mockImplementationOnce(async (...args) => {
      reachedSet();
      await gate;
      return setIfUnchanged(...args);
    });
    try {
      const slowRead = status();
      await held;
      const checkIn = await checkInThrough(token, quest.id, "cache-race-0001");
      expect(checkIn.status).toBe(201);
      release();
      expect((await slowRead).quests[0]).toMatchObject({ completionsToday: 0 });
      expect(spy).toHaveBeenCalledTimes(1);
      await expect(spy.mock.results[0]!.value).resolves.toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect((await status()).quests[0]).toMatchObject({ id: quest.id, completionsToday: 1, complete: true });
    // And the read after it caches again.
    expect(JSON.parse((await store.get(`status:${player.playerId}`))!).status.quests[0].completionsToday).toBe(1);
  });
});
