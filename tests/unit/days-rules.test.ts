import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DailyForDay, DayOutcome, StreakState } from "@/lib/days/rules";
import {
  canBackfill,
  dailyForDay,
  dayOutcome,
  firstUnsettledDay,
  grantMonthlyShield,
  isSettleable,
  lastSettleableDay,
  settleDay,
  settleDays,
  specialsOf,
} from "@/lib/days/rules";
import { PENALTY_QUEST, penaltyDeadline } from "@/lib/penalties/rules";
import type { Schedule } from "@/lib/quests/rules";
import { addDays, openDay } from "@/lib/time/rules";

const THURSDAY = "2026-11-26";
const SUNDAY = "2026-11-29";

function daily(schedule: Schedule, done: number, overrides: Partial<DailyForDay> = {}): DailyForDay {
  return { schedule, timesPerDay: 1, completionsOnDay: done, completionsInWeekThroughDay: done, ...overrides };
}

const state = (streak: number, shields: number, perfectRun = 0): StreakState => ({ streak, shields, perfectRun });
/** Settling inside a month already settled, so no monthly shield is granted. */
const midMonth = { day: THURSDAY, previousSettledDay: addDays(THURSDAY, -1) };

describe("dayOutcome", () => {
  const everyDay: Schedule = { type: "EVERY_DAY" };
  const threePerWeek: Schedule = { type: "TIMES_PER_WEEK", n: 3 };

  it.each([
    ["all dailies done", THURSDAY, [daily(everyDay, 1), daily(everyDay, 2)], "CLEARED"],
    ["one daily short", THURSDAY, [daily(everyDay, 1), daily(everyDay, 0)], "FAILED"],
    ["twice a day, once done", THURSDAY, [daily(everyDay, 1, { timesPerDay: 2 })], "FAILED"],
    ["nothing scheduled", THURSDAY, [], "NEUTRAL"],
    ["only an off-day weekday daily", THURSDAY, [daily({ type: "WEEKDAYS", days: [1, 3] }, 0)], "NEUTRAL"],
    ["a due weekday daily missed", THURSDAY, [daily({ type: "WEEKDAYS", days: [4] }, 0)], "FAILED"],
    ["a weekly quota midweek", THURSDAY, [daily(threePerWeek, 0)], "NEUTRAL"],
    ["a weekly quota met on Sunday", SUNDAY, [daily(threePerWeek, 0, { completionsInWeekThroughDay: 3 })], "CLEARED"],
    ["a weekly quota short on Sunday", SUNDAY, [daily(threePerWeek, 1, { completionsInWeekThroughDay: 2 })], "FAILED"],
    [
      "a weekly quota counts timesPerDay",
      SUNDAY,
      [daily(threePerWeek, 0, { timesPerDay: 2, completionsInWeekThroughDay: 5 })],
      "FAILED",
    ],
  ] as Array<[string, string, DailyForDay[], DayOutcome]>)("%s → %s", (_, day, dailies, expected) => {
    expect(dayOutcome({ day, rest: false, dailies })).toBe(expected);
  });

  it("a rest day is REST whatever is due", () => {
    expect(dayOutcome({ day: SUNDAY, rest: true, dailies: [daily(everyDay, 0), daily(threePerWeek, 0)] })).toBe("REST");
  });
});

