/**
 * What the System knows about a Hunter's habits (docs/rules.md "The System speaks"): the facts of an ISO
 * week, which of today's dailies are at risk, and what to suggest. Pure: the log comes in as arguments, nothing
 * reads a clock or the database. Every figure the System ever states comes from here.
 */
import { playerStats, STATS, type Stat } from "@/lib/progression/rules";
import {
  advanceStrength,
  INITIAL_STRENGTH,
  isCompleteWith,
  isDueOn,
  strengthCompletions,
  strengthSchedule,
  weekCompletions,
  type DayTally,
  type QuestShape,
} from "@/lib/quests/rules";
import type { Schedule } from "@/lib/quests/schemas";
import { addDays, weekday, type DayKey } from "@/lib/time/rules";

export type InsightQuest = {
  id: string;
  title: string;
  kind: "DAILY" | "HABIT" | "ONE_TIME" | "PENALTY";
  difficulty: "EASY" | "NORMAL" | "HARD";
  stats: Stat[];
  schedule: Schedule | null;
  timesPerDay: number;
  positive: boolean;
  target: { value: number; unit: string; direction: "AT_LEAST" | "AT_MOST" } | null;
  reminderTime: string | null;
  createdDay: DayKey;
  /** The first day it no longer counts (its archive day), or null while active. */
  archivedDay: DayKey | null;
  /** Strength as of the last settled day (Quest.strength). */
  strength: number;
};

/**
 * Counted (not undone) check-ins of a quest on a day and the minute of the Hunter's day they happened (0 = the day's
 * first minute): `count` of them (1 when not said; the recent log reads them grouped by minute, #16).
 */
export type InsightCheckIn = { questId: string; day: DayKey; minute: number; count?: number };

/** A minute, or a minute with how many check-ins fell on it (1 when not said). */
export type CountedMinute = number | { minute: number; count?: number };

const counted = (minutes: readonly CountedMinute[]) =>
  minutes.map((m) => (typeof m === "number" ? { minute: m, count: 1 } : { minute: m.minute, count: m.count ?? 1 }));

/** How many check-ins `minutes` stand for. */
export function countOf(minutes: readonly CountedMinute[]): number {
  return counted(minutes).reduce((sum, m) => sum + m.count, 0);
}

/**
 * The minute at rank `rankOf(n)` (0-based) of `minutes` sorted, each counted as often as it says (n in all): the same
 * answer as listing every check-in's minute, without a list as long as the taps. Null for none.
 */
export function minuteAtRank(minutes: readonly CountedMinute[], rankOf: (n: number) => number): number | null {
  const sorted = counted(minutes).sort((a, b) => a.minute - b.minute);
  let rank = rankOf(sorted.reduce((sum, m) => sum + m.count, 0));
  for (const { minute, count } of sorted) {
    if (rank < count) return minute;
    rank -= count;
  }
  return null;
}

export type Tally = (questId: string, day: DayKey) => DayTally;

/** What stats are computed from besides strength: the job and the points spent (lib/progression/rules.ts). */
export type PlayerBuild = Parameters<typeof playerStats>[0];

export const percent = (fraction: number) => Math.round(fraction * 100);

/** The lower median of `minutes`, each counted as often as it says. */
const median = (minutes: readonly CountedMinute[]) => minuteAtRank(minutes, (n) => Math.floor((n - 1) / 2));

/** A minute of the Hunter's day (from its start) as a wall-clock hour, 0..23. */
export function wallClockHour(minute: number, dayStartMinute: number): number {
  return Math.floor(((minute + dayStartMinute) % 1440) / 60);
}

/** Active from its first day up to (not including) the day it was archived, as quests/rules.ts isActiveOn says. */
function activeOn(quest: InsightQuest, day: DayKey): boolean {
  return quest.createdDay <= day && (quest.archivedDay === null || day < quest.archivedDay);
}

/** The rules' view of a quest (its schedule was validated when it was loaded). */
function shapeOf(quest: InsightQuest): QuestShape {
  return {
    kind: quest.kind,
    timesPerDay: quest.timesPerDay,
    positive: quest.positive,
    schedule: quest.schedule,
    target: quest.target && { value: quest.target.value, direction: quest.target.direction },
  };
}

/**
 * Whether a DAILY was expected on `day` and whether it was done, as the day's settlement judges it: a weekly quota
 * on its Sunday, an at-most limit only once the day is settled. Null when nothing was expected (or not judged yet).
 */
export function judgeDaily(quest: InsightQuest, day: DayKey, tally: Tally, settled: boolean): { done: boolean } | null {
  const schedule = quest.schedule;
  if (quest.kind !== "DAILY" || !schedule || !activeOn(quest, day)) return null;
  const shape = shapeOf(quest);
  if (schedule.type === "TIMES_PER_WEEK") {
    if (weekday(day) !== 7) return null;
    return { done: weekCompletions(shape, day, (d) => tally(quest.id, d)) >= schedule.n * quest.timesPerDay };
  }
  if (!isDueOn(schedule, day)) return null;
  if (quest.target?.direction === "AT_MOST" && !settled) return null;
  return { done: isCompleteWith(shape, tally(quest.id, day)) };
}

