import "server-only";
import { unlockAchievements } from "@/lib/achievements/service";
import type { SpecialEvent } from "@/lib/achievements/rules";
import { db } from "@/lib/db";
import { dayOutcome, isSettleable, settleDays, type DaySettlement } from "@/lib/days/rules";
import type { Prisma, Quest, RestPeriod } from "@/lib/generated/prisma/client";
import { lockPlayer, type PlayerState, type Tx } from "@/lib/ledger/service";
import { metrics } from "@/lib/metrics/registry";
import { expirePenalty, openPenalty } from "@/lib/penalties/service";
import { rankTrialPassed } from "@/lib/progression/rules";
import { advanceStrength, INITIAL_STRENGTH, type Schedule, type StrengthState } from "@/lib/quests/rules";
import { afterPlayerWrite } from "@/lib/player/cache";
import { playerStats } from "@/lib/player/stats";
import { addDays, dayEndInstant, dayKey, weekStart, type DayKey } from "@/lib/time/rules";

const TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

/** The latest day that may be settled now: yesterday once its grace window passed (or the player said so). */
export function lastSettleableDay(
  player: Pick<PlayerState, "timeZone" | "dayStartMinute" | "confirmedDay">,
  now: Date,
): DayKey {
  const today = dayKey(now, player.timeZone, player.dayStartMinute);
  const yesterday = addDays(today, -1);
  const dayEnd = dayEndInstant(yesterday, player.timeZone, player.dayStartMinute);
  return isSettleable({ dayEnd, now, playerConfirmed: player.confirmedDay === yesterday })
    ? yesterday
    : addDays(today, -2);
}

function firstUnsettledDay(
  player: Pick<PlayerState, "lastSettledDay" | "createdAt" | "timeZone" | "dayStartMinute">,
): DayKey {
  return player.lastSettledDay
    ? addDays(player.lastSettledDay, 1)
    : dayKey(player.createdAt, player.timeZone, player.dayStartMinute);
}

export type SettleResult = {
  settledDays: number;
  penaltyOpened: boolean;
  penaltyExpired: boolean;
  promotedTo: string | null;
};

const NOTHING: SettleResult = { settledDays: 0, penaltyOpened: false, penaltyExpired: false, promotedTo: null };

/**
 * Settles every day of this player that is due, one day at a time and each exactly once: lazily on the player's
 * first request after a day ends and from the cron backstop. Concurrent runs queue on the player's row lock; the
 * (player, day) key of DaySettlement is the last guard.
 */
