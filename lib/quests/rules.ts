/**
 * Quest rules (SPEC §3, §5, §6): field limits, when a DAILY is due, habit strength and quest streaks.
 */
import type { Schedule } from "@/lib/quests/schemas";
import { daysBetween, weekday } from "@/lib/time/rules";
import type { DayKey } from "@/lib/time/rules";

export type { Schedule };

export const QUEST_KINDS = ["DAILY", "HABIT", "ONE_TIME", "PENALTY"] as const;
export type QuestKind = (typeof QUEST_KINDS)[number];

export const QUEST_LIMITS = {
  titleMaxLength: 100,
  notesMaxLength: 1_000,
  timesPerDay: { min: 1, max: 20, default: 1 },
  statsPerQuest: { min: 1, max: 2 },
} as const;

/**
 * Whether a check-in earns XP: DAILY and ONE_TIME quests award at most timesPerDay times a day (later ones are
 * recorded for history only); HABIT taps always count; a PENALTY quest pays out through the held awards instead.
 */
export function isAwardedCheckIn(kind: QuestKind, timesPerDay: number, earlierCheckInsToday: number): boolean {
  if (kind === "HABIT") return true;
  if (kind === "PENALTY") return false;
  return earlierCheckInsToday < timesPerDay;
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

/** Scheduled occurrences per day, `f` in the strength formula (SPEC §6). */
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

/**
 * Habit strength after one more day (Loop-style exponential smoothing, SPEC §5).
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

/**
 * Quest streak (SPEC §6): consecutive completed occurrences counted back from the latest judged one.
 * `days` are consecutive settled days, oldest first; include today only once it counts (an open day would read
 * as a miss).
 */
export function questStreak(schedule: Schedule, days: readonly QuestDay[], timesPerDay: number): number {
  assertConsecutive(days);
  const judged = judgedOccurrences(schedule, days, timesPerDay);
  const lastMiss = judged.lastIndexOf(false);
  return judged.length - 1 - lastMiss;
}
