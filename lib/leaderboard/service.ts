import "server-only";
import { db, rawSql } from "@/lib/db";
import type { Board } from "@/lib/leaderboard/schemas";
import { logger } from "@/lib/log/logger";
import { getStore, orElse } from "@/lib/redis";
import type { RankedEntry, Store, StoreWrite } from "@/lib/store/types";
import { isoWeekUtc } from "@/lib/time/rules";

/** Weekly boards reset Monday 00:00 UTC: one key per ISO week. */
export function boardKey(board: Board, now: Date): string {
  return board === "all" ? "lb:all" : `lb:week:${isoWeekUtc(now)}`;
}

/**
 * A member every complete board holds, put there by the rebuild, below any score a Hunter can have. A board
 * without it lost its data (Redis restarted empty, evicted the key) or was never built: it is answered from SQL and
 * rebuilt. It lives in the sorted set itself, so the board and its marker are kept or lost together.
 */
export const COMPLETE_MARKER = "#complete";
const MARKER_SCORE = -1e15;

/**
 * The writes that put the player's current scores on both boards (or take them off when they opted out or are
 * gone), for the caller to send with its own in one round trip (lib/player/cache.ts afterPlayerWrite). Scores are
 * absolute values read from the database after the write committed, so a retried or repeated sync never
 * double-counts. None for the in-process store, which keeps no boards (they are read from Postgres there);
 * `gone` when the player no longer exists.
 */
export async function leaderboardWrites(playerId: string, now: Date): Promise<{ writes: StoreWrite[]; gone: boolean }> {
  if (getStore().kind !== "upstash") return { writes: [], gone: false };
  const week = isoWeekUtc(now);
  // After every write: one raw statement (rawSql: the ORM's nested read would cost more CPU than the database does).
  const [player] = await rawSql.$queryRaw<{ xp: number; leaderboardOptOut: boolean; weekly: number | null }[]>`
    SELECT p."xp", p."leaderboardOptOut", w."xp" AS "weekly" FROM "Player" p
    LEFT JOIN "WeeklyScore" w ON w."playerId" = p."id" AND w."week" = ${week}
    WHERE p."id" = ${playerId}`;
  const [all, weekly] = [boardKey("all", now), boardKey("weekly", now)];
  if (!player || player.leaderboardOptOut) {
    return {
      writes: [
        { op: "zrem", key: all, member: playerId },
        { op: "zrem", key: weekly, member: playerId },
      ],
      gone: !player,
    };
  }
  // The weekly board holds the players with ledger entries this week, as a rebuild would.
  return {
    writes: [
      { op: "zset", key: all, entries: [{ member: playerId, score: player.xp }] },
      player.weekly !== null
        ? { op: "zset", key: weekly, entries: [{ member: playerId, score: player.weekly }] }
        : { op: "zrem", key: weekly, member: playerId },
    ],
    gone: false,
  };
}

const BATCH = 1_000;

/** A board's scores from Postgres, a batch at a time (keyset order): memory stays flat whatever the player count. */
async function* scoreBatches(board: Board, now: Date): AsyncGenerator<RankedEntry[]> {
  const week = isoWeekUtc(now);
  for (let after = ""; ;) {
    const rows =
      board === "all"
        ? (
            await db.player.findMany({
              where: { leaderboardOptOut: false, id: { gt: after } },
              orderBy: { id: "asc" },
              take: BATCH,
              select: { id: true, xp: true },
            })
          ).map((p) => ({ member: p.id, score: p.xp }))
        : (
            await db.weeklyScore.findMany({
              where: { week, hidden: false, playerId: { gt: after } },
              orderBy: { playerId: "asc" },
              take: BATCH,
              select: { playerId: true, xp: true },
            })
          ).map((w) => ({ member: w.playerId, score: w.xp }));
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.member;
  }
}

/** Writes a board from Postgres into Redis, then its completeness marker. Returns the number of Hunters on it. */
async function fillBoard(store: Store, board: Board, now: Date): Promise<number> {
  let count = 0;
  for await (const batch of scoreBatches(board, now)) {
    await store.zset(boardKey(board, now), batch);
    count += batch.length;
  }
  await store.zset(boardKey(board, now), [{ member: COMPLETE_MARKER, score: MARKER_SCORE }]);
  return count;
}

/** Restores both boards from the database (the ledger's totals), e.g. after Redis lost its data. */
export async function rebuildLeaderboards(now: Date): Promise<{ all: number; weekly: number }> {
  const store = getStore();
  await store.del(boardKey("all", now), boardKey("weekly", now));
  return { all: await fillBoard(store, "all", now), weekly: await fillBoard(store, "weekly", now) };
}

const rebuilding = new Set<string>();

/**
 * Rebuilds a board found without its marker, in the background: one at a time per process, and one process at a
 * time (a short Redis claim). Live syncs keep writing meanwhile; scores are absolute, so both orders agree.
 */
export function rebuildInBackground(board: Board, now: Date): void {
  const key = boardKey(board, now);
  if (rebuilding.has(key)) return;
  rebuilding.add(key);
  const store = getStore();
  void orElse(async () => {
    if (await store.claim(`lb:rebuilding:${key}`, 60)) {
      const count = await fillBoard(store, board, now);
      logger().warn(
        { board: key, hunters: count },
        "Leaderboard was incomplete (lost, new or never built): rebuilt from Postgres",
      );
    }
  }, undefined).finally(() => rebuilding.delete(key));
}