/** What a quest's check-ins on one day count as: days a daily or target was done, taps of a habit. */
function completionsOn(quest: InsightQuest, day: DayKey, tally: Tally, settled: boolean): number {
  const { count, total } = tally(quest.id, day);
  if (count === 0 && quest.target?.direction !== "AT_MOST") return 0;
  if (quest.kind === "HABIT") return count;
  if (quest.target?.direction === "AT_LEAST") return total >= quest.target.value ? 1 : 0;
  if (quest.target?.direction === "AT_MOST")
    return settled && isDueOn(quest.schedule!, day) ? (total <= quest.target.value ? 1 : 0) : 0;
  return Math.min(count, quest.timesPerDay);
}

/**
 * A quest's strength after each of the `wanted` days, recomputed from its first day as the rollover computes it
 * (frozen on shielded and rest days). `days` are consecutive and run from before the quest's first day through the
 * last wanted one: one list for every quest, so day arithmetic is done once.
 */
export function strengthOn(
  quest: InsightQuest,
  days: readonly DayKey[],
  tally: Tally,
  frozenDays: ReadonlySet<DayKey>,
  wanted: readonly DayKey[],
): Map<DayKey, number> {
  const shape = shapeOf(quest);
  const schedule = strengthSchedule(shape);
  const result = new Map<DayKey, number>();
  let state = INITIAL_STRENGTH;
  for (const day of days) {
    if (day < quest.createdDay) continue;
    const completions = strengthCompletions(shape, tally(quest.id, day), day);
    state = advanceStrength(schedule, quest.timesPerDay, state, { completions, frozen: frozenDays.has(day) });
    if (wanted.includes(day)) result.set(day, state.score);
  }
  return result;
}

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export type DayOutcomeName = "CLEARED" | "FAILED" | "SHIELDED" | "NEUTRAL" | "REST";

export type WeekInput = {
  week: string;
  monday: DayKey;
  today: DayKey;
  lastSettledDay: DayKey | null;
  dayStartMinute: number;
  player: PlayerBuild;
  quests: readonly InsightQuest[];
  tally: Tally;
  /** Check-ins of the week, for usual completion hours. */
  checkIns: readonly InsightCheckIn[];
  /** Shielded and rest days, any time: they freeze strength. */
  frozenDays: ReadonlySet<DayKey>;
  /** The week's settled days. */
  settlements: ReadonlyArray<{ day: DayKey; outcome: DayOutcomeName; streakAfter: number }>;
  /** XP and gold the week's ledger moved (spending in a shop left out). */
  ledger: { xp: number; gold: number };
  /** Survival Quests opened in the week. */
  penalties: ReadonlyArray<{ status: "OPEN" | "CLEARED" | "FAILED" }>;
};

export type QuestFacts = {
  title: string;
  kind: "DAILY" | "HABIT" | "ONE_TIME";
  /** Bad habits count slips, everything else completions. */
  completions: number;
  slips: number;
  /** DAILY: occurrences expected in the week and how many were done. */
  due: number | null;
  done: number | null;
  /** Median wall-clock hour of the week's check-ins. */
  usualHour: number | null;
  /** Strength in percent at the end of the week, and its change in points since the week began. */
  strength: number | null;
  strengthChange: number | null;
};

export type DayFacts = {
  day: DayKey;
  weekday: (typeof WEEKDAY_NAMES)[number];
  completions: number;
  due: number;
  done: number;
  outcome: DayOutcomeName | null;
};

export type WeekFacts = {
  week: string;
  from: DayKey;
  to: DayKey;
  /** False while the week is still under way. */
  complete: boolean;
  totals: { completions: number; slips: number; xp: number; gold: number };
  days: DayFacts[];
  bestDay: { weekday: string; done: number; due: number } | null;
  worstDay: { weekday: string; done: number; due: number } | null;
  quests: QuestFacts[];
  streak: { atEnd: number | null; cleared: number; failed: number; shielded: number; rested: number };
  weakestStat: { stat: Stat; value: number };
  penaltyZone: { visits: number; cleared: number; failed: number };
};

function rate(day: { done: number; due: number }): number {
  return day.done / day.due;
}