describe("settleDay", () => {
  it.each([
    ["CLEARED extends", state(4, 0), "CLEARED", "CLEARED", state(5, 0, 1), false],
    ["NEUTRAL keeps", state(4, 1, 3), "NEUTRAL", "NEUTRAL", state(4, 1, 3), false],
    ["REST keeps", state(4, 1, 3), "REST", "REST", state(4, 1, 3), false],
    ["FAILED with a shield is SHIELDED", state(4, 2, 3), "FAILED", "SHIELDED", state(4, 1, 0), false],
    ["FAILED without a shield opens the Penalty Zone", state(4, 0, 3), "FAILED", "FAILED", state(0, 0, 0), true],
  ] as const)("%s", (_, before, outcome, status, after, openPenalty) => {
    const settlement = settleDay(before, outcome, midMonth);
    expect(settlement).toMatchObject({ day: THURSDAY, status, state: after, openPenalty });
  });

  it("grants a shield on the 7th cleared day in a row, and again on the 14th", () => {
    let current = state(0, 0);
    const granted: number[] = [];
    for (let i = 1; i <= 14; i++) {
      const settlement = settleDay(current, i === 4 ? "NEUTRAL" : "CLEARED", midMonth);
      if (settlement.perfectWeek) granted.push(i);
      current = settlement.state;
    }
    // Day 4 was neutral: it neither counts nor breaks the run, so the weeks end on days 8 and 15 → only 8 here.
    expect(granted).toEqual([8]);
    expect(current).toEqual(state(13, 1, 6));
  });

  it("a shielded day breaks the perfect run and a full shield rack wastes the bonus", () => {
    expect(settleDay(state(10, 2, 6), "FAILED", midMonth).state.perfectRun).toBe(0);
    const capped = settleDay(state(10, 2, 6), "CLEARED", midMonth);
    expect(capped).toMatchObject({ perfectWeek: true, shieldsGranted: 0, state: state(11, 2, 0) });
  });

  it("grants the monthly shield at the first settlement of a month, before judging the day", () => {
    const firstOfMonth = { day: "2026-12-01", previousSettledDay: "2026-11-30" };
    expect(settleDay(state(9, 0), "FAILED", firstOfMonth)).toMatchObject({
      status: "SHIELDED",
      shieldsGranted: 1,
      state: state(9, 0, 0),
      openPenalty: false,
    });
    expect(settleDay(state(0, 0), "NEUTRAL", { day: THURSDAY, previousSettledDay: null }).state.shields).toBe(1);
    expect(settleDay(state(0, 2), "NEUTRAL", firstOfMonth).shieldsGranted).toBe(0);
    expect([0, 1, 2].map(grantMonthlyShield)).toEqual([1, 2, 2]);
  });

  it("never holds more than 2 shields nor a negative count", () => {
    const outcome = fc.constantFrom<DayOutcome>("CLEARED", "FAILED", "NEUTRAL", "REST");
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 200 }), (outcomes) => {
        const { settlements } = settleDays(
          state(0, 0),
          outcomes.map((o, i) => ({ day: addDays("2026-01-01", i), outcome: o })),
          {
            previousSettledDay: null,
            penaltyOpen: false,
          },
        );
        return settlements.every(
          ({ state: s }) => s.shields >= 0 && s.shields <= 2 && s.streak >= 0 && s.perfectRun < 7,
        );
      }),
    );
  });
});

describe("settleDays: one absence, at most one Penalty Quest", () => {
  const absence = (from: string, outcomes: DayOutcome[]) =>
    outcomes.map((outcome, i) => ({ day: addDays(from, i), outcome }));

  it("five missed days with one shield: the first is shielded, the second opens the only penalty", () => {
    const result = settleDays(state(12, 1), absence("2026-11-20", Array(5).fill("FAILED")), {
      previousSettledDay: "2026-11-19",
      penaltyOpen: false,
    });
    expect(result.settlements.map((s) => [s.status, s.openPenalty])).toEqual([
      ["SHIELDED", false],
      ["FAILED", true],
      ["FAILED", false],
      ["FAILED", false],
      ["FAILED", false],
    ]);
    expect(result).toMatchObject({ openPenalty: true, state: state(0, 0, 0) });
  });

  it("opens none while a Penalty Quest is already open", () => {
    const result = settleDays(state(3, 0), absence("2026-11-20", ["FAILED", "FAILED"]), {
      previousSettledDay: "2026-11-19",
      penaltyOpen: true,
    });
    expect(result.openPenalty).toBe(false);
    expect(result.settlements.some((s) => s.openPenalty)).toBe(false);
  });

  it("a new month mid-absence grants its shield to the day it starts", () => {
    const result = settleDays(state(5, 0), absence("2026-11-29", ["FAILED", "FAILED", "FAILED"]), {
      previousSettledDay: "2026-11-28",
      penaltyOpen: false,
    });
    expect(result.settlements.map((s) => s.status)).toEqual(["FAILED", "FAILED", "SHIELDED"]);
    expect(result.settlements.filter((s) => s.openPenalty)).toHaveLength(1);
  });

  it("rejects skipped or repeated days", () => {
    const context = { previousSettledDay: "2026-11-19", penaltyOpen: false };
    expect(() => settleDays(state(0, 0), absence("2026-11-21", ["CLEARED"]), context)).toThrow(RangeError);
    expect(() => settleDays(state(0, 0), absence("2026-11-19", ["CLEARED"]), context)).toThrow(RangeError);
  });

  it("any run of outcomes opens at most one penalty", () => {
    const outcome = fc.constantFrom<DayOutcome>("CLEARED", "FAILED", "NEUTRAL", "REST");
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 60 }), fc.nat(2), fc.boolean(), (outcomes, shields, open) => {
        const result = settleDays(state(0, shields), absence("2026-01-01", outcomes), {
          previousSettledDay: "2025-12-31",
          penaltyOpen: open,
        });
        const opened = result.settlements.filter((s) => s.openPenalty).length;
        return opened <= (open ? 0 : 1) && result.openPenalty === opened > 0;
      }),
    );
  });
});

