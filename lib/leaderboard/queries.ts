import "server-only";
import { titleOf } from "@/lib/achievements/catalogue";
import { db } from "@/lib/db";
import type { Board } from "@/lib/leaderboard/schemas";
import { boardKey, weeklyXp } from "@/lib/leaderboard/service";
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

async function fromRedis(board: Board, limit: number, playerId: string, now: Date): Promise<Standing> {
  const store = getStore();
  const key = boardKey(board, now);
  const [top, rank, total] = await Promise.all([
    store.ztop(key, limit),
    store.zrevrank(key, playerId),
    store.zcard(key),
  ]);
  return { top, position: rank === null ? null : rank + 1, total };
}

/** The same standings straight from Postgres, for when Redis is away. */
async function fromDatabase(board: Board, limit: number, playerId: string, now: Date): Promise<Standing> {
  if (board === "weekly") {
    const all = (await weeklyXp(now)).sort((a, b) => b.score - a.score || (a.member < b.member ? 1 : -1));
    const index = all.findIndex((e) => e.member === playerId);
    return { top: all.slice(0, limit), position: index === -1 ? null : index + 1, total: all.length };
  }
  const visible = { leaderboardOptOut: false };
  const [top, me, total] = await Promise.all([
    db.player.findMany({
      where: visible,
      orderBy: [{ xp: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, xp: true },
    }),
    db.player.findFirst({ where: { id: playerId, ...visible }, select: { xp: true } }),
    db.player.count({ where: visible }),
  ]);
  const ahead = me
    ? await db.player.count({ where: { ...visible, OR: [{ xp: { gt: me.xp } }, { xp: me.xp, id: { gt: playerId } }] } })
    : null;
  return { top: top.map((p) => ({ member: p.id, score: p.xp })), position: ahead === null ? null : ahead + 1, total };
}

/** A board's top entries (hunter name, rank, level, title only) and the caller's own place. */
export async function getLeaderboard(board: Board, limit: number, playerId: string, now: Date): Promise<Leaderboard> {
  // Without Redis the boards are answered from Postgres: an in-process board would be empty after a restart.
  let source: Leaderboard["source"] = getStore().kind === "upstash" ? "redis" : "database";
  const standing =
    source === "database"
      ? await fromDatabase(board, limit, playerId, now)
      : await orElse(
          () => fromRedis(board, limit, playerId, now),
          () => {
            source = "database";
            return fromDatabase(board, limit, playerId, now);
          },
        );
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