/** The facts of one ISO week of the Hunter's days: what the report says, and all it may say. */
export function weekFacts(input: WeekInput): WeekFacts {
  const sunday = addDays(input.monday, 6);
  const settledThrough = input.lastSettledDay ?? addDays(input.monday, -1);
  const lastShown = sunday < input.today ? sunday : input.today;
  const isSettled = (day: DayKey) => day <= settledThrough;
  const quests = input.quests.filter((q) => q.kind !== "PENALTY");
  const outcomes = new Map(input.settlements.map((s) => [s.day, s]));

  const days: DayFacts[] = [];
  for (let day = input.monday; day <= lastShown; day = addDays(day, 1)) {
    let due = 0;
    let done = 0;
    let completions = 0;
    const rest = outcomes.get(day)?.outcome === "REST";
    for (const quest of quests) {
      if (!(quest.kind === "HABIT" && !quest.positive))
        completions += completionsOn(quest, day, input.tally, isSettled(day));
      const judged = rest ? null : judgeDaily(quest, day, input.tally, isSettled(day));
      if (judged && (judged.done || isSettled(day))) {
        due += 1;
        done += judged.done ? 1 : 0;
      }
    }
    days.push({
      day,
      weekday: WEEKDAY_NAMES[weekday(day) - 1]!,
      completions,
      due,
      done,
      outcome: outcomes.get(day)?.outcome ?? null,
    });
  }

  const judgedDays = days.filter((d) => d.due > 0);
  const best = [...judgedDays].sort((a, b) => rate(b) - rate(a) || b.done - a.done)[0] ?? null;
  const worst = [...judgedDays].sort((a, b) => rate(a) - rate(b) || a.done - b.done)[0] ?? null;
  const summary = (d: DayFacts | null) => d && { weekday: d.weekday, done: d.done, due: d.due };

  const strengthEnd = settledThrough < sunday ? settledThrough : sunday;
  const strengthStart = addDays(input.monday, -1);
  const firstDay = quests.reduce<DayKey>((first, q) => (q.createdDay < first ? q.createdDay : first), strengthEnd);
  const strengthDays: DayKey[] = [];
  for (let day = firstDay; day <= strengthEnd; day = addDays(day, 1)) strengthDays.push(day);
  const strengthAt = new Map<string, number>();
  const questFacts: QuestFacts[] = quests
    .filter((q) => q.createdDay <= lastShown && (q.archivedDay === null || q.archivedDay > input.monday))
    .map((quest) => {
      const bad = quest.kind === "HABIT" && !quest.positive;
      let count = 0;
      let due = 0;
      let done = 0;
      for (const d of days) {
        count += completionsOn(quest, d.day, input.tally, isSettled(d.day));
        const judged = d.outcome === "REST" ? null : judgeDaily(quest, d.day, input.tally, isSettled(d.day));
        if (judged && (judged.done || isSettled(d.day))) {
          due += 1;
          done += judged.done ? 1 : 0;
        }
      }
      const usual = median(input.checkIns.filter((c) => c.questId === quest.id));
      let strength: number | null = null;
      let strengthChange: number | null = null;
      if ((quest.kind === "DAILY" || quest.kind === "HABIT") && strengthEnd >= quest.createdDay) {
        const series = strengthOn(quest, strengthDays, input.tally, input.frozenDays, [strengthStart, strengthEnd]);
        const end = series.get(strengthEnd) ?? 0;
        const start = series.get(strengthStart) ?? 0;
        strength = percent(end);
        strengthChange = percent(end) - percent(start);
        strengthAt.set(quest.id, end);
      }
      return {
        title: quest.title,
        kind: quest.kind as QuestFacts["kind"],
        completions: bad ? 0 : count,
        slips: bad ? count : 0,
        due: quest.kind === "DAILY" ? due : null,
        done: quest.kind === "DAILY" ? done : null,
        usualHour: usual === null ? null : wallClockHour(usual, input.dayStartMinute),
        strength,
        strengthChange,
      };
    });

  const statQuests = quests
    .filter((q) => (q.kind === "DAILY" || q.kind === "HABIT") && q.archivedDay === null)
    .map((q) => ({ stats: q.stats, strength: strengthAt.get(q.id) ?? 0 }));
  const stats = playerStats(input.player, statQuests);
  const weakest = STATS.reduce((low, stat) => (stats[stat] < stats[low] ? stat : low), STATS[0]);
  const settled = input.settlements;
  const count = (outcome: DayOutcomeName) => settled.filter((s) => s.outcome === outcome).length;
  const lastSettlement = [...settled].sort((a, b) => a.day.localeCompare(b.day)).at(-1);

  return {
    week: input.week,
    from: input.monday,
    to: sunday,
    complete: sunday < input.today,
    totals: {
      completions: questFacts.reduce((sum, q) => sum + q.completions, 0),
      slips: questFacts.reduce((sum, q) => sum + q.slips, 0),
      xp: input.ledger.xp,
      gold: input.ledger.gold,
    },
    days,
    bestDay: summary(best),
    worstDay: best && worst && rate(worst) < rate(best) ? summary(worst) : null,
    quests: questFacts,
    streak: {
      atEnd: lastSettlement?.streakAfter ?? null,
      cleared: count("CLEARED"),
      failed: count("FAILED"),
      shielded: count("SHIELDED"),
      rested: count("REST"),
    },
    weakestStat: { stat: weakest, value: stats[weakest] },
    penaltyZone: {
      visits: input.penalties.length,
      cleared: input.penalties.filter((p) => p.status === "CLEARED").length,
      failed: input.penalties.filter((p) => p.status === "FAILED").length,
    },
  };
}
