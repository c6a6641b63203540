import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailyRisk, riskLevel, RISK_WINDOW_DAYS, usuallyDoneBy, type RiskInput } from "@/lib/insights/risk";
import { minuteAtRank, type InsightQuest } from "@/lib/insights/rules";
import { reasonText, slipMarker } from "@/lib/insights/voice";
import type { Schedule } from "@/lib/quests/schemas";
import { addDays, weekday } from "@/lib/time/rules";

/** A Thursday. */
const TODAY = "2026-12-03";
const WINDOW = Array.from({ length: RISK_WINDOW_DAYS }, (_, i) => addDays(TODAY, i - RISK_WINDOW_DAYS));

function quest(schedule: Schedule, timesPerDay = 1, strength = 0.5): InsightQuest {
  return {
    id: "q1",
    title: "Meditate",
    kind: "DAILY",
    difficulty: "NORMAL",
    stats: ["PER"],
    schedule,
    timesPerDay,
    positive: true,
    target: null,
    reminderTime: null,
    createdDay: "2026-09-01",
    archivedDay: null,
    strength,
  };
}

/** `completions[i]` check-ins on the i-th day of the window, each at `minute` of the day. */
function input(
  q: InsightQuest,
  completions: readonly number[],
  options: { nowMinute?: number; minute?: number } = {},
): RiskInput {
  const counts = new Map(WINDOW.map((day, i) => [day, completions[i] ?? 0]));
  const checkIns = WINDOW.flatMap((day) =>
    Array.from({ length: counts.get(day)! }, () => ({ questId: q.id, day, minute: options.minute ?? 7 * 60 })),
  );
  return {
    today: TODAY,
    nowMinute: options.nowMinute ?? 0,
    dayStartMinute: 0,
    quest: q,
    tally: (_questId, day) => ({ count: counts.get(day) ?? 0, total: 0 }),
    checkIns,
    restDays: new Set(),
  };
}

const perDaySchedule: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constant<Schedule>({ type: "EVERY_DAY" }),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
    .map((days): Schedule => ({ type: "WEEKDAYS", days: days.sort() })),
  fc.integer({ min: 2, max: 9 }).map((n): Schedule => ({ type: "EVERY_N_DAYS", n, anchor: "2026-09-01" })),
);
const strength = fc.double({ min: 0, max: 1, noNaN: true });
const nowMinute = fc.integer({ min: 0, max: 1_439 });
const minute = fc.integer({ min: 0, max: 1_439 });

/** Whether a per-day schedule is due on a day (what "every scheduled day" means below). */
function due(schedule: Schedule, day: string): boolean {
  if (schedule.type === "WEEKDAYS") return schedule.days.includes(weekday(day));
  if (schedule.type === "EVERY_N_DAYS")
    return Math.round((Date.parse(day) - Date.parse(schedule.anchor)) / 864e5) % schedule.n === 0;
  return true;
}

describe("dailyRisk (properties)", () => {
  it("is in 0..1, deterministic, and the same whatever order the log comes in", () => {
    fc.assert(
      fc.property(
        perDaySchedule,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 28, maxLength: 28 }),
        strength,
        nowMinute,
        minute,
        (schedule, times, completions, s, now, m) => {
          const base = input(quest(schedule, times, s), completions, { nowMinute: now, minute: m });
          const risk = dailyRisk(base);
          expect(risk.risk).toBeGreaterThanOrEqual(0);
          expect(risk.risk).toBeLessThanOrEqual(1);
          expect(dailyRisk(base)).toEqual(risk);
          expect(dailyRisk({ ...base, checkIns: [...base.checkIns].reverse() })).toEqual(risk);
          expect(risk.level).toBe(riskLevel(risk.risk));
        },
      ),
    );
  });

  it("is low for a daily done on every scheduled day of the 28, whatever its strength or the hour", () => {
    fc.assert(
      fc.property(
        perDaySchedule,
        fc.integer({ min: 1, max: 3 }),
        strength,
        nowMinute,
        minute,
        (schedule, times, s, now, m) => {
          const completions = WINDOW.map((day) => (due(schedule, day) ? times : 0));
          const risk = dailyRisk(input(quest(schedule, times, s), completions, { nowMinute: now, minute: m }));
          expect(risk.risk).toBeLessThanOrEqual(0.2);
          expect(risk.level).toBe("low");
        },
      ),
    );
  });

  it("is high for a daily missed on each of the last four of today's weekday, whatever else happened", () => {
    const thursday = weekday(TODAY);
    const schedules = fc.oneof(
      fc.constant<Schedule>({ type: "EVERY_DAY" }),
      fc
        .uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 })
        .map((days): Schedule => ({ type: "WEEKDAYS", days: [...new Set([...days, thursday])].sort() })),
    );
    fc.assert(
      fc.property(
        schedules,
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 28, maxLength: 28 }),
        strength,
        nowMinute,
        (schedule, completions, s, now) => {
          const missedThursdays = completions.map((c, i) => (weekday(WINDOW[i]!) === thursday ? 0 : c));
          const risk = dailyRisk(input(quest(schedule, 1, s), missedThursdays, { nowMinute: now }));
          expect(risk.risk).toBeGreaterThanOrEqual(0.6);
          expect(risk.level).toBe("high");
          expect(risk.reasons[0]).toEqual({ code: "WEEKDAY_MISSES", missed: 4, of: 4, weekday: thursday });
        },
      ),
    );
  });

  it("never rises when a missed due day of the last fortnight is done after all (before any usual hour)", () => {
    fc.assert(
      fc.property(
        perDaySchedule,
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 28, maxLength: 28 }),
        fc.integer({ min: 14, max: 27 }),
        strength,
        (schedule, completions, index, s) => {
          const q = quest(schedule, 1, s);
          const done = completions.map((c, i) => (i === index ? 1 : c));
          expect(dailyRisk(input(q, done)).risk).toBeLessThanOrEqual(dailyRisk(input(q, completions)).risk);
        },
      ),
    );
  });
});

