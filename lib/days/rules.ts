/**
 * Day outcomes, the player streak, shields and the Penalty Zone (docs/rules.md "Streaks, shields, the Penalty Zone"). The rollover settles a player's days
 * one at a time, in order, with these functions; it persists the returned state.
 */
import type { SpecialEvent } from "@/lib/achievements/rules";
import {
  isCompleteWith,
  isDueOn,
  strengthSchedule,
  weekCompletions,
  type DayTally,
  type QuestShape,
  type Target,
} from "@/lib/quests/rules";
import type { Schedule } from "@/lib/quests/schemas";
import { addDays, dayEndInstant, daysBetween, localDay, monthKey, weekday, type DayClock } from "@/lib/time/rules";
import type { DayKey } from "@/lib/time/rules";

export const SHIELD_MAX = 2;
export const PERFECT_WEEK_DAYS = 7;
/** A day is settled this long after it ends, unless the player confirms "yesterday is done" earlier. */
export const SETTLE_GRACE_HOURS = 3;
export const BACKFILL_MAX_DAYS = 7;

export type DayOutcome = "CLEARED" | "FAILED" | "NEUTRAL" | "REST";

export type DailyForDay = {
  schedule: Schedule;
  timesPerDay: number;
  completionsOnDay: number;
  /** Check-ins from the Monday of the day's week through the day; only read for TIMES_PER_WEEK quests. */
  completionsInWeekThroughDay: number;
  /** A numeric target: the day is complete when its total reaches (or, at most, stays within) it. */
  target?: Target | null;
  totalOnDay?: number;
};

/**
 * Cleared when every DAILY due that day is complete; neutral when none is due. A TIMES_PER_WEEK quota is judged
 * on Sunday only (weeks start Monday): met, it counts like a completed daily; unmet, it fails that Sunday.
 * A rest day is REST whatever was done: nothing is due in the Safe Zone, not even a weekly quota.
 */
export function dayOutcome(input: { day: DayKey; rest: boolean; dailies: readonly DailyForDay[] }): DayOutcome {
  if (input.rest) return "REST";
  const isSunday = weekday(input.day) === 7;
  const judged = input.dailies.flatMap((daily) => {
    if (daily.schedule.type === "TIMES_PER_WEEK") {
      return isSunday ? [daily.completionsInWeekThroughDay >= daily.schedule.n * daily.timesPerDay] : [];
    }
    const tally = { count: daily.completionsOnDay, total: daily.totalOnDay ?? 0 };
    return isDueOn(daily.schedule, input.day)
      ? [isCompleteWith({ timesPerDay: daily.timesPerDay, target: daily.target ?? null }, tally)]
      : [];
  });
  if (judged.length === 0) return "NEUTRAL";
  return judged.every(Boolean) ? "CLEARED" : "FAILED";
}

/** What the player carries from one settled day to the next. */
export type StreakState = {
  streak: number;
  shields: number;
  /** Cleared days since the last perfect week, or since the last failed or shielded day. */
  perfectRun: number;
};

export type DayStatus = "CLEARED" | "FAILED" | "SHIELDED" | "NEUTRAL" | "REST";

export type DaySettlement = {
  day: DayKey;
  status: DayStatus;
  state: StreakState;
  /** A failed day with no shield: open a Penalty Quest (settleDays caps this to one per rollover). */
  openPenalty: boolean;
  /** This day completed a perfect week (7 cleared days in a row, neutral and rest days not interrupting). */
  perfectWeek: boolean;
  /** Shields added by the monthly grant and a perfect week, after the cap of 2 (a shield may be spent the same day). */
  shieldsGranted: number;
};

export function grantMonthlyShield(shields: number): number {
  return Math.min(SHIELD_MAX, shields + 1);
}

/**
 * "1 free shield each calendar month" is granted at the first settlement in a month, before that day is judged,
 * so a failed 1st of the month can already use it. A new player's first settlement grants it too.
 */
export function isFirstSettlementOfMonth(day: DayKey, previousSettledDay: DayKey | null): boolean {
  return previousSettledDay === null || monthKey(previousSettledDay) !== monthKey(day);
}

function judgeDay(state: StreakState, outcome: DayOutcome): Omit<DaySettlement, "day" | "shieldsGranted"> {
  const quiet = { openPenalty: false, perfectWeek: false };
  switch (outcome) {
    case "NEUTRAL":
    case "REST":
      return { ...quiet, status: outcome, state };
    case "FAILED":
      if (state.shields > 0) {
        return { ...quiet, status: "SHIELDED", state: { ...state, shields: state.shields - 1, perfectRun: 0 } };
      }
      return {
        status: "FAILED",
        state: { streak: 0, shields: 0, perfectRun: 0 },
        openPenalty: true,
        perfectWeek: false,
      };
    case "CLEARED": {
      const perfectWeek = state.perfectRun + 1 === PERFECT_WEEK_DAYS;
      const next = {
        streak: state.streak + 1,
        shields: perfectWeek ? Math.min(SHIELD_MAX, state.shields + 1) : state.shields,
        perfectRun: perfectWeek ? 0 : state.perfectRun + 1,
      };
      return { status: "CLEARED", state: next, openPenalty: false, perfectWeek };
    }
  }
}

