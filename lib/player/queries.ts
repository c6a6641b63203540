import "server-only";
import { db } from "@/lib/db";
import { loadTallies } from "@/lib/quests/tallies";
import { notificationPrefsOf } from "@/lib/player/schemas";
import { playerStatus, statusWindow, type PlayerStatus } from "@/lib/player/rules";
import { nextJobChangeDay } from "@/lib/progression/rules";
import { QUEST_ORDER } from "@/lib/quests/queries";
import { addDays, dayKey, playerToday, localDay } from "@/lib/time/rules";

/** How many of a quest's latest check-ins the status window lists for undo (counts come from the tallies). */
const UNDOABLE_SHOWN = 10;

/**
 * The status window: everything the dashboard and GET /api/v1/player show, in three queries whatever the size of
 * the player's history (running totals live on Player; this week's check-ins are counted per quest and day in SQL).
 */
export async function getPlayerStatus(playerId: string, now: Date): Promise<PlayerStatus> {
  const recent = addDays(dayKey(now, "UTC", 0), -2);
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    include: {
      // The open Survival Quest, and one closed in the last day so the System can say how it ended.
      penalties: {
        where: { OR: [{ status: "OPEN" }, { closedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } }] },
        orderBy: { openedAt: "desc" },
        take: 2,
        include: { quest: { select: { title: true } } },
      },
      // The open trial, and one passed in the last day so the System can announce the promotion.
      rankTrials: {
        where: { OR: [{ passedAt: null }, { passedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } }] },
        orderBy: { openedAt: "desc" },
        take: 2,
      },
      // Rest periods that may cover today or yesterday: every zone's yesterday is at most 2 UTC days back.
      restPeriods: { where: { endDay: { gte: recent } }, orderBy: { startDay: "asc" } },
      // The quests, with each one's latest check-ins of the last few days (today's are the ones an undo can take
      // back): one joined query with the player, whatever the size of the history or the number of taps today.
      quests: {
        where: { archivedAt: null },
        orderBy: QUEST_ORDER,
        include: {
          checkIns: {
            where: { dayKey: { gte: recent }, undo: null },
            select: { id: true, dayKey: true, happenedAt: true },
            orderBy: [{ happenedAt: "desc" }, { id: "desc" }],
            take: UNDOABLE_SHOWN,
          },
        },
      },
    },
  });
  const { since, today } = statusWindow(player, now);
  const tallies = await loadTallies(db, { playerId, from: since, to: today });
  return playerStatus(player, tallies, now);
}

/** The player's clock settings, for turning a chosen day into an instant inside it. */
export async function getPlayerClock(playerId: string) {
  return db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { timeZone: true, dayStartMinute: true, lastSettledDay: true },
  });
}

/** What the settings screen edits, with the rest periods that have not ended yet. */
export async function getPlayerSettings(playerId: string, today: string) {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      hunterName: true,
      timeZone: true,
      dayStartMinute: true,
      leaderboardOptOut: true,
      aiOptIn: true,
      notificationPrefs: true,
      job: true,
      jobChangedAt: true,
      restPeriods: {
        where: { endDay: { gte: today } },
        orderBy: { startDay: "asc" },
        select: { id: true, startDay: true, endDay: true },
      },
    },
  });
  const { jobChangedAt, ...rest } = player;
  return {
    ...rest,
    notificationPrefs: notificationPrefsOf(player.notificationPrefs),
    /** The day the job may change again; null: it may today. */
    nextJobChange: nextJobChangeDay(jobChangedAt && localDay(jobChangedAt, player), today),
  };
}

export type PlayerSettings = Awaited<ReturnType<typeof getPlayerSettings>>;

export async function getHunterName(playerId: string): Promise<string> {
  const player = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { hunterName: true } });
  return player.hunterName;
}

/** The rest periods that have not ended by the Hunter's today, soonest first. */
export async function listRestPeriods(playerId: string, now: Date) {
  const player = await getPlayerClock(playerId);
  return db.restPeriod.findMany({
    where: { playerId, endDay: { gte: playerToday(player, now) } },
    orderBy: { startDay: "asc" },
    select: { id: true, startDay: true, endDay: true },
  });
}
