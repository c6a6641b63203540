import "server-only";
import { unlockAchievements } from "@/lib/achievements/service";
import { loadTallies } from "@/lib/quests/tallies";
import {
  tallyOf,
  type Tallies,
  advanceStrength,
  historyStart,
  isActiveOn,
  isCompleteWith,
  isDueOn,
  parseStrengthState,
  questShape,
  strengthCompletions,
  strengthSchedule,
} from "@/lib/quests/rules";
import { db, SETTLEMENT_TX_OPTIONS, type Tx } from "@/lib/db";
import {
  dailyForDay,
  dayOutcome,
  firstUnsettledDay,
  lastSettleableDay,
  settleDays,
  specialsOf,
  type DaySettlement,
} from "@/lib/days/rules";
import type { Prisma, Quest, RestPeriod } from "@/lib/generated/prisma/client";
import { lockPlayer, post, type PlayerState } from "@/lib/ledger/service";
import { metrics } from "@/lib/metrics/registry";
import { expirePenalty, openPenalty } from "@/lib/penalties/service";
import { awardXp, goldFor, playerStats, rankTrialPassed } from "@/lib/progression/rules";
import { addDays, isRestDay, weekStart, type DayKey, localDay } from "@/lib/time/rules";

export type SettleResult = {
  settledDays: number;
  penaltyOpened: boolean;
  penaltyExpired: boolean;
  promotedTo: string | null;
};

/** Whether a settlement moved anything a player sees (their cached status and the boards must follow). */
export function settleChanged(result: SettleResult): boolean {
  return result.settledDays > 0 || result.penaltyExpired;
}

const NOTHING: SettleResult = { settledDays: 0, penaltyOpened: false, penaltyExpired: false, promotedTo: null };

/**
 * Settles every day of this player that is due, one day at a time and each exactly once: lazily on the player's
 * first request after a day ends and from the cron backstop. Concurrent runs queue on the player's row lock; the
 * (player, day) key of DaySettlement is the last guard.
 */
export async function settlePlayer(playerId: string, now: Date, known?: SettlementPeek): Promise<SettleResult> {
  const peek = known ?? (await peekSettlement(playerId));
  if (!peek || !settlementDue(peek, now)) return NOTHING;
  const result = await db.$transaction((tx) => settleLocked(tx, playerId, now), SETTLEMENT_TX_OPTIONS);
  metrics().rolloverSettlements.inc(result.settledDays);
  if (result.penaltyOpened) metrics().penaltiesOpened.inc();
  return result;
}

/** What it takes to tell, without a lock, whether a player has anything to settle. */
export const SETTLEMENT_PEEK = {
  timeZone: true,
  dayStartMinute: true,
  confirmedDay: true,
  lastSettledDay: true,
  createdAt: true,
  penalties: { where: { status: "OPEN" }, select: { deadline: true } },
} as const satisfies Prisma.PlayerSelect;

export type SettlementPeek = Prisma.PlayerGetPayload<{ select: typeof SETTLEMENT_PEEK }>;

function peekSettlement(playerId: string): Promise<SettlementPeek | null> {
  return db.player.findUnique({ where: { id: playerId }, select: SETTLEMENT_PEEK });
}

function settlementDue(peek: SettlementPeek, now: Date): boolean {
  const behind = firstUnsettledDay(peek) <= lastSettleableDay(peek, now);
  return behind || peek.penalties.some((p) => p.deadline <= now);
}

