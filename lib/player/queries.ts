import "server-only";
import { db } from "@/lib/db";
import { openDay } from "@/lib/days/rules";
import { DEFAULT_NOTIFICATION_PREFS, notificationPrefsSchema, type NotificationPrefs } from "@/lib/player/schemas";
import { allocatedPoints, playerStats } from "@/lib/player/stats";
import { levelProgress, RANK_TRIALS, statPointsEarned, type Rank } from "@/lib/progression/rules";
import { isDueOn, type Schedule } from "@/lib/quests/rules";
import { addDays, dayEndInstant, dayKey, weekStart } from "@/lib/time/rules";

export type PlayerCard = { hunterName: string; timeZone: string };

export async function getPlayerCard(userId: string): Promise<PlayerCard | null> {
  return db.player.findUnique({ where: { userId }, select: { hunterName: true, timeZone: true } });
}

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
  dueToday: boolean;
  completionsToday: number;
  complete: boolean;
  weekProgress: { done: number; required: number } | null;
  /** Today's check-ins that can still be undone, newest last. */
  checkIns: { id: string; happenedAt: string }[];
};

/**
 * The status window: everything the dashboard and GET /api/v1/player show, in two queries whatever the size of
 * the player's history (running totals live on Player; today's check-ins are read by index).
 */
export async function getPlayerStatus(playerId: string, now: Date) {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    include: {
      penalties: { where: { status: "OPEN" }, take: 1, include: { quest: { select: { title: true } } } },
      // The open trial, and one passed in the last day so the System can announce the promotion.
      rankTrials: {
        where: { OR: [{ passedAt: null }, { passedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } }] },
        orderBy: { openedAt: "desc" },
        take: 2,
      },
    },
  });
  const today = openDay(dayKey(now, player.timeZone, player.dayStartMinute), player.lastSettledDay);
  const yesterday = addDays(today, -1);
  const since = weekStart(today) < yesterday ? weekStart(today) : yesterday;
  const quests = await db.quest.findMany({
    where: { playerId, archivedAt: null },
    orderBy: { createdAt: "asc" },
    include: {
      checkIns: {
        where: { dayKey: { gte: since }, undo: null },
        select: { id: true, dayKey: true, happenedAt: true },
        orderBy: { happenedAt: "asc" },
      },
    },
  });

  const todayQuests: TodayQuest[] = quests.map((quest) => {
    const schedule = quest.schedule as Schedule | null;
    const todays = quest.checkIns.filter((c) => c.dayKey === today);
    const weekly = schedule?.type === "TIMES_PER_WEEK";
    const dueToday =
      quest.kind === "DAILY" ? !weekly && schedule !== null && isDueOn(schedule, today) : quest.kind !== "HABIT";
    const complete =
      quest.kind === "ONE_TIME"
        ? quest.checkIns.length > 0
        : quest.kind === "DAILY" && todays.length >= quest.timesPerDay;
    return {
      id: quest.id,
      title: quest.title,
      kind: quest.kind,
      difficulty: quest.difficulty,
      stats: quest.stats,
      schedule,
      timesPerDay: quest.timesPerDay,
      positive: quest.positive,
      strength: quest.strength,
      dueToday,
      completionsToday: todays.length,
      complete,
      weekProgress: weekly
        ? {
            done: quest.checkIns.filter((c) => c.dayKey >= weekStart(today)).length,
            required: schedule.n * quest.timesPerDay,
          }
        : null,
      checkIns: todays.map((c) => ({ id: c.id, happenedAt: c.happenedAt.toISOString() })),
    };
  });

  // Nothing settled yet counts as unsettled too: a Hunter's first day is yesterday on their second.
  const yesterdayOpen =
    player.lastSettledDay === null || player.lastSettledDay < yesterday
      ? quests.filter(
          (q) =>
            q.kind === "DAILY" &&
            q.createdDay <= yesterday &&
            isDueOn(q.schedule as Schedule, yesterday) &&
            q.checkIns.filter((c) => c.dayKey === yesterday).length < q.timesPerDay,
        ).length
      : 0;

  const progress = levelProgress(player.xp);
  const allocated = allocatedPoints(player);
  const spent = Object.values(allocated).reduce((a, b) => a + b, 0);
  const resetsAt = dayEndInstant(today, player.timeZone, player.dayStartMinute);
  const penalty = player.penalties[0];
  const trial = player.rankTrials.find((t) => t.passedAt === null);
  const promotion = player.rankTrials.find((t) => t.passedAt !== null);
  const dailies = quests.filter((q) => q.kind === "DAILY");

  return {
    hunterName: player.hunterName,
    job: player.job,
    awakened: player.awakenedAt !== null,
    equippedTitle: player.equippedTitle,
    level: player.level,
    xp: player.xp,
    xpIntoLevel: progress.xpIntoLevel,
    xpForNextLevel: progress.xpForNextLevel,
    xpToNextLevel: progress.xpForNextLevel - progress.xpIntoLevel,
    rank: player.rank,
    gold: player.gold,
    held: { xp: player.heldXp, gold: player.heldGold },
    stats: playerStats(
      player,
      quests.filter((q) => q.kind !== "PENALTY"),
    ),
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
    yesterday: {
      day: yesterday,
      // A day before the Hunter existed has nothing to record: it counts as settled.
      settled:
        (player.lastSettledDay !== null && player.lastSettledDay >= yesterday) ||
        yesterday < dayKey(player.createdAt, player.timeZone, player.dayStartMinute),
      openDailies: yesterdayOpen,
    },
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
      notificationPrefs: true,
      restPeriods: {
        where: { endDay: { gte: today } },
        orderBy: { startDay: "asc" },
        select: { id: true, startDay: true, endDay: true },
      },
    },
  });
  const prefs = notificationPrefsSchema.partial().safeParse(player.notificationPrefs ?? {});
  return {
    ...player,
    notificationPrefs: { ...DEFAULT_NOTIFICATION_PREFS, ...(prefs.success ? prefs.data : {}) } as NotificationPrefs,
  };
}

export type PlayerSettings = Awaited<ReturnType<typeof getPlayerSettings>>;

export async function getHunterName(playerId: string): Promise<string> {
  const player = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { hunterName: true } });
  return player.hunterName;
}
