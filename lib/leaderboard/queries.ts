import "server-only";
import { titleOf } from "@/lib/achievements/catalogue";
import { boundedReads, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Board } from "@/lib/leaderboard/schemas";
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

/** A board's visible top, the caller's place on it, its size, and whether the caller opted out. */
type Standing = { entries: LeaderboardEntry[]; position: number | null; total: number; hidden: boolean };

type Client = Pick<typeof db, "player" | "$queryRaw">;

/** The top's Hunters as the board shows them (opted-out ones left out), and whether `playerId` opted out. */
async function decorate(
  top: RankedEntry[],
  playerId: string | null,
  client: Client = db,
): Promise<{ entries: LeaderboardEntry[]; hidden: boolean }> {
  const players = await client.player.findMany({
    where: { id: { in: [...(playerId ? [playerId] : []), ...top.map((e) => e.member)] } },
    select: { id: true, hunterName: true, rank: true, level: true, equippedTitle: true, leaderboardOptOut: true },
  });
  const byId = new Map(players.map((p) => [p.id, p]));
  const entries = top.flatMap((entry, index) => {
    const player = byId.get(entry.member);
    if (!player || player.leaderboardOptOut) return [];
    return [
      {
        position: index + 1,
        hunterName: player.hunterName,
        rank: player.rank,
        level: player.level,
        title: titleOf(player.equippedTitle),
        xp: entry.score,
      },
    ];
  });
  return { entries, hidden: playerId ? (byId.get(playerId)?.leaderboardOptOut ?? false) : false };
}

/** The standing from Redis in one round trip; null when the board lost its data (no marker): SQL answers then. */
async function fromRedis(board: Board, limit: number, playerId: string, now: Date): Promise<Standing | null> {
  const read = await getStore().zread(boardKey(board, now), playerId, limit + 1, COMPLETE_MARKER);
  if (!read.marked) {
    rebuildInBackground(board, now);
    return null;
  }
  const top = read.top.filter((e) => e.member !== COMPLETE_MARKER).slice(0, limit);
  return {
    ...(await decorate(top, playerId)),
    position: read.rank === null ? null : read.rank + 1,
    total: read.total - 1,
  };
}

/**
 * The same standings straight from Postgres, for when Redis is away or keeps no boards: the top from an index (the
 * XP index; the WeeklyScore index on week and score), the caller's place by counting who is ahead in that index, in
 * one statement. No statement loads more than `limit` rows, whatever the number of players. Reads go through the
 * bounded pool (lib/db.ts `boundedReads`): a slow statement is cut off and answered 503, not queued behind.
 */
async function fromDatabase(
  board: Board,
  limit: number,
  playerId: string,
  now: Date,
  { shareTop }: { shareTop: boolean },
): Promise<Standing> {
  const week = isoWeekUtc(now);
  try {
    const reader = boundedReads();
    const readTop = async () =>
      (await decorate(await topFromDatabase(reader, board, week, limit), null, reader)).entries;
    const entries = await (shareTop ? shared(`${board}:${week}:${limit}`, readTop) : readTop());
    const [me] =
      board === "weekly"
        ? await reader.$queryRaw<{ hidden: boolean; ahead: number | null }[]>`
            SELECT p."leaderboardOptOut" AS hidden,
                   CASE WHEN s."xp" IS NULL OR s."hidden" THEN NULL ELSE
                     (SELECT count(*)::int FROM "WeeklyScore" w
                       WHERE w."week" = ${week} AND NOT w."hidden" AND (w."xp", w."playerId") > (s."xp", s."playerId"))
                   END AS ahead
              FROM "Player" p LEFT JOIN "WeeklyScore" s ON s."playerId" = p."id" AND s."week" = ${week}
             WHERE p."id" = ${playerId}`
        : await reader.$queryRaw<{ hidden: boolean; ahead: number | null }[]>`
            SELECT p."leaderboardOptOut" AS hidden,
                   CASE WHEN p."leaderboardOptOut" THEN NULL ELSE
                     (SELECT count(*)::int FROM "Player" o
                       WHERE NOT o."leaderboardOptOut" AND (o."xp", o."id") > (p."xp", p."id"))
                   END AS ahead
              FROM "Player" p WHERE p."id" = ${playerId}`;
    const position = me?.ahead == null ? null : me.ahead + 1;
    const total = await boardSize(board === "weekly" ? `weekly:${week}` : "all", () =>
      board === "weekly"
        ? reader.weeklyScore.count({ where: { week, hidden: false } })
        : reader.player.count({ where: { leaderboardOptOut: false } }),
    );
    return { entries, position, total: Math.max(total, position ?? 0), hidden: me?.hidden ?? false };
  } catch (error) {
    if (!isCutOff(error)) throw error;
    throw new AppError("UNAVAILABLE", "[SYSTEM] The rankings are busy. Try again in a moment.", undefined, {
      "Retry-After": "2",
    });
  }
}

