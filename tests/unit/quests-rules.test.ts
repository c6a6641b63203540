import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QuestDay, Schedule, StrengthState } from "@/lib/quests/rules";
import {
  advanceStrength,
  INITIAL_STRENGTH,
  frequency,
  checkInAward,
  completesQuest,
  HABIT_AWARDED_TAPS_PER_DAY,
  isCompleteWith,
  strengthCompletions,
  type QuestKind,
  type QuestShape,
  isDueOn,
  questStreak,
  strengthMultiplier,
  strengthSeries,
  isActiveOn,
  parseSchedule,
} from "@/lib/quests/rules";
import { addDays, localDay } from "@/lib/time/rules";

const MONDAY = "2026-11-23";
const EVERY_DAY: Schedule = { type: "EVERY_DAY" };

/** Consecutive days from `start`, one entry per completion count; "F" marks a frozen day with no check-in. */
function history(completions: ReadonlyArray<number | "F">, start = MONDAY): QuestDay[] {
  return completions.map((count, i) => ({
    day: addDays(start, i),
    completions: count === "F" ? 0 : count,
    frozen: count === "F",
  }));
}

describe("isDueOn", () => {
  it.each([
    [EVERY_DAY, "2026-11-26", true],
    [{ type: "WEEKDAYS", days: [1, 3, 5] }, "2026-11-23", true],
    [{ type: "WEEKDAYS", days: [1, 3, 5] }, "2026-11-24", false],
    [{ type: "WEEKDAYS", days: [7] }, "2026-11-29", true],
    [{ type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-20" }, "2026-11-20", true],
    [{ type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-20" }, "2026-11-23", true],
    [{ type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-20" }, "2026-11-24", false],
    [{ type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-20" }, "2026-11-17", false], // before the anchor
    [{ type: "TIMES_PER_WEEK", n: 3 }, "2026-11-29", false],
  ] as Array<[Schedule, string, boolean]>)("%j on %s: %s", (schedule, day, due) => {
    expect(isDueOn(schedule, day)).toBe(due);
  });
});

describe("frequency and multiplier", () => {
  it.each([
    [EVERY_DAY, 1],
    [{ type: "WEEKDAYS", days: [1, 2, 3, 4, 5] }, 5 / 7],
    [{ type: "EVERY_N_DAYS", n: 4, anchor: MONDAY }, 1 / 4],
    [{ type: "TIMES_PER_WEEK", n: 3 }, 3 / 7],
  ] as Array<[Schedule, number]>)("%j has f = %d", (schedule, f) => {
    expect(frequency(schedule)).toBeCloseTo(f, 12);
  });

  it("matches Loop's multipliers", () => {
    expect(strengthMultiplier(1)).toBeCloseTo(0.948078, 6);
    expect(strengthMultiplier(3 / 7)).toBeCloseTo(0.965697, 6);
  });
});

describe("strengthSeries", () => {
  it("reproduces Loop Habit Tracker's reference values for a daily habit", () => {
    const scores = strengthSeries(EVERY_DAY, history(Array(31).fill(1)), 1);
    expect(Math.abs((scores[0] ?? 0) - 0.051922)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs((scores[12] ?? 0) - 0.5)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs((scores[19] ?? 0) - 0.655747)).toBeLessThanOrEqual(1e-6);
    expect(scores[30]).toBeCloseTo(0.8, 1);
  });

  it("one miss from 1.0 costs about 0.05, and a frozen day costs nothing", () => {
    const [missed] = strengthSeries(EVERY_DAY, history([0]), 1, 1);
    expect(1 - (missed ?? 0)).toBeCloseTo(0.05, 2);
    expect(strengthSeries(EVERY_DAY, history(["F", "F"]), 1, 0.7)).toEqual([0.7, 0.7]);
  });

  it("needs timesPerDay check-ins for a full day", () => {
    const [half] = strengthSeries(EVERY_DAY, history([1]), 2);
    const [full] = strengthSeries(EVERY_DAY, history([3]), 2);
    expect(half).toBeCloseTo((1 - strengthMultiplier(1)) / 2, 12);
    expect(full).toBeCloseTo(1 - strengthMultiplier(1), 12);
  });

  it("scores 3-times-a-week over a 7-day window with f = 3/7", () => {
    const m = strengthMultiplier(3 / 7);
    const scores = strengthSeries({ type: "TIMES_PER_WEEK", n: 3 }, history([1, 0, 1, 0, 1, 0, 0, 0]), 1);
    // Window sums: 1, 1, 2, 2, 3, 3, 3, then Monday drops out → 2.
    const expected: number[] = [];
    let score = 0;
    for (const sum of [1, 1, 2, 2, 3, 3, 3, 2]) expected.push((score = score * m + (sum / 3) * (1 - m)));
    scores.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it("an every-3-days habit done on its days stays on target", () => {
    const scores = strengthSeries({ type: "EVERY_N_DAYS", n: 3, anchor: MONDAY }, history([1, 0, 0, 1, 0, 0]), 1);
    const m = strengthMultiplier(1 / 3);
    expect(scores.at(-1)).toBeCloseTo(1 - m ** 6, 12);
  });

  it("a rest week neither lowers the score nor empties the window after it", () => {
    const weekdays: Schedule = { type: "WEEKDAYS", days: [1, 3, 5] };
    const before = history([1, 0, 1, 0, 1, 0, 0]);
    const rest = history(Array(7).fill("F"), addDays(MONDAY, 7));
    const withRest = strengthSeries(weekdays, [...before, ...rest, ...history([0], addDays(MONDAY, 14))], 1);
    const withoutRest = strengthSeries(weekdays, [...before, ...history([0], addDays(MONDAY, 7))], 1);
    expect(withRest.slice(7, 14)).toEqual(Array(7).fill(withRest[6]));
    expect(withRest.at(-1)).toBeCloseTo(withoutRest.at(-1) ?? Number.NaN, 12);
  });

  it("counts check-ins made on a frozen day toward the next scored day", () => {
    const weekly: Schedule = { type: "TIMES_PER_WEEK", n: 2 };
    const frozenCheckIn: QuestDay[] = [{ day: MONDAY, completions: 1, frozen: true }, ...history([1], "2026-11-24")];
    const [, afterFrozen] = strengthSeries(weekly, frozenCheckIn, 1);
    const [full] = strengthSeries(weekly, history([2], "2026-11-24"), 1);
    expect(afterFrozen).toBe(full);
  });

  it("rejects gaps in the days", () => {
    const gappy = [...history([1]), ...history([1], addDays(MONDAY, 2))];
    expect(() => strengthSeries(EVERY_DAY, gappy, 1)).toThrow(RangeError);
  });

  const schedules = fc.oneof(
    fc.constant<Schedule>(EVERY_DAY),
    fc.integer({ min: 1, max: 6 }).map((n): Schedule => ({ type: "TIMES_PER_WEEK", n })),
    fc.integer({ min: 2, max: 30 }).map((n): Schedule => ({ type: "EVERY_N_DAYS", n, anchor: MONDAY })),
    fc
      .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 })
      .map((days): Schedule => ({ type: "WEEKDAYS", days })),
  );
  const days = fc.array(fc.oneof(fc.nat(3), fc.constant("F" as const)), { maxLength: 120 });

  it("stays within [0, 1] and a frozen day never changes it", () => {
    fc.assert(
      fc.property(
        schedules,
        days,
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, d, t, start) => {
          const scores = strengthSeries(s, history(d), t, start);
          return scores.every((score, i) => {
            const previous = i === 0 ? start : (scores[i - 1] ?? Number.NaN);
            return score >= 0 && score <= 1 && (d[i] !== "F" || score === previous);
          });
        },
      ),
    );
  });

  it("more check-ins never give a lower score", () => {
    fc.assert(
      fc.property(schedules, days, fc.nat(119), (s, d, at) => {
        const more = d.map((count, i) => (i === at && count !== "F" ? count + 1 : count));
        const base = strengthSeries(s, history(d), 1);
        return strengthSeries(s, history(more), 1).every((score, i) => score >= (base[i] ?? 0) - 1e-12);
      }),
    );
  });
});

describe("questStreak", () => {
  it.each([
    ["every day, all done", EVERY_DAY, [1, 1, 1, 1], 4],
    ["every day, a miss three days ago", EVERY_DAY, [1, 0, 1, 1], 2],
    ["every day, the latest missed", EVERY_DAY, [1, 1, 1, 0], 0],
    ["a frozen miss is skipped", EVERY_DAY, [1, "F", 1], 2],
    ["Mon/Wed/Fri, off days don't matter", { type: "WEEKDAYS", days: [1, 3, 5] }, [1, 0, 1, 0, 1, 0, 0], 3],
    ["Mon/Wed/Fri, Wednesday missed", { type: "WEEKDAYS", days: [1, 3, 5] }, [1, 0, 0, 0, 1], 1],
    ["every 2 days from Monday", { type: "EVERY_N_DAYS", n: 2, anchor: MONDAY }, [1, 0, 1, 0, 1], 3],
    ["2 per week, two weeks met", { type: "TIMES_PER_WEEK", n: 2 }, [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0], 2],
    ["2 per week, last week short", { type: "TIMES_PER_WEEK", n: 2 }, [2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], 0],
    ["2 per week, week in progress not judged", { type: "TIMES_PER_WEEK", n: 2 }, [2, 0, 0, 0, 0, 0, 0, 0, 0], 1],
    [
      "2 per week, frozen Sunday skips the short week",
      { type: "TIMES_PER_WEEK", n: 2 },
      [2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, "F"],
      1,
    ],
  ] as Array<[string, Schedule, Array<number | "F">, number]>)("%s → %i", (_, schedule, counts, expected) => {
    expect(questStreak(schedule, history(counts), 1)).toBe(expected);
  });

  it("counts a completed frozen day and needs timesPerDay check-ins", () => {
    const doneWhileResting: QuestDay[] = [{ day: MONDAY, completions: 2, frozen: true }];
    expect(questStreak(EVERY_DAY, doneWhileResting, 2)).toBe(1);
    expect(questStreak(EVERY_DAY, history([2, 1]), 2)).toBe(0);
  });
});

describe("checkInAward", () => {
  const shape = (kind: QuestKind, timesPerDay: number, extra: Partial<QuestShape> = {}): QuestShape => ({
    kind,
    timesPerDay,
    positive: true,
    schedule: kind === "DAILY" ? { type: "EVERY_DAY" } : null,
    target: null,
    ...extra,
  });
  const tally = (count: number, total = 0) => ({ count, total });

  it.each([
    ["DAILY", 1, 0, "AWARD"],
    ["DAILY", 1, 1, "NONE"],
    ["DAILY", 3, 2, "AWARD"],
    ["ONE_TIME", 1, 1, "NONE"],
    ["HABIT", 1, HABIT_AWARDED_TAPS_PER_DAY - 1, "AWARD"],
    // A positive habit pays for a bounded number of taps a day; later taps are recorded with 0 XP.
    ["HABIT", 1, HABIT_AWARDED_TAPS_PER_DAY, "NONE"],
    ["PENALTY", 1, 0, "NONE"],
  ] as const)("%s with timesPerDay %i after %i check-ins today: %s", (kind, times, earlier, verdict) => {
    expect(checkInAward(shape(kind, times), tally(earlier), null, MONDAY)).toBe(verdict);
  });

  it("costs XP for a bad habit, however often", () => {
    expect(checkInAward(shape("HABIT", 1, { positive: false }), tally(50), null, MONDAY)).toBe("BAD_HABIT");
  });

  it("awards an at-least target once, at the entry that reaches it", () => {
    const steps = shape("DAILY", 1, { target: { value: 10_000, direction: "AT_LEAST" } });
    expect(checkInAward(steps, tally(0), 3_000, MONDAY)).toBe("NONE");
    expect(checkInAward(steps, tally(1, 3_000), 4_500, MONDAY)).toBe("NONE");
    expect(checkInAward(steps, tally(2, 7_500), 2_500, MONDAY)).toBe("AWARD");
    expect(checkInAward(steps, tally(3, 10_000), 1_000, MONDAY)).toBe("NONE");
  });

  it("never awards an at-most target at a tap: it is judged at settlement", () => {
    const coffees = shape("DAILY", 1, { target: { value: 2, direction: "AT_MOST" } });
    expect(checkInAward(coffees, tally(0), 1, MONDAY)).toBe("NONE");
  });

  it("pays a daily checked in on a day it is not due extra credit once", () => {
    const mondays = shape("DAILY", 2, { schedule: { type: "WEEKDAYS", days: [1] } });
    const tuesday = addDays(MONDAY, 1);
    expect(checkInAward(mondays, tally(0), null, tuesday)).toBe("AWARD");
    expect(checkInAward(mondays, tally(1), null, tuesday)).toBe("NONE");
    expect(checkInAward(mondays, tally(1), null, MONDAY)).toBe("AWARD");
  });

  it("treats every day of the week as open for a weekly quota", () => {
    const thrice = shape("DAILY", 1, { schedule: { type: "TIMES_PER_WEEK", n: 3 } });
    expect(checkInAward(thrice, tally(0), null, MONDAY)).toBe("AWARD");
    expect(checkInAward(thrice, tally(1), null, MONDAY)).toBe("NONE");
  });
});

describe("completesQuest and isCompleteWith", () => {
  const steps: QuestShape = {
    kind: "DAILY",
    timesPerDay: 1,
    positive: true,
    schedule: { type: "EVERY_DAY" },
    target: { value: 10_000, direction: "AT_LEAST" },
  };

  it("is not complete at 3,000 of 10,000 steps, and is at 10,000", () => {
    expect(isCompleteWith(steps, { count: 1, total: 3_000 })).toBe(false);
    expect(completesQuest(steps, { count: 1, total: 3_000 }, 7_000)).toBe(true);
    expect(completesQuest(steps, { count: 2, total: 10_000 }, 1)).toBe(false);
  });

  it("holds an at-most target while the total stays within it", () => {
    const limit = { timesPerDay: 1, target: { value: 2, direction: "AT_MOST" as const } };
    expect(isCompleteWith(limit, { count: 0, total: 0 })).toBe(true);
    expect(isCompleteWith(limit, { count: 3, total: 3 })).toBe(false);
  });
});

describe("strengthCompletions", () => {
  const habit = (positive: boolean): QuestShape => ({
    kind: "HABIT",
    timesPerDay: 1,
    positive,
    schedule: null,
    target: null,
  });

  it("scores a day with a tap for a good habit and a day without one for a bad habit", () => {
    expect(strengthCompletions(habit(true), { count: 3, total: 0 }, MONDAY)).toBe(1);
    expect(strengthCompletions(habit(true), { count: 0, total: 0 }, MONDAY)).toBe(0);
    expect(strengthCompletions(habit(false), { count: 0, total: 0 }, MONDAY)).toBe(1);
    expect(strengthCompletions(habit(false), { count: 1, total: 0 }, MONDAY)).toBe(0);
  });

  it("gives a target the share of it reached", () => {
    const steps: QuestShape = { ...habit(true), kind: "DAILY", schedule: { type: "EVERY_DAY" } };
    const target = { value: 10_000, direction: "AT_LEAST" as const };
    expect(strengthCompletions({ ...steps, target }, { count: 1, total: 7_500 }, MONDAY)).toBe(0.75);
    expect(strengthCompletions({ ...steps, target }, { count: 2, total: 12_000 }, MONDAY)).toBe(1);
  });
});

describe("advanceStrength", () => {
  it("resumes from a persisted (JSON round-tripped) state exactly where a full series would be", () => {
    const schedule = { type: "TIMES_PER_WEEK", n: 3 } as const;
    const days = Array.from({ length: 30 }, (_, i) => ({
      day: addDays("2026-03-02", i),
      completions: i % 3 === 0 ? 1 : 0,
      frozen: i === 10 || i === 11,
    }));
    let state = INITIAL_STRENGTH;
    const stepped = days.map((day) => {
      state = JSON.parse(JSON.stringify(advanceStrength(schedule, 1, state, day))) as StrengthState;
      return state.score;
    });
    expect(stepped).toEqual(strengthSeries(schedule, days, 1));
  });
});

describe("stored quest columns", () => {
  it("parses a stored schedule and refuses a corrupt one rather than casting it", () => {
    expect(parseSchedule(null)).toBeNull();
    expect(parseSchedule({ type: "WEEKDAYS", days: [1, 3] })).toEqual({ type: "WEEKDAYS", days: [1, 3] });
    expect(() => parseSchedule({ type: "WEEKDAYS", days: [9] })).toThrow();
  });
});

describe("isActiveOn", () => {
  const clock = { timeZone: "America/New_York", dayStartMinute: 180 };

  it("counts a quest from its creation up to the local day it was archived", () => {
    // 02:30 on 12 March in New York is still 11 March for a day that ends at 03:00.
    const archivedAt = new Date("2026-03-12T06:30:00Z");
    expect(localDay(archivedAt, clock)).toBe("2026-03-11");
    const quest = { createdDay: "2026-03-01", archivedAt };
    expect(isActiveOn(quest, "2026-02-28", clock)).toBe(false);
    expect(isActiveOn(quest, "2026-03-10", clock)).toBe(true);
    expect(isActiveOn(quest, "2026-03-11", clock)).toBe(false);
    expect(isActiveOn({ ...quest, archivedAt: null }, "2026-12-31", clock)).toBe(true);
  });
});
