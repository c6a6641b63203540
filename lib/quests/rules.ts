/**
 * Quest rules (docs/rules.md "Quests", "Stats", "Streaks, shields, the Penalty Zone"): field limits, when a DAILY is due, habit strength and quest streaks.
 */
import { type Difficulty, type Stat } from "@/lib/progression/rules";
import {
  checklistSchema,
  scheduleSchema,
  strengthStateSchema,
  type CreateQuestInput,
  type Schedule,
  type UpdateQuestInput,
} from "@/lib/quests/schemas";
import { addDays, daysBetween, localDay, weekday, weekStart, type DayClock } from "@/lib/time/rules";
import type { DayKey } from "@/lib/time/rules";

export type { Schedule };

export const QUEST_KINDS = ["DAILY", "HABIT", "ONE_TIME", "PENALTY"] as const;
export type QuestKind = (typeof QUEST_KINDS)[number];

/** Positive HABIT taps award XP this many times per quest per day; later taps are recorded with 0 XP. */
export const HABIT_AWARDED_TAPS_PER_DAY = 10;

export type Target = { value: number; direction: "AT_LEAST" | "AT_MOST" };

/** What the rules need to know of a quest to judge its check-ins. */
export type QuestShape = {
  kind: QuestKind;
  timesPerDay: number;
  positive: boolean;
  schedule: Schedule | null;
  target: Target | null;
};

/** The rules' view of a stored quest; its JSON schedule is parsed here, at the edge, never cast. */
export function questShape(quest: {
  kind: QuestKind;
  timesPerDay: number;
  positive: boolean;
  schedule: unknown;
  targetValue: number | null;
  targetDirection: Target["direction"] | null;
}): QuestShape {
  return {
    kind: quest.kind,
    timesPerDay: quest.timesPerDay,
    positive: quest.positive,
    schedule: parseSchedule(quest.schedule),
    target:
      quest.targetValue === null ? null : { value: quest.targetValue, direction: quest.targetDirection ?? "AT_LEAST" },
  };
}

/** A stored schedule column (JSON), validated: null for quests without one. */
export function parseSchedule(stored: unknown): Schedule | null {
  return stored === null || stored === undefined ? null : scheduleSchema.parse(stored);
}

/** A quest counts on the days from its creation up to (not including) the local day it was archived. */
export type QuestDto = {
  id: string;
  kind: QuestKind;
  title: string;
  notes: string;
  difficulty: Difficulty;
  stats: Stat[];
  schedule: Schedule | null;
  timesPerDay: number;
  target: { value: number; unit: string; direction: "AT_LEAST" | "AT_MOST" } | null;
  /** Local "HH:MM" times the quest reminds at, earliest first (docs/rules.md "Reminders"). */
  reminderTimes: string[];
  /** The first of reminderTimes, for clients that know one reminder only. */
  reminderTime: string | null;
  positive: boolean;
  dueDay: string | null;
  checklist: { text: string; done: boolean }[] | null;
  strength: number;
  /** ONE_TIME: when it was done; null while open. */
  completedAt: string | null;
  createdDay: string;
  archived: boolean;
  createdAt: string;
};

/** A quest row as stored: its JSON columns still unparsed. */
export type StoredQuest = {
  id: string;
  kind: QuestKind;
  title: string;
  notes: string;
  difficulty: Difficulty;
  stats: Stat[];
  schedule: unknown;
  timesPerDay: number;
  targetValue: number | null;
  targetUnit: string | null;
  targetDirection: Target["direction"] | null;
  reminderTimes: string[];
  positive: boolean;
  dueDay: string | null;
  checklist: unknown;
  strength: number;
  completedAt: Date | null;
  createdDay: string;
  archivedAt: Date | null;
  createdAt: Date;
};

/** A quest as the API shows it; the JSON columns are parsed with their schemas here, at the edge. */
export function toQuestDto(quest: StoredQuest): QuestDto {
  return {
    id: quest.id,
    kind: quest.kind,
    title: quest.title,
    notes: quest.notes,
    difficulty: quest.difficulty,
    stats: quest.stats,
    schedule: parseSchedule(quest.schedule),
    timesPerDay: quest.timesPerDay,
    target:
      quest.targetValue !== null && quest.targetUnit !== null
        ? { value: quest.targetValue, unit: quest.targetUnit, direction: quest.targetDirection ?? "AT_LEAST" }
        : null,
    reminderTimes: quest.reminderTimes,
    reminderTime: quest.reminderTimes[0] ?? null,
    positive: quest.positive,
    dueDay: quest.dueDay,
    checklist: quest.checklist === null ? null : checklistSchema.parse(quest.checklist),
    strength: quest.strength,
    completedAt: quest.completedAt?.toISOString() ?? null,
    createdDay: quest.createdDay,
    archived: quest.archivedAt !== null,
    createdAt: quest.createdAt.toISOString(),
  };
}

