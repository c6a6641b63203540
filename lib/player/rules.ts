/**
 * The status window's rules (docs/rules.md): what the dashboard and GET /api/v1/player show, built from the rows
 * lib/player/queries.ts reads and this week's tallies. Pure: no database, no clock but the `now` it is given.
 */
import {
  allocatedPoints,
  levelProgress,
  playerStats,
  RANK_TRIALS,
  statPointsEarned,
  statSources,
  type Job,
  type Rank,
} from "@/lib/progression/rules";
import { tallyOf, toQuestDto, type Schedule, type StoredQuest, type Tallies } from "@/lib/quests/rules";
import { isOpenDailyOn, questToday, type QuestToday } from "@/lib/quests/today";
import {
  addDays,
  dayEndInstant,
  isRestDay,
  localDay,
  playerToday,
  weekStart,
  type DayClock,
  type DayKey,
} from "@/lib/time/rules";

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
  /** Today's latest check-ins (up to 10) that can still be undone, newest last. */
  checkIns: { id: string; happenedAt: string }[];
} & QuestToday;

/** The rows the status window is built from (lib/player/queries.ts getPlayerStatus reads them in one query). */
export type StatusSource = DayClock & {
  hunterName: string;
  job: Job | null;
  awakenedAt: Date | null;
  equippedTitle: string | null;
  aiOptIn: boolean;
  level: number;
  xp: number;
  rank: Rank;
  gold: number;
  heldXp: number;
  heldGold: number;
  streak: number;
  shields: number;
  createdAt: Date;
  lastSettledDay: DayKey | null;
  allocatedStr: number;
  allocatedAgi: number;
  allocatedVit: number;
  allocatedInt: number;
  allocatedPer: number;
  penalties: {
    id: string;
    questId: string;
    status: "OPEN" | "CLEARED" | "FAILED";
    progress: number;
    required: number;
    deadline: Date;
    closedAt: Date | null;
    fineXp: number;
    fineGold: number;
    returnedXp: number;
    returnedGold: number;
    quest: { title: string };
  }[];
  rankTrials: { targetRank: Rank; passedAt: Date | null }[];
  restPeriods: { id: string; startDay: DayKey; endDay: DayKey }[];
  /** Each quest with its latest check-ins of the last few days, newest first. */
  quests: (StoredQuest & { checkIns: { id: string; dayKey: DayKey; happenedAt: Date }[] })[];
};

/** The days whose tallies the status window reads: this week, and yesterday when the week began today. */
export function statusWindow(player: DayClock & { lastSettledDay: DayKey | null }, now: Date) {
  const today = playerToday(player, now);
  const yesterday = addDays(today, -1);
  return { since: weekStart(today) < yesterday ? weekStart(today) : yesterday, today };
}

function rankTrialProgress(target: Rank | undefined, dailies: ReadonlyArray<{ strength: number }>) {
  if (!target || target === "E") return null;
  const trial = RANK_TRIALS[target];
  return {
    targetRank: target,
    ...trial,
    qualifyingDailies: dailies.filter((q) => q.strength >= trial.minStrength).length,
  };
}

/** The status window for `now`, from the player's rows and the tallies of `statusWindow`'s days. */
export function playerStatus(player: StatusSource, tallies: Tallies, now: Date) {
  const { today } = statusWindow(player, now);
  const yesterday = addDays(today, -1);
  const firstDay = localDay(player.createdAt, player);
  const { quests } = player;
  const resting = isRestDay(player.restPeriods, today);
  const rest = player.restPeriods.find((r) => r.startDay <= today && today <= r.endDay) ?? null;
  const penalty = player.penalties.find((p) => p.status === "OPEN");
  const closedPenalty = player.penalties.find((p) => p.status !== "OPEN");

  const dtos = quests.map((quest) => ({
    ...toQuestDto(quest),
    // Newest first as read; listed oldest first.
    checkIns: quest.checkIns.filter((c) => c.dayKey === today).reverse(),
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

export type PlayerStatus = ReturnType<typeof playerStatus>;