export function settleDay(
  state: StreakState,
  outcome: DayOutcome,
  context: { day: DayKey; previousSettledDay: DayKey | null },
): DaySettlement {
  const shields = isFirstSettlementOfMonth(context.day, context.previousSettledDay)
    ? grantMonthlyShield(state.shields)
    : state.shields;
  const judged = judgeDay({ ...state, shields }, outcome);
  const shieldsGranted = shields - state.shields + Math.max(0, judged.state.shields - shields);
  return { day: context.day, ...judged, shieldsGranted };
}

/** A day may be settled once its grace window has passed, or as soon as it ended if the player says it is done. */
export function isSettleable(input: { dayEnd: Date; now: Date; playerConfirmed: boolean }): boolean {
  const graceEnd = input.dayEnd.getTime() + SETTLE_GRACE_HOURS * 3_600_000;
  return input.now.getTime() >= (input.playerConfirmed ? input.dayEnd.getTime() : graceEnd);
}

/**
 * Settles consecutive days in order, as one rollover does after an absence. However many of them fail, at most one
 * Penalty Quest opens (for the first unshielded failure), and none while one is already open: an absence costs
 * the streak and one penalty, not a spiral (docs/rules.md "The System day", "Streaks, shields, the Penalty Zone"). Shields are still spent day by day, in order.
 */
export function settleDays(
  state: StreakState,
  days: ReadonlyArray<{ day: DayKey; outcome: DayOutcome }>,
  context: { previousSettledDay: DayKey | null; penaltyOpen: boolean },
): { state: StreakState; settlements: DaySettlement[]; openPenalty: boolean } {
  let current = state;
  let previousSettledDay = context.previousSettledDay;
  let penaltyOpen = context.penaltyOpen;
  let openPenalty = false;
  const settlements = days.map(({ day, outcome }) => {
    if (previousSettledDay !== null && daysBetween(previousSettledDay, day) !== 1) {
      throw new RangeError(`Days must be settled in order, one at a time: ${previousSettledDay} then ${day}`);
    }
    const settlement = settleDay(current, outcome, { day, previousSettledDay });
    if (settlement.openPenalty && penaltyOpen) settlement.openPenalty = false;
    if (settlement.openPenalty) [penaltyOpen, openPenalty] = [true, true];
    [current, previousSettledDay] = [settlement.state, day];
    return settlement;
  });
  return { state: current, settlements, openPenalty };
}

/** Backfill fixes history for up to 7 past days (not today: today is an ordinary check-in). */
export function canBackfill(day: DayKey, today: DayKey): boolean {
  const back = daysBetween(day, today);
  return back >= 1 && back <= BACKFILL_MAX_DAYS;
}

/** The latest day that may be settled now: yesterday once its grace window passed (or the player said so). */
export function lastSettleableDay(player: DayClock & { confirmedDay: DayKey | null }, now: Date): DayKey {
  const today = localDay(now, player);
  const yesterday = addDays(today, -1);
  const dayEnd = dayEndInstant(yesterday, player.timeZone, player.dayStartMinute);
  return isSettleable({ dayEnd, now, playerConfirmed: player.confirmedDay === yesterday })
    ? yesterday
    : addDays(today, -2);
}

/** The first day of a player's not yet settled: the day after the last settled one, or their first day. */
export function firstUnsettledDay(player: DayClock & { lastSettledDay: DayKey | null; createdAt: Date }): DayKey {
  return player.lastSettledDay ? addDays(player.lastSettledDay, 1) : localDay(player.createdAt, player);
}

/** Achievements a settled batch of days can unlock, whatever else happened in it. */
export function specialsOf(settlements: DaySettlement[]): SpecialEvent[] {
  const specials: SpecialEvent[] = [];
  if (settlements.some((s) => s.perfectWeek)) specials.push("PERFECT_WEEK");
  // Iron Will is for a streak a shield saved, not for a shield spent on nothing.
  if (settlements.some((s) => s.status === "SHIELDED" && s.state.streak > 0)) specials.push("SHIELD_SAVED_STREAK");
  if (settlements.some((s) => s.status === "REST")) specials.push("REST_TAKEN");
  return specials;
}

/**
 * A DAILY as a day's outcome reads it: its schedule, its completions that day and, for a weekly quota, this
 * week's completions through that day.
 */
export function dailyForDay(quest: QuestShape, day: DayKey, tallyOn: (day: DayKey) => DayTally): DailyForDay {
  const tally = tallyOn(day);
  return {
    schedule: strengthSchedule(quest),
    timesPerDay: quest.timesPerDay,
    completionsOnDay: tally.count,
    completionsInWeekThroughDay: weekCompletions(quest, day, tallyOn),
    target: quest.target,
    totalOnDay: tally.total,
  };
}