export function isActiveOn(
  quest: { createdDay: DayKey; archivedAt: Date | null },
  day: DayKey,
  clock: DayClock,
): boolean {
  return quest.createdDay <= day && (quest.archivedAt === null || localDay(quest.archivedAt, clock) > day);
}

/** A quest's counted (not undone) check-ins on one day: how many, and the sum of their values. */
export type DayTally = { count: number; total: number };

export const EMPTY_TALLY: DayTally = { count: 0, total: 0 };

/** Counted check-ins per (quest, day), keyed by tallyKey (lib/quests/tallies.ts loads them). */
export type Tallies = Map<string, DayTally>;

export const tallyKey = (questId: string, day: DayKey) => `${questId}|${day}`;

export const tallyOf = (tallies: Tallies, questId: string, day: DayKey): DayTally =>
  tallies.get(tallyKey(questId, day)) ?? EMPTY_TALLY;

export function addToTally(tally: DayTally, value: number | null): DayTally {
  return { count: tally.count + 1, total: tally.total + (value ?? 0) };
}

/**
 * Whether a day's check-ins complete the quest: an at-least target when the day's total reaches it, an at-most
 * target while the total stays within it (judged when the day is settled), otherwise timesPerDay check-ins.
 */
export function isCompleteWith(quest: Pick<QuestShape, "timesPerDay" | "target">, tally: DayTally): boolean {
  if (quest.target?.direction === "AT_LEAST") return tally.total >= quest.target.value;
  if (quest.target?.direction === "AT_MOST") return tally.total <= quest.target.value;
  return tally.count >= quest.timesPerDay;
}

/** Whether adding this check-in makes the quest complete for its day (an at-most target never is, live). */
export function completesQuest(quest: QuestShape, before: DayTally, value: number | null): boolean {
  if (quest.kind !== "DAILY" && quest.kind !== "ONE_TIME") return false;
  if (quest.target?.direction === "AT_MOST") return false;
  return !isCompleteWith(quest, before) && isCompleteWith(quest, addToTally(before, value));
}

/** Whether a DAILY is expected on `day`: due on its schedule, or every day of the week for a weekly quota. */
export function isScheduledOn(schedule: Schedule | null, day: DayKey): boolean {
  return schedule !== null && (schedule.type === "TIMES_PER_WEEK" || isDueOn(schedule, day));
}

/**
 * What one more check-in earns (docs/rules.md "XP, gold, levels, ranks"): a bad habit costs XP; a positive habit awards for its
 * first HABIT_AWARDED_TAPS_PER_DAY taps a day; a DAILY or ONE_TIME quest awards up to timesPerDay times a day,
 * or once when its total reaches an at-least target; an at-most target awards at settlement, not at a tap. A
 * DAILY checked in on a day it is not due earns extra credit once that day. A PENALTY quest pays through the held
 * awards instead.
 */
export function checkInAward(
  quest: QuestShape,
  before: DayTally,
  value: number | null,
  day: DayKey,
): "AWARD" | "BAD_HABIT" | "NONE" {
  switch (quest.kind) {
    case "PENALTY":
      return "NONE";
    case "HABIT":
      if (!quest.positive) return "BAD_HABIT";
      return before.count < HABIT_AWARDED_TAPS_PER_DAY ? "AWARD" : "NONE";
    case "ONE_TIME":
      return before.count < quest.timesPerDay ? "AWARD" : "NONE";
    case "DAILY":
      if (quest.target?.direction === "AT_MOST") return "NONE";
      if (!isScheduledOn(quest.schedule, day) && !quest.target) return before.count === 0 ? "AWARD" : "NONE";
      return completesQuest(quest, before, value) || (!quest.target && before.count < quest.timesPerDay)
        ? "AWARD"
        : "NONE";
  }
}

/** Whether a DAILY expects check-ins on `day`. A TIMES_PER_WEEK quota is never due on a day: it is judged per week. */
export function isDueOn(schedule: Schedule, day: DayKey): boolean {
  switch (schedule.type) {
    case "EVERY_DAY":
      return true;
    case "WEEKDAYS":
      return schedule.days.includes(weekday(day));
    case "EVERY_N_DAYS": {
      const since = daysBetween(schedule.anchor, day);
      return since >= 0 && since % schedule.n === 0;
    }
    case "TIMES_PER_WEEK":
      return false;
  }
}

const EVERY_DAY: Schedule = { type: "EVERY_DAY" };

