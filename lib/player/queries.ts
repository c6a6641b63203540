import "server-only";
import { db } from "@/lib/db";
import { loadTallies } from "@/lib/quests/tallies";
import { tallyOf, type Schedule, toQuestDto } from "@/lib/quests/rules";
import { notificationPrefsOf } from "@/lib/player/schemas";
import {
  allocatedPoints,
  levelProgress,
  nextJobChangeDay,
  playerStats,
  RANK_TRIALS,
  statPointsEarned,
  statSources,
  type Rank,
} from "@/lib/progression/rules";
import { QUEST_ORDER } from "@/lib/quests/queries";
import { isOpenDailyOn, questToday, type QuestToday } from "@/lib/quests/today";
import { addDays, dayEndInstant, dayKey, isRestDay, playerToday, weekStart, localDay } from "@/lib/time/rules";

export type TodayQuest = {
  id: string;
  title: string;
  kind: string;
  difficulty: string;
  stats: string[];
  schedule: Schedule | null;
  timesPerDay: number;
  positive: boolean;
  strength: number;
  target: { value: number; unit: string; direction: "AT_LEAST" | "AT_MOST" } | null;
  dueDay: string | null;
  checklist: { text: string; done: boolean }[] | null;
  /** Same as completeToday; kept for API clients written against the first version. */
  complete: boolean;
  /** Today's check-ins that can still be undone, newest last. */
  checkIns: { id: string; happenedAt: string }[];
} & QuestToday;

/**
 * The status window: everything the dashboard and GET /api/v1/player show, in three queries whatever the size of
 * the player's history (running totals live on Player; this week's check-ins are counted per quest and day in SQL).
 */