describe("penalty, grace and backfill", () => {
  it("the Survival Quest asks for 2 quests within 6 hours", () => {
    expect(PENALTY_QUEST).toMatchObject({ title: "Survival Quest", windowHours: 6, questsRequired: 2 });
    expect(penaltyDeadline(new Date("2026-11-26T22:30:00Z")).toISOString()).toBe("2026-11-27T04:30:00.000Z");
  });

  it.each([
    ["2026-11-27T02:59:59Z", false, false],
    ["2026-11-27T03:00:00Z", false, true],
    ["2026-11-27T00:00:00Z", true, true],
    ["2026-11-26T23:59:59Z", true, false],
  ])("at %s (player confirmed: %s) the day is settleable: %s", (now, playerConfirmed, expected) => {
    const dayEnd = new Date("2026-11-27T00:00:00Z");
    expect(isSettleable({ dayEnd, now: new Date(now), playerConfirmed })).toBe(expected);
  });

  it.each([
    ["2026-11-26", false],
    ["2026-11-25", true],
    ["2026-11-19", true],
    ["2026-11-18", false],
    ["2026-11-27", false],
  ])("backfilling %s from 2026-11-26 is allowed: %s", (day, allowed) => {
    expect(canBackfill(day, THURSDAY)).toBe(allowed);
  });
});

describe("openDay", () => {
  it.each([
    ["2026-03-10", null, "2026-03-10"],
    ["2026-03-10", "2026-03-09", "2026-03-10"],
    ["2026-03-09", "2026-03-09", "2026-03-10"],
    ["2026-03-08", "2026-03-09", "2026-03-10"],
  ])("today %s with %s settled is %s", (today, settled, expected) => {
    expect(openDay(today, settled)).toBe(expected);
  });
});

describe("which days a rollover settles", () => {
  const seoul = { timeZone: "Asia/Seoul", dayStartMinute: 0 };

  it.each([
    // Seoul is UTC+9: Thursday 2026-11-26 ends at 15:00Z, its grace window at 18:00Z.
    ["2026-11-26T17:59:00Z", null, "2026-11-25"],
    ["2026-11-26T18:00:00Z", null, "2026-11-26"],
    ["2026-11-26T15:01:00Z", "2026-11-26", "2026-11-26"],
  ])("at %s (confirmed %s) the last settleable day is %s", (now, confirmedDay, expected) => {
    expect(lastSettleableDay({ ...seoul, confirmedDay }, new Date(now))).toBe(expected);
  });

  it("starts after the last settled day, or on the day the Hunter arrived", () => {
    const createdAt = new Date("2026-11-20T16:00:00Z"); // already 21 Nov in Seoul
    expect(firstUnsettledDay({ ...seoul, createdAt, lastSettledDay: null })).toBe("2026-11-21");
    expect(firstUnsettledDay({ ...seoul, createdAt, lastSettledDay: "2026-11-24" })).toBe("2026-11-25");
  });
});

describe("specialsOf", () => {
  const settled = (status: "CLEARED" | "SHIELDED" | "REST", streak: number, perfectWeek = false) => ({
    day: THURSDAY,
    status,
    state: { streak, shields: 0, perfectRun: 0 },
    openPenalty: false,
    perfectWeek,
    shieldsGranted: 0,
  });

  it("names what a batch of settled days achieved", () => {
    expect(specialsOf([settled("CLEARED", 7, true)])).toEqual(["PERFECT_WEEK"]);
    expect(specialsOf([settled("SHIELDED", 4), settled("REST", 4)])).toEqual(["SHIELD_SAVED_STREAK", "REST_TAKEN"]);
    // A shield spent with no streak to save is not Iron Will.
    expect(specialsOf([settled("SHIELDED", 0)])).toEqual([]);
  });
});

describe("dailyForDay", () => {
  const tallies: Record<string, { count: number; total: number }> = {
    "2026-11-23": { count: 1, total: 4_000 },
    "2026-11-24": { count: 2, total: 10_500 },
    "2026-11-26": { count: 1, total: 12_000 },
  };
  const tallyOn = (day: string) => tallies[day] ?? { count: 0, total: 0 };
  const base = { kind: "DAILY" as const, timesPerDay: 1, positive: true };

  it("counts a weekly quota's check-ins from Monday through the day", () => {
    const quota = { ...base, schedule: { type: "TIMES_PER_WEEK" as const, n: 3 }, target: null };
    expect(dailyForDay(quota, THURSDAY, tallyOn)).toMatchObject({
      completionsOnDay: 1,
      completionsInWeekThroughDay: 4,
    });
  });

  it("counts a target's days reached, not its entries", () => {
    const steps = {
      ...base,
      schedule: { type: "TIMES_PER_WEEK" as const, n: 3 },
      target: { value: 10_000, direction: "AT_LEAST" as const },
    };
    expect(dailyForDay(steps, THURSDAY, tallyOn)).toMatchObject({ completionsInWeekThroughDay: 2, totalOnDay: 12_000 });
  });
});