/** The first day a quest's strength counts: its imported history's first day, else the day it was created. */
export function historyStart(quest: { createdDay: DayKey; historyFrom: DayKey | null }): DayKey {
  return quest.historyFrom !== null && quest.historyFrom < quest.createdDay ? quest.historyFrom : quest.createdDay;
}

/** The schedule a quest's strength is scored on: a habit's is every day. */
export function strengthSchedule(quest: Pick<QuestShape, "schedule">): Schedule {
  return quest.schedule ?? EVERY_DAY;
}

/**
 * What one day adds to a quest's strength (docs/rules.md "Stats"): a DAILY's check-ins, or for a target the share
 * of it reached (an at-most target counts when held on a due day); a positive habit scores a day with a tap, a
 * bad habit a day without one.
 */
export function strengthCompletions(quest: QuestShape, tally: DayTally, day: DayKey): number {
  // A day fully done counts timesPerDay, the `required` of a one-day window.
  const full = quest.timesPerDay;
  if (quest.kind === "HABIT") return (quest.positive ? tally.count > 0 : tally.count === 0) ? full : 0;
  if (quest.target?.direction === "AT_LEAST") return Math.min(1, tally.total / quest.target.value) * full;
  if (quest.target?.direction === "AT_MOST") {
    return isScheduledOn(quest.schedule, day) && tally.total <= quest.target.value ? full : 0;
  }
  return tally.count;
}

/**
 * Completions toward a weekly quota from the Monday of `day`'s week through `day`: check-ins, or for a quest with a
 * target the days it was reached, each worth `timesPerDay`.
 */
export function weekCompletions(
  quest: Pick<QuestShape, "timesPerDay" | "target">,
  day: DayKey,
  tallyOn: (day: DayKey) => DayTally,
): number {
  let done = 0;
  for (let d = weekStart(day); d <= day; d = addDays(d, 1)) {
    const tally = tallyOn(d);
    done += quest.target ? (tally.count > 0 && isCompleteWith(quest, tally) ? quest.timesPerDay : 0) : tally.count;
  }
  return done;
}

/** Scheduled occurrences per day, `f` in the strength formula (docs/rules.md "Streaks, shields, the Penalty Zone"). */
export function frequency(schedule: Schedule): number {
  switch (schedule.type) {
    case "EVERY_DAY":
      return 1;
    case "WEEKDAYS":
      return schedule.days.length / 7;
    case "EVERY_N_DAYS":
      return 1 / schedule.n;
    case "TIMES_PER_WEEK":
      return schedule.n / 7;
  }
}

/** m = 0.5^(sqrt(f)/13): a daily habit's score halves its distance to the target every 13 days, as in Loop. */
export function strengthMultiplier(f: number): number {
  return 0.5 ** (Math.sqrt(f) / 13);
}

/** The window (in scored days) whose check-ins are measured against `required` each day. */
function strengthWindow(schedule: Schedule, timesPerDay: number): { days: number; required: number } {
  switch (schedule.type) {
    case "EVERY_DAY":
      return { days: 1, required: timesPerDay };
    case "WEEKDAYS":
      return { days: 7, required: schedule.days.length * timesPerDay };
    case "EVERY_N_DAYS":
      return { days: schedule.n, required: timesPerDay };
    case "TIMES_PER_WEEK":
      return { days: 7, required: schedule.n * timesPerDay };
  }
}

/** One day of a quest's history. `frozen`: a shielded or rest day. */
export type QuestDay = { day: DayKey; completions: number; frozen: boolean };

function assertConsecutive(days: readonly QuestDay[]): void {
  days.forEach((entry, i) => {
    const previous = days[i - 1];
    if (previous && daysBetween(previous.day, entry.day) !== 1) {
      throw new RangeError(`Quest days must be consecutive: ${previous.day} then ${entry.day}`);
    }
  });
}

/** What habit strength carries from one day to the next: the score and the check-ins still inside the window. */
export type StrengthState = { score: number; slots: number[]; carried: number };

export const INITIAL_STRENGTH: StrengthState = { score: 0, slots: [], carried: 0 };

/** A stored strength state (JSON), or the initial one when there is none yet. */
export function parseStrengthState(stored: unknown): StrengthState {
  return stored === null || stored === undefined ? INITIAL_STRENGTH : strengthStateSchema.parse(stored);
}

/**
 * Habit strength after one more day (Loop-style exponential smoothing, docs/rules.md "Stats").
 * A frozen day leaves the score as it was and takes no slot in the window, so a rest week does not drag the
 * following week down; check-ins made on a frozen day still count, carried into the next scored day.
 */