function topFromDatabase(reader: typeof db, board: Board, week: string, limit: number): Promise<RankedEntry[]> {
  return board === "weekly"
    ? reader.weeklyScore
        .findMany({
          where: { week, hidden: false },
          orderBy: [{ xp: "desc" }, { playerId: "desc" }],
          take: limit,
          select: { playerId: true, xp: true },
        })
        .then((rows) => rows.map((w) => ({ member: w.playerId, score: w.xp })))
    : reader.player
        .findMany({
          where: { leaderboardOptOut: false },
          orderBy: [{ xp: "desc" }, { id: "desc" }],
          take: limit,
          select: { id: true, xp: true },
        })
        .then((rows) => rows.map((p) => ({ member: p.id, score: p.xp })));
}

/**
 * Postgres cancelled a statement at its timeout (57014), or no connection of the bounded pool was free in time
 * (pg's "timeout exceeded when trying to connect").
 */
function isCutOff(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const { meta } = error as { meta?: unknown };
  if (
    /statement timeout|57014|timeout exceeded when trying to connect/.test(
      `${error.message} ${JSON.stringify(meta ?? null)}`,
    )
  ) {
    return true;
  }
  return isCutOff(error.cause, depth + 1);
}

const TOP_TTL_MS = 1_000;
const tops = new Map<string, { entries: Promise<LeaderboardEntry[]>; at: number }>();

/**
 * A board's top from SQL while Redis is failing, shared by every request of this process for a second: fifty
 * players asking at once cost one query, not fifty (the top may lag a second behind then). Only the top is shared;
 * each caller's own place is always read fresh. A failed read is not kept.
 */
function shared(key: string, read: () => Promise<LeaderboardEntry[]>): Promise<LeaderboardEntry[]> {
  const known = tops.get(key);
  if (known && Date.now() - known.at < TOP_TTL_MS) return known.entries;
  const entries = read();
  tops.set(key, { entries, at: Date.now() });
  entries.catch(() => tops.get(key)?.entries === entries && tops.delete(key));
  return entries;
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

/** A board's top entries (hunter name, rank, level, title only) and the caller's own place. */
export async function getLeaderboard(board: Board, limit: number, playerId: string, now: Date): Promise<Leaderboard> {
  // Without Redis the boards are answered from Postgres: an in-process board would be empty after a restart.
  let redisFailed = false;
  const cached =
    getStore().kind === "upstash"
      ? await orElse(
          () => fromRedis(board, limit, playerId, now),
          async () => {
            redisFailed = true;
            return null;
          },
        )
      : null;
  const standing = cached ?? (await fromDatabase(board, limit, playerId, now, { shareTop: redisFailed }));
  return {
    board,
    week: board === "weekly" ? isoWeekUtc(now) : null,
    entries: standing.entries,
    you: standing.position === null ? null : { position: standing.position, total: standing.total },
    hidden: standing.hidden,
    source: cached ? "redis" : "database",
  };
}
