import "server-only";
import { db } from "@/lib/db";
import type { Board } from "@/lib/leaderboard/schemas";
import { orElse, getStore } from "@/lib/redis";
import type { RankedEntry } from "@/lib/store/types";
import { isoWeekUtc } from "@/lib/time/rules";

/** Weekly boards reset Monday 00:00 UTC: one key per ISO week. */
export function boardKey(board: Board, now: Date): string {
  return board === "all" ? "lb:all" : `lb:week:${isoWeekUtc(now)}`;
}

/** Monday 00:00 UTC of the instant's ISO week. */
export function weekStartUtc(now: Date): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  return start;
}

/** XP credited to each player this ISO week, from the ledger (undos and releases included). */
export async function weeklyXp(now: Date, playerIds?: string[]): Promise<RankedEntry[]> {
  const rows = await db.ledgerEntry.groupBy({
    by: ["playerId"],
    where: {
      createdAt: { gte: weekStartUtc(now) },
      player: { leaderboardOptOut: false },
      ...(playerIds && { playerId: { in: playerIds } }),
    },
    _sum: { xp: true },
  });
  return rows.map((row) => ({ member: row.playerId, score: row._sum.xp ?? 0 }));
}

/**
 * Puts the player's current scores on both boards (or takes them off when they opted out). Scores are absolute
 * values read from the database after the write committed, so a retried or repeated sync never double-counts.
 */
export async function syncLeaderboards(playerId: string, now: Date): Promise<void> {
  const store = getStore();
  // The in-process store keeps no boards: they are read from Postgres (lib/leaderboard/queries.ts).
  if (store.kind !== "upstash") return;
  const player = await db.player.findUnique({ where: { id: playerId }, select: { xp: true, leaderboardOptOut: true } });
  await orElse(async () => {
    if (!player || player.leaderboardOptOut) {
      await Promise.all([store.zrem(boardKey("all", now), playerId), store.zrem(boardKey("weekly", now), playerId)]);
      return;
    }
    // The weekly board holds the players with ledger entries this week, as a rebuild would.
    const [weekly] = await weeklyXp(now, [playerId]);
    await Promise.all([
      store.zset(boardKey("all", now), [{ member: playerId, score: player.xp }]),
      weekly ? store.zset(boardKey("weekly", now), [weekly]) : store.zrem(boardKey("weekly", now), playerId),
    ]);
  }, undefined);
}

/** Restores both boards from the database (the ledger's totals), e.g. after Redis lost its data. */
export async function rebuildLeaderboards(now: Date): Promise<{ all: number; weekly: number }> {
  const store = getStore();
  const all = await db.player.findMany({ where: { leaderboardOptOut: false }, select: { id: true, xp: true } });
  const weekly = await weeklyXp(now);
  await store.del(boardKey("all", now), boardKey("weekly", now));
  const BATCH = 1_000;
  for (let i = 0; i < all.length; i += BATCH) {
    await store.zset(
      boardKey("all", now),
      all.slice(i, i + BATCH).map((p) => ({ member: p.id, score: p.xp })),
    );
  }
  for (let i = 0; i < weekly.length; i += BATCH) await store.zset(boardKey("weekly", now), weekly.slice(i, i + BATCH));
  return { all: all.length, weekly: weekly.length };
}