export async function getPlayerStatus(playerId: string, now: Date) {
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
      // The quests, with the check-ins of the last few days (today's are the ones an undo can take back): one
      // joined query with the player, whatever the size of the history.
      quests: {
        where: { archivedAt: null },
        orderBy: QUEST_ORDER,
        include: {
          checkIns: {
            where: { dayKey: { gte: recent }, undo: null },
            select: { id: true, dayKey: true, happenedAt: true },
            orderBy: { happenedAt: "asc" },
          },
        },
      },
    },
  });
  const today = playerToday(player, now);
  const yesterday = addDays(today, -1);
  const firstDay = localDay(player.createdAt, player);
  const since = weekStart(today) < yesterday ? weekStart(today) : yesterday;
  const { quests } = player;
  const tallies = await loadTallies(db, { playerId, dayKey: { gte: since, lte: today } });
  const resting = isRestDay(player.restPeriods, today);
  const rest = player.restPeriods.find((r) => r.startDay <= today && today <= r.endDay) ?? null;
  const penalty = player.penalties.find((p) => p.status === "OPEN");
  const closedPenalty = player.penalties.find((p) => p.status !== "OPEN");

  const dtos = quests.map((quest) => ({
    ...toQuestDto(quest),
    checkIns: quest.checkIns.filter((c) => c.dayKey === today),
  }));
  const todayQuests: TodayQuest[] = dtos.map((quest) => {
    const state = questToday(quest, today, {
      tally: tallyOf(tallies, quest.id, today),
      week: (day) => tallyOf(tallies, quest.id, day),
      resting,
    });
    return {
      id: quest.id,
      title: quest.title,
      kind: quest.kind,
      difficulty: quest.difficulty,
      stats: quest.stats,
      schedule: quest.schedule,
      timesPerDay: quest.timesPerDay,
      positive: quest.positive,
      strength: quest.strength,
      target: quest.target,
      dueDay: quest.dueDay,
      checklist: quest.checklist,
      ...state,
      // The Survival Quest's progress is the zone's: quests completed of those it asks for.
      ...(quest.kind === "PENALTY" &&
        penalty?.questId === quest.id && {
          dueToday: true,
          progress: { value: penalty.progress, target: penalty.required, unit: "quests", direction: "AT_LEAST" },
        }),
      complete: state.completeToday,
      checkIns: quest.checkIns.map((c) => ({ id: c.id, happenedAt: c.happenedAt.toISOString() })),
    };
  });

  // Nothing settled yet counts as unsettled too: a Hunter's first day is yesterday on their second.
  const yesterdayUnsettled = player.lastSettledDay === null || player.lastSettledDay < yesterday;
  const restedYesterday = isRestDay(player.restPeriods, yesterday);
  const openYesterday = yesterdayUnsettled
    ? dtos
        .filter((q) => isOpenDailyOn(q, yesterday, tallyOf(tallies, q.id, yesterday), restedYesterday))
        .map((q) => ({
          id: q.id,
          title: q.title,
          done: tallyOf(tallies, q.id, yesterday).count,
          timesPerDay: q.timesPerDay,
        }))
    : [];

  const progress = levelProgress(player.xp);
  const allocated = allocatedPoints(player);
  const spent = Object.values(allocated).reduce((a, b) => a + b, 0);
  const resetsAt = dayEndInstant(today, player.timeZone, player.dayStartMinute);
  const trial = player.rankTrials.find((t) => t.passedAt === null);
  const promotion = player.rankTrials.find((t) => t.passedAt !== null);
  const dailies = quests.filter((q) => q.kind === "DAILY");
  const statQuests = quests.filter((q) => q.kind === "DAILY" || q.kind === "HABIT");

  return {
    hunterName: player.hunterName,
    job: player.job,
    awakened: player.awakenedAt !== null,
    equippedTitle: player.equippedTitle,
    aiOptIn: player.aiOptIn,
    level: player.level,
    xp: player.xp,
    xpIntoLevel: progress.xpIntoLevel,
    xpForNextLevel: progress.xpForNextLevel,
    xpToNextLevel: progress.xpForNextLevel - progress.xpIntoLevel,
    rank: player.rank,
    gold: player.gold,
    held: { xp: player.heldXp, gold: player.heldGold },
    stats: playerStats(player, statQuests),
    statSources: statSources(player, statQuests),
    statPoints: {
      earned: statPointsEarned(player.level),
      allocated,
      available: Math.max(0, statPointsEarned(player.level) - spent),
    },
    streak: player.streak,
    shields: player.shields,
    timeZone: player.timeZone,
    dayStartMinute: player.dayStartMinute,
    today,
    resetsAt: resetsAt.toISOString(),
    secondsUntilReset: Math.max(0, Math.round((resetsAt.getTime() - now.getTime()) / 1000)),
    /** The Safe Zone the Hunter is in today, if any. */
    rest: rest && { id: rest.id, startDay: rest.startDay, endDay: rest.endDay },
    /** The Hunter's first System day: nothing before it is theirs. */
    firstDay,
    yesterday: {
      day: yesterday,
      // A day before the Hunter existed has nothing to record: it counts as settled.
      settled: !yesterdayUnsettled || yesterday < firstDay,
      openDailies: openYesterday.length,
    },
    /** Yesterday's open dailies themselves: what the dashboard counts and history offers to record. */
    yesterdayOpenDailies: openYesterday,
    penaltyZone: penalty
      ? {
          penaltyId: penalty.id,
          questId: penalty.questId,
          title: penalty.quest.title,
          progress: penalty.progress,
          required: penalty.required,
          deadline: penalty.deadline.toISOString(),
          secondsLeft: Math.max(0, Math.round((penalty.deadline.getTime() - now.getTime()) / 1000)),
        }
      : null,
    /** How the last Survival Quest ended, for a day after it closed. */
    penaltyResult: closedPenalty
      ? {
          status: closedPenalty.status as "CLEARED" | "FAILED",
          closedAt: closedPenalty.closedAt!.toISOString(),
          fineXp: closedPenalty.fineXp,
          fineGold: closedPenalty.fineGold,
          returnedXp: closedPenalty.returnedXp,
          returnedGold: closedPenalty.returnedGold,
        }
      : null,
    rankTrial: rankTrialProgress(trial?.targetRank, dailies),
    promotion: promotion ? { rank: promotion.targetRank, at: promotion.passedAt!.toISOString() } : null,
    quests: todayQuests,
  };
}

export type PlayerStatus = Awaited<ReturnType<typeof getPlayerStatus>>;

function rankTrialProgress(target: Rank | undefined, dailies: ReadonlyArray<{ strength: number }>) {
  if (!target || target === "E") return null;
  const trial = RANK_TRIALS[target];
  return {
    targetRank: target,
    ...trial,
    qualifyingDailies: dailies.filter((q) => q.strength >= trial.minStrength).length,
  };
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