export function advanceStrength(
  schedule: Schedule,
  timesPerDay: number,
  state: StrengthState,
  day: Pick<QuestDay, "completions" | "frozen">,
): StrengthState {
  if (day.frozen) return { ...state, carried: state.carried + day.completions };
  const window = strengthWindow(schedule, timesPerDay);
  const slots = [...state.slots, day.completions + state.carried].slice(-window.days);
  const inWindow = slots.reduce((sum, slot) => sum + slot, 0);
  const m = strengthMultiplier(frequency(schedule));
  return { score: state.score * m + Math.min(1, inWindow / window.required) * (1 - m), slots, carried: 0 };
}

/** Habit strength after each of the given consecutive days, oldest first, starting from `initial`. */
export function strengthSeries(
  schedule: Schedule,
  days: readonly QuestDay[],
  timesPerDay: number,
  initial = 0,
): number[] {
  assertConsecutive(days);
  let state: StrengthState = { ...INITIAL_STRENGTH, score: initial };
  return days.map((day) => {
    state = advanceStrength(schedule, timesPerDay, state, day);
    return state.score;
  });
}

/**
 * Judged occurrences oldest first (true = completed). Per-day schedules: each due day, complete after timesPerDay
 * check-ins. TIMES_PER_WEEK: each week whose Sunday is in `days`, complete when its check-ins reach n × timesPerDay.
 * A frozen occurrence counts when completed and is skipped when not: freezing protects, it never hurts.
 */
function judgedOccurrences(schedule: Schedule, days: readonly QuestDay[], timesPerDay: number): boolean[] {
  const judged: boolean[] = [];
  let weekTotal = 0;
  for (const { day, completions, frozen } of days) {
    if (schedule.type === "TIMES_PER_WEEK") {
      if (weekday(day) === 1) weekTotal = 0;
      weekTotal += completions;
      if (weekday(day) !== 7) continue;
      const met = weekTotal >= schedule.n * timesPerDay;
      if (met || !frozen) judged.push(met);
    } else if (isDueOn(schedule, day)) {
      const met = completions >= timesPerDay;
      if (met || !frozen) judged.push(met);
    }
  }
  return judged;
}

/** The lengths of every run of consecutive completed occurrences, oldest first (best streaks on the stats screen). */
export function questStreakRuns(schedule: Schedule, days: readonly QuestDay[], timesPerDay: number): number[] {
  assertConsecutive(days);
  const runs: number[] = [];
  let run = 0;
  for (const met of judgedOccurrences(schedule, days, timesPerDay)) {
    if (met) run += 1;
    else if (run > 0) [runs[runs.length], run] = [run, 0];
  }
  if (run > 0) runs.push(run);
  return runs;
}

/**
 * Quest streak (docs/rules.md "Streaks, shields, the Penalty Zone"): consecutive completed occurrences counted back from the latest judged one.
 * `days` are consecutive settled days, oldest first; include today only once it counts (an open day would read
 * as a miss).
 */
export function questStreak(schedule: Schedule, days: readonly QuestDay[], timesPerDay: number): number {
  assertConsecutive(days);
  const judged = judgedOccurrences(schedule, days, timesPerDay);
  const lastMiss = judged.lastIndexOf(false);
  return judged.length - 1 - lastMiss;
}

/** A target's three columns; undefined (an update that leaves it) sets none, null clears them. */
export function targetColumns(target: CreateQuestInput["target"] | undefined) {
  if (target === undefined) return {};
  return {
    targetValue: target?.value ?? null,
    targetUnit: target?.unit ?? null,
    targetDirection: target?.direction ?? null,
  };
}

/** The reminder times an input sets, earliest first (reminderTime is the one-time form); undefined: unchanged. */
export function reminderTimesOf(input: Pick<UpdateQuestInput, "reminderTimes" | "reminderTime">): string[] | undefined {
  if (input.reminderTimes !== undefined) return [...input.reminderTimes].sort();
  if (input.reminderTime !== undefined) return input.reminderTime === null ? [] : [input.reminderTime];
  return undefined;
}

/** The columns a new quest's input sets, the same for the quest editor, the API and imports. */
export function questColumns(input: CreateQuestInput) {
  const { target, schedule, checklist, reminderTime, reminderTimes, ...fields } = input;
  return {
    ...fields,
    ...targetColumns(target),
    reminderTimes: reminderTimesOf({ reminderTime, reminderTimes }) ?? [],
    // A DAILY without a schedule is due every day.
    schedule: input.kind === "DAILY" ? (schedule ?? { type: "EVERY_DAY" as const }) : undefined,
    checklist: checklist ?? undefined,
  };
}
