/**
 * At risk (docs/rules.md "The System speaks"): which of today's open dailies the Hunter is likely to miss,
 * judged from the last 28 days of the log. Pure and deterministic.
 */
import {
  countOf,
  judgeDaily,
  minuteAtRank,
  percent,
  type CountedMinute,
  type InsightCheckIn,
  type InsightQuest,
  type Tally,
} from "@/lib/insights/rules";
import { addDays, daysBetween, formatLocalTime, weekday, weekStart, type DayKey } from "@/lib/time/rules";

/** How far back the at-risk judgement looks, in days before today. */
export const RISK_WINDOW_DAYS = 28;
/** From this risk on the dashboard marks a daily "likely to slip". */
export const LIKELY_TO_SLIP = 0.5;

/**
 * What each signal adds to the risk at its worst. Missing today's weekday on the last four such days alone makes
 * a daily high risk; a daily done on every due day of the window stays below 0.2 whatever its strength and the
 * hour (strength and the hour add at most 0.1 each).
 */
export const RISK_WEIGHTS = { weekday: 0.6, overall: 0.1, strength: 0.1, silence: 0.05, falling: 0.05, late: 0.1 };
/** A signal with no history behind it (a new quest) counts this share of its weight. */
const UNKNOWN_MISS = 0.3;

export type RiskReason =
  | { code: "WEEKDAY_MISSES"; missed: number; of: number; weekday: number }
  | { code: "WEEKS_MISSED"; missed: number; of: number }
  | { code: "OFTEN_MISSED"; done: number; due: number }
  | { code: "USUAL_TIME_PASSED"; by: string }
  | { code: "NO_RECENT_CHECK_IN"; days: number }
  | { code: "FALLING"; recent: number; earlier: number }
  | { code: "WEAK"; strength: number }
  | { code: "NEW" };

export type RiskLevel = "low" | "medium" | "high";

export type DailyRisk = {
  questId: string;
  title: string;
  /** 0..1, rounded to hundredths. */
  risk: number;
  level: RiskLevel;
  /** Strongest first. */
  reasons: RiskReason[];
};

export type RiskInput = {
  today: DayKey;
  /** Minutes since the Hunter's day began. */
  nowMinute: number;
  dayStartMinute: number;
  quest: InsightQuest;
  tally: Tally;
  /** Check-ins of this quest in the window and today. */
  checkIns: readonly InsightCheckIn[];
  /** Days nothing was due (rest): they count neither as done nor as missed. */
  restDays: ReadonlySet<DayKey>;
};

