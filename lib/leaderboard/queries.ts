import "server-only";
import { titleOf } from "@/lib/achievements/catalogue";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Board } from "@/lib/leaderboard/schemas";
import type { Tx } from "@/lib/db";
import { boardKey, COMPLETE_MARKER, rebuildInBackground } from "@/lib/leaderboard/service";
import { getStore, orElse } from "@/lib/redis";
import type { RankedEntry } from "@/lib/store/types";
import { isoWeekUtc } from "@/lib/time/rules";

export type LeaderboardEntry = {
  position: number;
  hunterName: string;
  rank: string;
  level: number;
  title: string | null;
  xp: number;
};
export type Leaderboard = {
  board: Board;
  week: string | null;
  entries: LeaderboardEntry[];
  /** "You are #47 of 1,243"; null when the caller opted out or has no score on this board. */
  you: { position: number; total: number } | null;
  /** The caller opted out of the leaderboards. */
  hidden: boolean;
  source: "redis" | "database";
};

type Standing = { top: RankedEntry[]; position: number | null; total: number };

/** The standing from Redis in one round trip; null when the board lost its data (no marker): SQL answers then. */
async function fromRedis(board: Board, limit: number, playerId: string, now: Date): Promise<Standing | null> {
  const read = await getStore().zread(boardKey(board, now), playerId, limit + 1, COMPLETE_MARKER);
  if (!read.marked) {
    rebuildInBackground(board, now);
    return null;
  }
  return {
    top: read.top.filter((e) => e.member !== COMPLETE_MARKER).slice(0, limit),
    position: read.rank === null ? null : read.rank + 1,
    total: read.total - 1,
  };
}

/** Each fallback statement gives up after this long, so slow queries cannot pile up behind one another. */
export const FALLBACK_STATEMENT_TIMEOUT_MS = 500;

/**
 * The same standings straight from Postgres, for when Redis is away: the top from an index (the XP index; the
 * WeeklyScore index on week and score), the caller's place by counting who is ahead in that index. No statement
 * loads more than `limit` rows, whatever the number of players.
 */
async function fromDatabase(board: Board, limit: number, playerId: string, now: Date): Promise<Standing> {
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${FALLBACK_STATEMENT_TIMEOUT_MS}`);
        return board === "weekly" ? weeklyFromDatabase(tx, limit, playerId, now) : allFromDatabase(tx, limit, playerId);
      },
      { maxWait: 2 * FALLBACK_STATEMENT_TIMEOUT_MS, timeout: 4 * FALLBACK_STATEMENT_TIMEOUT_MS },
    );
  } catch (error) {
    if (!isCutOff(error)) throw error;
    throw new AppError("UNAVAILABLE", "[SYSTEM] The rankings are busy. Try again in a moment.", undefined, {
      "Retry-After": "2",
    });
  }
}

/** Postgres cancelled a statement at its timeout (57014), or no connection was free for the transaction in time. */
function isCutOff(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const { code, meta } = error as { code?: unknown; meta?: unknown };
  if (code === "P2028" || /statement timeout|57014/.test(`${error.message} ${JSON.stringify(meta ?? null)}`)) {
    return true;
  }
  return isCutOff(error.cause, depth + 1);
}

async function weeklyFromDatabase(tx: Tx, limit: number, playerId: string, now: Date): Promise<Standing> {
  const week = isoWeekUtc(now);
  const top = await tx.weeklyScore.findMany({
    where: { week, hidden: false },
    orderBy: [{ xp: "desc" }, { playerId: "desc" }],
    take: limit,
    select: { playerId: true, xp: true },
  });
  const [place] = await tx.$queryRaw<{ ahead: number; ranked: boolean }[]>`
    WITH me AS (SELECT "xp" FROM "WeeklyScore" WHERE "week" = ${week} AND "playerId" = ${playerId} AND NOT "hidden")
    SELECT (SELECT count(*)::int FROM "WeeklyScore" w, me
             WHERE w."week" = ${week} AND NOT w."hidden" AND (w."xp", w."playerId") > (me."xp", ${playerId})) AS ahead,
           EXISTS (SELECT 1 FROM me) AS ranked`;
  const position = place?.ranked ? place.ahead + 1 : null;
  const total = await boardSize(`weekly:${week}`, () => tx.weeklyScore.count({ where: { week, hidden: false } }));
  return {
    top: top.map((w) => ({ member: w.playerId, score: w.xp })),
    position,
    total: Math.max(total, position ?? 0),
  };
}

const SIZE_TTL_MS = 10_000;
const sizes = new Map<string, { size: number; at: number }>();

/**
 * How many Hunters a board holds, counted at most once every 10 s per process: "of N" may lag by a few Hunters
 * while Redis is away, and each fallback request saves a count over every player.
 */
async function boardSize(key: string, count: () => Promise<number>): Promise<number> {
  const known = sizes.get(key);
  if (known && Date.now() - known.at < SIZE_TTL_MS) return known.size;
  const size = await count();
  sizes.set(key, { size, at: Date.now() });
  return size;
}

async function allFromDatabase(tx: Tx, limit: number, playerId: string): Promise<Standing> {
  const visible = { leaderboardOptOut: false };
  const top = await tx.player.findMany({
    where: visible,
    orderBy: [{ xp: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, xp: true },
  });
  const me = await tx.player.findFirst({ where: { id: playerId, ...visible }, select: { xp: true } });
  const ahead = me
    ? await tx.player.count({ where: { ...visible, OR: [{ xp: { gt: me.xp } }, { xp: me.xp, id: { gt: playerId } }] } })
    : null;
  const position = ahead === null ? null : ahead + 1;
  const total = await boardSize("all", () => tx.player.count({ where: visible }));
  return { top: top.map((p) => ({ member: p.id, score: p.xp })), position, total: Math.max(total, position ?? 0) };
}

/** A board's top entries (hunter name, rank, level, title only) and the caller's own place. */
export async function getLeaderboard(board: Board, limit: number, playerId: string, now: Date): Promise<Leaderboard> {
  // Without Redis the boards are answered from Postgres: an in-process board would be empty after a restart.
  const cached =
    getStore().kind === "upstash" ? await orElse(() => fromRedis(board, limit, playerId, now), null) : null;
  const source: Leaderboard["source"] = cached ? "redis" : "database";
  const standing = cached ?? (await fromDatabase(board, limit, playerId, now));
  const players = await db.player.findMany({
    where: { id: { in: [playerId, ...standing.top.map((e) => e.member)] } },
    select: { id: true, hunterName: true, rank: true, level: true, equippedTitle: true, leaderboardOptOut: true },
  });
  const byId = new Map(players.map((p) => [p.id, p]));
  const entries = standing.top.flatMap((entry, index) => {
    const player = byId.get(entry.member);
    if (!player || player.leaderboardOptOut) return [];
    const title = titleOf(player.equippedTitle);
    return [
      {
        position: index + 1,
        hunterName: player.hunterName,
        rank: player.rank,
        level: player.level,
        title,
        xp: entry.score,
      },
    ];
  });
  return {
    board,
    week: board === "weekly" ? isoWeekUtc(now) : null,
    entries,
    you: standing.position === null ? null : { position: standing.position, total: standing.total },
    hidden: byId.get(playerId)?.leaderboardOptOut ?? false,
    source,
  };
}
