import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLeaderboard } from "@/lib/leaderboard/queries";
import { boardKey, rebuildLeaderboards } from "@/lib/leaderboard/service";
import { afterPlayerWrite } from "@/lib/player/cache";
import { updatePlayer } from "@/lib/player/service";
import { deleteAccount } from "@/lib/accounts/service";
import { getStore } from "@/lib/redis";
import { checkInAt, makePlayer, makeQuest, type TestPlayer } from "@/tests/support/factories";

// Other test files create players at the same time, so boards are compared on this file's players only.
const now = new Date();
let players: TestPlayer[] = [];

async function award(player: TestPlayer, checkIns: number) {
  for (let i = 0; i < checkIns; i++) {
    const quest = await makeQuest(player.playerId, { kind: "HABIT", difficulty: "HARD" }, now);
    await checkInAt(player.playerId, quest.id, now);
  }
  await afterPlayerWrite(player.playerId, now);
}

/** Monday 00:00 UTC of this ISO week. */
function weekStartUtc(at: Date): Date {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  return start;
}

/** XP the ledger credited this ISO week, per player: what the weekly board (and WeeklyScore) must show. */
async function ledgerWeeklyXp(ids: string[]) {
  const rows = await db.ledgerEntry.groupBy({
    by: ["playerId"],
    where: { createdAt: { gte: weekStartUtc(now) }, playerId: { in: ids } },
    _sum: { xp: true },
  });
  return new Map(rows.map((row) => [row.playerId, row._sum.xp ?? 0]));
}

async function sqlScores(board: "all" | "weekly") {
  const ids = players.map((p) => p.playerId);
  if (board === "weekly") return ledgerWeeklyXp(ids);
  const rows = await db.player.findMany({ where: { id: { in: ids } }, select: { id: true, xp: true } });
  return new Map(rows.map((r) => [r.id, r.xp]));
}

/** This file's players as each board orders them, with their scores. */
async function redisOrder(board: "all" | "weekly") {
  const store = getStore();
  const entries = await Promise.all(
    players.map(async (p) => ({ id: p.playerId, rank: await store.zrevrank(boardKey(board, now), p.playerId) })),
  );
  return entries
    .filter((e) => e.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .map((e) => e.id);
}

beforeAll(async () => {
  players = [];
  for (const checkIns of [1, 3, 2, 4]) {
    const player = await makePlayer({ createdAt: now });
    await award(player, checkIns);
    players.push(player);
  }
});

describe("leaderboards", () => {
  it.each(["all", "weekly"] as const)("orders the %s board by the XP the ledger credited", async (board) => {
    const scores = await sqlScores(board);
    const expected = [...players]
      .sort((a, b) => scores.get(b.playerId)! - scores.get(a.playerId)!)
      .map((p) => p.playerId);
    expect(await redisOrder(board)).toEqual(expected);
  });

  it("rebuilds both boards from the ledger after Redis loses them", async () => {
    const store = getStore();
    const before = { all: await redisOrder("all"), weekly: await redisOrder("weekly") };
    await store.del(boardKey("all", now), boardKey("weekly", now));
    expect(await redisOrder("all")).toEqual([]);

    const counts = await rebuildLeaderboards(now);
    expect(counts.all).toBeGreaterThanOrEqual(players.length);
    expect({ all: await redisOrder("all"), weekly: await redisOrder("weekly") }).toEqual(before);
    for (const board of ["all", "weekly"] as const) {
      for (const [id, score] of await sqlScores(board)) {
        expect((await store.ztop(boardKey(board, now), 10_000)).find((e) => e.member === id)?.score).toBe(score);
      }
    }
  });

  it("tells the caller their place: '#position of total', hunter names but no emails", async () => {
    const top = players[3]!;
    const board = await getLeaderboard("all", 100, top.playerId, now);
    expect(board.source).toBe("redis");
    const you = board.you!;
    expect(you.position).toBeGreaterThanOrEqual(1);
    expect(you.position).toBeLessThanOrEqual(you.total);
    const mine = board.entries.find((e) => e.hunterName === top.hunterName) ?? null;
    const { xp } = await db.player.findUniqueOrThrow({ where: { id: top.playerId }, select: { xp: true } });
    expect(mine).toEqual(
      you.position <= 100
        ? { position: you.position, hunterName: top.hunterName, rank: "E", level: expect.any(Number), title: null, xp }
        : null,
    );
    expect(JSON.stringify(board)).not.toContain("@example.com");
  });

  it("drops a Hunter who opts out, and one whose account is deleted", async () => {
    const [optOut, deleted] = [await makePlayer({ createdAt: now }), await makePlayer({ createdAt: now })];
    await award(optOut, 1);
    await award(deleted, 1);
    const store = getStore();
    expect(await store.zrevrank(boardKey("all", now), optOut.playerId)).not.toBeNull();

    await updatePlayer(optOut.playerId, { leaderboardOptOut: true }, now);
    await afterPlayerWrite(optOut.playerId, now);
    expect(await store.zrevrank(boardKey("all", now), optOut.playerId)).toBeNull();
    expect(await store.zrevrank(boardKey("weekly", now), optOut.playerId)).toBeNull();
    expect((await getLeaderboard("all", 10, optOut.playerId, now)).you).toBeNull();

    await deleteAccount(deleted.playerId);
    await afterPlayerWrite(deleted.playerId, now);
    expect(await store.zrevrank(boardKey("all", now), deleted.playerId)).toBeNull();
  });
});