export function riskLevel(risk: number): RiskLevel {
  return risk >= 0.6 ? "high" : risk >= 0.35 ? "medium" : "low";
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

type Occurrence = { day: DayKey; done: boolean };

/** The quest's judged occurrences in [from, to], rest days left out: each due day (a quota: each Sunday), done or not. */
function dueRecord(
  quest: InsightQuest,
  tally: Tally,
  restDays: ReadonlySet<DayKey>,
  from: DayKey,
  to: DayKey,
  only?: (day: DayKey) => boolean,
): Occurrence[] {
  const record: Occurrence[] = [];
  for (let day = from < quest.createdDay ? quest.createdDay : from; day <= to; day = addDays(day, 1)) {
    if (restDays.has(day) || (only && !only(day))) continue;
    const judged = judgeDaily(quest, day, tally, true);
    if (judged) record.push({ day, done: judged.done });
  }
  return record;
}

/** The quest's judged occurrences in the 28 days before today. */
export function recentRecord(quest: InsightQuest, today: DayKey, tally: Tally, restDays: ReadonlySet<DayKey>) {
  return dueRecord(quest, tally, restDays, addDays(today, -RISK_WINDOW_DAYS), addDays(today, -1));
}

const missRate = (record: ReadonlyArray<{ done: boolean }>) =>
  record.length === 0 ? null : record.filter((r) => !r.done).length / record.length;

/**
 * The minute of the day by which this quest is usually done: the 75th percentile of its check-ins' minutes (each
 * counted as often as it says), up to the next full hour.
 */
export function usuallyDoneBy(minutes: readonly CountedMinute[]): number | null {
  if (countOf(minutes) < 3) return null;
  const p75 = minuteAtRank(minutes, (n) => Math.ceil(n * 0.75) - 1)!;
  return Math.ceil(p75 / 60) * 60;
}

export function clockText(minute: number, dayStartMinute: number): string {
  return formatLocalTime(minute + dayStartMinute);
}

/**
 * The risk that an open daily is missed today (docs/rules.md "At risk"), with its reasons. Deterministic: the same
 * log gives the same answer in any order.
 */
export function dailyRisk(input: RiskInput): DailyRisk {
  const { quest, today } = input;
  const windowStart = addDays(today, -RISK_WINDOW_DAYS);
  const yesterday = addDays(today, -1);
  const firstDay = quest.createdDay > windowStart ? quest.createdDay : windowStart;
  const parts: { weight: number; reason: RiskReason | null }[] = [];

  // 1. Today's weekday (per-day schedules), or the last four weeks' quotas.
  const overall = recentRecord(quest, today, input.tally, input.restDays);
  let weekdayMiss: number;
  if (quest.schedule?.type === "TIMES_PER_WEEK") {
    const monday = weekStart(today);
    const weeks = dueRecord(quest, input.tally, input.restDays, addDays(monday, -28), addDays(monday, -1));
    const missed = weeks.filter((w) => !w.done).length;
    weekdayMiss = missRate(weeks) ?? UNKNOWN_MISS;
    parts.push({
      weight: RISK_WEIGHTS.weekday * weekdayMiss,
      reason: weeks.length > 0 && missed > 0 ? { code: "WEEKS_MISSED", missed, of: weeks.length } : null,
    });
  } else {
    const sameDay = dueRecord(
      quest,
      input.tally,
      input.restDays,
      windowStart,
      yesterday,
      (day) => weekday(day) === weekday(today),
    ).slice(-4);
    const missed = sameDay.filter((d) => !d.done).length;
    weekdayMiss = missRate(sameDay) ?? missRate(overall) ?? UNKNOWN_MISS;
    parts.push({
      weight: RISK_WEIGHTS.weekday * weekdayMiss,
      reason: missed > 0 ? { code: "WEEKDAY_MISSES", missed, of: sameDay.length, weekday: weekday(today) } : null,
    });
  }

  // 2. The whole window.
  const overallMiss = missRate(overall);
  const overallDone = overall.filter((d) => d.done).length;
  parts.push({
    weight: RISK_WEIGHTS.overall * (overallMiss ?? UNKNOWN_MISS),
    reason:
      overallMiss !== null && overallMiss >= 0.5
        ? { code: "OFTEN_MISSED", done: overallDone, due: overall.length }
        : null,
  });

  // 3. Strength.
  const strength = clamp01(quest.strength);
  parts.push({
    weight: RISK_WEIGHTS.strength * (1 - strength),
    reason: strength < 0.3 && overall.length > 0 ? { code: "WEAK", strength: percent(strength) } : null,
  });

  // 4. Silence: due occurrences gone by since the last check-in (a weekly daily is not silent between its days).
  let last: DayKey | null = null;
  for (const { day } of input.checkIns) if (day <= today && (last === null || day > last)) last = day;
  const missedSince = overall.filter((d) => last === null || d.day > last).length;
  const since = daysBetween(last ?? firstDay, today);
  parts.push({
    weight: RISK_WEIGHTS.silence * clamp01(missedSince / 3),
    // A quest older than the window with no check-in in it has been silent for at least the whole window.
    reason:
      missedSince >= 2 && (last !== null || quest.createdDay <= windowStart)
        ? { code: "NO_RECENT_CHECK_IN", days: since }
        : null,
  });

  // 5. Falling: the last 14 days against the 14 before.
  const recent = overall.filter((d) => d.day >= addDays(today, -14));
  const earlier = overall.filter((d) => d.day < addDays(today, -14));
  const recentRate = recent.length > 0 ? 1 - missRate(recent)! : null;
  const earlierRate = earlier.length > 0 ? 1 - missRate(earlier)! : null;
  const drop = recentRate !== null && earlierRate !== null ? clamp01(earlierRate - recentRate) : 0;
  parts.push({
    weight: RISK_WEIGHTS.falling * drop,
    reason: drop >= 0.2 ? { code: "FALLING", recent: percent(recentRate!), earlier: percent(earlierRate!) } : null,
  });

  // 6. The hour by which it is usually done has passed.
  const doneBy = usuallyDoneBy(input.checkIns.filter((c) => c.day < today && c.day >= windowStart));
  const late = doneBy !== null && input.nowMinute > doneBy;
  parts.push({
    weight: late ? RISK_WEIGHTS.late : 0,
    reason: late ? { code: "USUAL_TIME_PASSED", by: clockText(doneBy, input.dayStartMinute) } : null,
  });

  const risk = Math.round(clamp01(parts.reduce((sum, p) => sum + p.weight, 0)) * 100) / 100;
  const reasons = parts
    .filter((p) => p.reason !== null && p.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((p) => p.reason!);
  if (overall.length === 0 && quest.schedule?.type !== "TIMES_PER_WEEK") reasons.push({ code: "NEW" });
  return { questId: quest.id, title: quest.title, risk, level: riskLevel(risk), reasons };
}