async function settleLocked(tx: Tx, playerId: string, now: Date): Promise<SettleResult> {
  const player = await lockPlayer(tx, playerId);
  const today = localDay(now, player);
  const penaltyExpired = await expirePenalty(tx, player, today, now);
  const first = firstUnsettledDay(player);
  const last = lastSettleableDay(player, now);
  if (first > last) return { ...NOTHING, penaltyExpired };

  const days: DayKey[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  const { quests, rest, tallies } = await loadDays(tx, playerId, first, last);
  const dailies = quests.filter((q) => q.kind === "DAILY");

  // Clearance and limits judge a daily from its createdDay; an imported one from the day after its import (the
  // import day is a grace day), and never on its imported history (docs/rules.md "Imports").
  const judgedOn: ActiveOn = (quest, day) =>
    isActiveOn(quest.importId ? { ...quest, createdDay: addDays(quest.createdDay, 1) } : quest, day, player);
  const judged = days.map((day) => ({ day, outcome: judge(day, dailies, rest, tallies, judgedOn) }));
  const openPenaltyRow = await tx.penalty.findFirst({ where: { playerId, status: "OPEN" }, select: { id: true } });
  const streakBefore = player.streak;
  const result = settleDays({ streak: player.streak, shields: player.shields, perfectRun: player.perfectRun }, judged, {
    previousSettledDay: player.lastSettledDay,
    penaltyOpen: openPenaltyRow !== null,
  });
  // Limits held ("≤ 2 coffees") pay when their day is settled, before any Survival Quest this rollover opens.
  await awardHeldLimits(tx, player, dailies, result.settlements, tallies, judgedOn, streakBefore, openPenaltyRow?.id);
  const penaltyDay = result.settlements.find((s) => s.openPenalty)?.day;
  const penaltyId = penaltyDay ? await openPenalty(tx, player, today, now) : null;
  await tx.daySettlement.createMany({
    data: result.settlements.map((s) => ({
      playerId,
      dayKey: s.day,
      outcome: s.status,
      streakAfter: s.state.streak,
      shieldsAfter: s.state.shields,
      penaltyId: s.day === penaltyDay ? penaltyId : null,
    })),
  });
  Object.assign(player, { ...result.state, lastSettledDay: last });
  await tx.player.update({
    where: { id: playerId },
    data: { ...result.state, lastSettledDay: last },
  });

  // Strength counts from a quest's first day of history, which an import puts before its createdDay.
  const strengthOn: ActiveOn = (quest, day) => isActiveOn({ ...quest, createdDay: historyStart(quest) }, day, player);
  const { strengths, peakStat } = await advanceStrengths(tx, player, quests, result.settlements, tallies, strengthOn);
  const promotedTo = await judgeRankTrial(tx, player, strengths, now);
  // Each settled day's streak and stats are judged, not only the last day's: an absence settled at once must
  // not hide a streak of 3 reached (and lost) inside the batch.
  const peakStreak = Math.max(player.streak, ...result.settlements.map((s) => s.state.streak));
  await unlockAchievements(tx, player, {
    dayKey: last,
    streak: peakStreak,
    maxStat: peakStat,
    specials: specialsOf(result.settlements),
  });
  return { settledDays: days.length, penaltyOpened: penaltyId !== null, penaltyExpired, promotedTo };
}

async function loadDays(tx: Tx, playerId: string, first: DayKey, last: DayKey) {
  const [quests, rest, tallies] = await Promise.all([
    // Imported quests count for strength from their history's first day, with the days skipped in it.
    tx.quest.findMany({
      where: {
        playerId,
        kind: { in: ["DAILY", "HABIT"] },
        OR: [{ createdDay: { lte: last } }, { historyFrom: { lte: last } }],
      },
      include: { skips: { where: { dayKey: { gte: first, lte: last } }, select: { dayKey: true } } },
    }),
    tx.restPeriod.findMany({ where: { playerId, startDay: { lte: last }, endDay: { gte: first } } }),
    // From the Monday of the first day's week: weekly quotas count the whole week.
    loadTallies(tx, { playerId, from: weekStart(first), to: last }),
  ]);
  return { quests, rest, tallies };
}

type ActiveOn = (quest: Quest, day: DayKey) => boolean;

function judge(day: DayKey, dailies: Quest[], rest: RestPeriod[], tallies: Tallies, activeOn: ActiveOn) {
  return dayOutcome({
    day,
    rest: isRestDay(rest, day),
    dailies: dailies
      .filter((quest) => activeOn(quest, day))
      .map((quest) => dailyForDay(questShape(quest), day, (d) => tallyOf(tallies, quest.id, d))),
  });
}

/**
 * An at-most target ("≤ 2 coffees") held on a due day awards when that day is settled, at the streak the day
 * began with; inside an open Penalty Zone the award is held like any other.
 */
async function awardHeldLimits(
  tx: Tx,
  player: PlayerState,
  dailies: Quest[],
  settlements: DaySettlement[],
  tallies: Tallies,
  activeOn: ActiveOn,
  streakBefore: number,
  penaltyId: string | undefined,
) {
  const limits = dailies.filter((q) => q.targetDirection === "AT_MOST" && q.targetValue !== null);
  if (limits.length === 0) return;
  let streak = streakBefore;
  for (const s of settlements) {
    for (const quest of limits) {
      const shape = questShape(quest);
      const held = isDueOn(strengthSchedule(shape), s.day) && isCompleteWith(shape, tallyOf(tallies, quest.id, s.day));
      if (s.status === "REST" || !activeOn(quest, s.day) || !held) continue;
      const xp = awardXp(quest.difficulty, streak);
      const amounts = penaltyId
        ? { reason: "PENALTY_HOLD" as const, heldXp: xp, heldGold: goldFor(xp), penaltyId }
        : { reason: "AWARD" as const, xp, gold: goldFor(xp) };
      await post(tx, player, { ...amounts, dayKey: s.day, detail: `limit-held:${quest.id}` });
    }
    streak = s.state.streak;
  }
}

/**
 * Moves each daily's and habit's strength forward through the settled days; shielded and rest days, and a quest's
 * imported skips, freeze it. Returns the new strengths and the highest stat any settled day reached.
 */
async function advanceStrengths(
  tx: Tx,
  player: PlayerState,
  quests: (Quest & { skips: { dayKey: DayKey }[] })[],
  settlements: DaySettlement[],
  tallies: Tallies,
  activeOn: ActiveOn,
) {
  const states = new Map(
    quests.map((q) => [q.id, { state: parseStrengthState(q.strengthState), through: q.strengthDay }]),
  );
  const strengths = new Map<string, number>();
  const statQuests = quests.filter((q) => q.archivedAt === null);
  let peakStat = 0;
  for (const s of settlements) {
    const frozen = s.status === "REST" || s.status === "SHIELDED";
    for (const quest of quests) {
      const entry = states.get(quest.id)!;
      if (!activeOn(quest, s.day) || (entry.through !== null && s.day <= entry.through)) continue;
      const shape = questShape(quest);
      const completions = strengthCompletions(shape, tallyOf(tallies, quest.id, s.day), s.day);
      const skipped = quest.skips.some((skip) => skip.dayKey === s.day);
      entry.state = advanceStrength(strengthSchedule(shape), quest.timesPerDay, entry.state, {
        completions,
        frozen: frozen || skipped,
      });
      entry.through = s.day;
      strengths.set(quest.id, entry.state.score);
    }
    const stats = playerStats(
      player,
      statQuests.map((q) => ({ stats: q.stats, strength: strengths.get(q.id) ?? q.strength })),
    );
    peakStat = Math.max(peakStat, ...Object.values(stats));
  }
  for (const quest of quests) {
    const entry = states.get(quest.id)!;
    if (entry.through === quest.strengthDay) continue;
    await tx.quest.update({
      where: { id: quest.id },
      data: { strength: entry.state.score, strengthState: entry.state, strengthDay: entry.through },
    });
  }
  return { strengths, peakStat };
}

/** "Yesterday is done": lets the rollover settle yesterday now instead of after the grace window. */
export async function confirmYesterday(playerId: string, now: Date): Promise<string> {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { timeZone: true, dayStartMinute: true },
  });
  const yesterday = addDays(localDay(now, player), -1);
  await db.player.update({ where: { id: playerId }, data: { confirmedDay: yesterday } });
  return yesterday;
}

/** An open Rank Trial is passed at the first rollover where its condition holds; the player is promoted then. */
async function judgeRankTrial(tx: Tx, player: PlayerState, strengths: Map<string, number>, now: Date) {
  const trial = await tx.rankTrial.findFirst({ where: { playerId: player.id, passedAt: null } });
  if (!trial || trial.targetRank === "E") return null;
  const active = await tx.quest.findMany({
    where: { playerId: player.id, kind: "DAILY", archivedAt: null },
    select: { id: true, strength: true },
  });
  const values = active.map((q) => strengths.get(q.id) ?? q.strength);
  if (!rankTrialPassed(trial.targetRank, values, player.streak)) return null;
  await tx.rankTrial.update({ where: { id: trial.id }, data: { passedAt: now } });
  player.rank = trial.targetRank;
  await tx.player.update({ where: { id: player.id }, data: { rank: trial.targetRank } });
  return trial.targetRank;
}