describe("dailyRisk (examples)", () => {
  it("says when the hour it is usually done by has passed", () => {
    const every = quest({ type: "EVERY_DAY" }, 1, 0.9);
    const completions = WINDOW.map(() => 1);
    const before = dailyRisk(input(every, completions, { nowMinute: 7 * 60, minute: 7 * 60 + 40 }));
    expect(before.reasons).toEqual([]);
    const after = dailyRisk(input(every, completions, { nowMinute: 9 * 60, minute: 7 * 60 + 40 }));
    expect(after.reasons).toEqual([{ code: "USUAL_TIME_PASSED", by: "08:00" }]);
    expect(reasonText(after.reasons[0]!)).toBe("usually done by 08:00");
    expect(after.risk).toBeGreaterThan(before.risk);
  });

  it("gives the dashboard's marker: likely to slip, and the strongest reason", () => {
    const risk = dailyRisk(
      input(
        quest({ type: "EVERY_DAY" }, 1, 0.1),
        WINDOW.map(() => 0),
        { nowMinute: 600 },
      ),
    );
    expect(risk.level).toBe("high");
    expect(slipMarker(risk)).toBe("likely to slip: missed 4 of the last 4 Thursdays");
    expect(risk.reasons.map((r) => r.code)).toEqual(["WEEKDAY_MISSES", "OFTEN_MISSED", "WEAK", "NO_RECENT_CHECK_IN"]);
  });

  it("judges a weekly quota by the last four weeks", () => {
    const quota = quest({ type: "TIMES_PER_WEEK", n: 3 }, 1, 0.4);
    // Two check-ins a week: every quota in the window missed.
    const completions = WINDOW.map((day) => (weekday(day) <= 2 ? 1 : 0));
    const risk = dailyRisk(input(quota, completions));
    expect(risk.reasons[0]).toEqual({ code: "WEEKS_MISSED", missed: 4, of: 4 });
    expect(risk.level).toBe("high");
  });

  it("says a new quest has no history and does not call it likely to slip", () => {
    const fresh = { ...quest({ type: "EVERY_DAY" }, 1, 0), createdDay: TODAY };
    const risk = dailyRisk(input(fresh, []));
    expect(risk.reasons).toEqual([{ code: "NEW" }]);
    expect(risk.risk).toBeLessThan(0.5);
  });

  it("leaves rest days out of the record", () => {
    const every = quest({ type: "EVERY_DAY" }, 1, 0.8);
    const base = input(
      every,
      WINDOW.map((day) => (weekday(day) === 4 ? 0 : 1)),
    );
    const rested = dailyRisk({ ...base, restDays: new Set(WINDOW.filter((day) => weekday(day) === 4)) });
    expect(rested.level).toBe("low");
  });

  it("reads the usual hour as the 75th percentile, rounded up to the hour, from three check-ins on", () => {
    expect(usuallyDoneBy([420, 430])).toBeNull();
    expect(usuallyDoneBy([420, 430, 440, 500])).toBe(480);
    expect(usuallyDoneBy([420, 420, 420])).toBe(420);
  });

  it("reads minutes with counts (the recent log's groups) as every check-in they stand for", () => {
    expect(usuallyDoneBy([{ minute: 420, count: 2 }])).toBeNull();
    expect(usuallyDoneBy([{ minute: 500 }, { minute: 420, count: 3 }])).toBe(420);
    const counted = fc.array(
      fc.record({ minute: fc.integer({ min: 0, max: 1439 }), count: fc.integer({ min: 1, max: 6 }) }),
    );
    fc.assert(
      fc.property(counted, (minutes) => {
        const each = minutes.flatMap(({ minute, count }) => Array<number>(count).fill(minute));
        expect(usuallyDoneBy(minutes)).toBe(usuallyDoneBy(each));
        const sorted = [...each].sort((a, b) => a - b);
        const lowerMedian = (n: number) => Math.floor((n - 1) / 2);
        expect(minuteAtRank(minutes, lowerMedian)).toBe(sorted[lowerMedian(sorted.length)] ?? null);
      }),
    );
  });
});