export async function settlePlayer(playerId: string, now: Date, known?: SettlementPeek): Promise<SettleResult> {
  const peek = known ?? (await peekSettlement(playerId));
  if (!peek || !settlementDue(peek, now)) return NOTHING;
  const result = await db.$transaction((tx) => settleLocked(tx, playerId, now), TX_OPTIONS);
  metrics().rolloverSettlements.inc(result.settledDays);
  if (result.penaltyOpened) metrics().penaltiesOpened.inc();
  if (result.settledDays > 0 || result.penaltyExpired) await afterPlayerWrite(playerId, now);
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
  const today = dayKey(now, player.timeZone, player.dayStartMinute);
  const penaltyExpired = await expirePenalty(tx, player, today, now);
  const first = firstUnsettledDay(player);
  const last = lastSettleableDay(player, now);
  if (first > last) return { ...NOTHING, penaltyExpired };

  const days: DayKey[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  const { dailies, rest, counts } = await loadDays(tx, playerId, first, last);

  const activeOn = activeOnFor(player);
  const judged = days.map((day) => ({ day, outcome: judge(day, dailies, rest, counts, activeOn) }));
  const penaltyOpen = (await tx.penalty.count({ where: { playerId, status: "OPEN" } })) > 0;
  const result = settleDays({ streak: player.streak, shields: player.shields, perfectRun: player.perfectRun }, judged, {
    previousSettledDay: player.lastSettledDay,
    penaltyOpen,
  });
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

  const strengths = await advanceStrengths(tx, dailies, result.settlements, counts, activeOn);
  const promotedTo = await judgeRankTrial(tx, player, strengths, now);
  const stats = playerStats(
    player,
    dailies
      .filter((q) => q.archivedAt === null)
      .map((q) => ({ stats: q.stats, strength: strengths.get(q.id) ?? q.strength })),
  );
  await unlockAchievements(tx, player, {
    dayKey: last,
    maxStat: Math.max(...Object.values(stats)),
    specials: specialsOf(result.settlements),
  });
  return { settledDays: days.length, penaltyOpened: penaltyId !== null, penaltyExpired, promotedTo };
}

type Counts = Map<string, number>;
const countKey = (questId: string, day: DayKey) => `${questId}|${day}`;

async function loadDays(tx: Tx, playerId: string, first: DayKey, last: DayKey) {
  const [dailies, rest, grouped] = await Promise.all([
    tx.quest.findMany({ where: { playerId, kind: "DAILY", createdDay: { lte: last } } }),
    tx.restPeriod.findMany({ where: { playerId, startDay: { lte: last }, endDay: { gte: first } } }),
    // From the Monday of the first day's week: weekly quotas count the whole week.
    tx.checkIn.groupBy({
      by: ["questId", "dayKey"],
      where: { playerId, undo: null, dayKey: { gte: weekStart(first), lte: last } },
      _count: { _all: true },
    }),
  ]);
  const counts: Counts = new Map(grouped.map((g) => [countKey(g.questId, g.dayKey), g._count._all]));
  return { dailies, rest, counts };
}

type ActiveOn = (quest: Quest, day: DayKey) => boolean;

/** A quest counts on the days from its creation up to (not including) the day it was archived. */
function activeOnFor(player: PlayerState): ActiveOn {
  return (quest, day) =>
    quest.createdDay <= day &&
    (quest.archivedAt === null || dayKey(quest.archivedAt, player.timeZone, player.dayStartMinute) > day);
}

function judge(day: DayKey, dailies: Quest[], rest: RestPeriod[], counts: Counts, activeOn: ActiveOn) {
  const monday = weekStart(day);
  return dayOutcome({
    day,
    rest: rest.some((r) => r.startDay <= day && day <= r.endDay),
    dailies: dailies
      .filter((quest) => activeOn(quest, day))
      .map((quest) => {
        let week = 0;
        for (let d = monday; d <= day; d = addDays(d, 1)) week += counts.get(countKey(quest.id, d)) ?? 0;
        return {
          schedule: quest.schedule as Schedule,
          timesPerDay: quest.timesPerDay,
          completionsOnDay: counts.get(countKey(quest.id, day)) ?? 0,
          completionsInWeekThroughDay: week,
        };
      }),
  });
}

/** Moves each daily's strength forward through the settled days; shielded and rest days freeze it. */
async function advanceStrengths(
  tx: Tx,
  dailies: Quest[],
  settlements: DaySettlement[],
  counts: Counts,
  activeOn: ActiveOn,
) {
  const strengths = new Map<string, number>();
  for (const quest of dailies) {
    let state = (quest.strengthState as StrengthState | null) ?? INITIAL_STRENGTH;
    let through = quest.strengthDay;
    for (const s of settlements) {
      if (!activeOn(quest, s.day) || (through !== null && s.day <= through)) continue;
      const frozen = s.status === "REST" || s.status === "SHIELDED";
      const completions = counts.get(countKey(quest.id, s.day)) ?? 0;
      state = advanceStrength(quest.schedule as Schedule, quest.timesPerDay, state, { completions, frozen });
      through = s.day;
    }
    if (through === quest.strengthDay) continue;
    strengths.set(quest.id, state.score);
    await tx.quest.update({
      where: { id: quest.id },
      data: { strength: state.score, strengthState: state, strengthDay: through },
    });
  }
  return strengths;
}

/**
 * A backfill changes a settled day's check-ins, so the daily's stored strength (read by stats and rank trials) is
 * recomputed from its log through the last day it was advanced, exactly as strengthSeries does (SPEC §6: backfill
 * fixes strength). A rare action, so reading the quest's history here is fine.
 */
export async function restateStrength(tx: Tx, quest: Quest): Promise<void> {
  const through = quest.strengthDay;
  if (quest.kind !== "DAILY" || through === null) return;
  const days = { gte: quest.createdDay, lte: through };
  const [grouped, frozen] = await Promise.all([
    tx.checkIn.groupBy({
      by: ["dayKey"],
      where: { questId: quest.id, undo: null, dayKey: days },
      _count: { _all: true },
    }),
    tx.daySettlement.findMany({
      where: { playerId: quest.playerId, dayKey: days, outcome: { in: ["REST", "SHIELDED"] } },
      select: { dayKey: true },
    }),
  ]);
  const completions = new Map(grouped.map((g) => [g.dayKey, g._count._all]));
  const frozenDays = new Set(frozen.map((f) => f.dayKey));
  let state = INITIAL_STRENGTH;
  for (let day = quest.createdDay; day <= through; day = addDays(day, 1)) {
    state = advanceStrength(quest.schedule as Schedule, quest.timesPerDay, state, {
      completions: completions.get(day) ?? 0,
      frozen: frozenDays.has(day),
    });
  }
  await tx.quest.update({ where: { id: quest.id }, data: { strength: state.score, strengthState: state } });
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

function specialsOf(settlements: DaySettlement[]): SpecialEvent[] {
  const specials: SpecialEvent[] = [];
  if (settlements.some((s) => s.perfectWeek)) specials.push("PERFECT_WEEK");
  // Iron Will is for a streak a shield saved, not for a shield spent on nothing.
  if (settlements.some((s) => s.status === "SHIELDED" && s.state.streak > 0)) specials.push("SHIELD_SAVED_STREAK");
  if (settlements.some((s) => s.status === "REST")) specials.push("REST_TAKEN");
  return specials;
}
