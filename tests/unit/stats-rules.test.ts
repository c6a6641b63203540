import { describe, expect, it } from "vitest";
import { questStreakRuns, type QuestDay } from "@/lib/quests/rules";
import { barSummary, byMonth, byWeek, clearedFromHistory, sample, weekdayPattern } from "@/lib/stats/rules";

// 2040-03-05 is a Monday.
const values = new Map([
  ["2040-03-05", 1],
  ["2040-03-11", 2],
  ["2040-03-12", 4],
  ["2040-02-29", 3],
]);

describe("statistics rules", () => {
  it("sums by week (Monday labels) and by month, oldest first", () => {
    expect(byWeek(values, "2040-03-14", 3)).toEqual([
      { label: "2040-02-27", value: 3 },
      { label: "2040-03-05", value: 3 },
      { label: "2040-03-12", value: 4 },
    ]);
    expect(byMonth(values, "2040-03-14", 3)).toEqual([
      { label: "2040-01", value: 0 },
      { label: "2040-02", value: 3 },
      { label: "2040-03", value: 7 },
    ]);
    expect(byMonth(new Map(), "2040-01-02", 2).map((p) => p.label)).toEqual(["2039-12", "2040-01"]);
  });

  it("counts the weekday pattern Monday first, and samples keeping the last point", () => {
    expect(weekdayPattern(values).map((p) => p.value)).toEqual([5, 0, 3, 0, 0, 0, 2]);
    expect(sample([1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([2, 5, 8]);
    expect(
      barSummary(
        [
          { label: "a", value: 2 },
          { label: "b", value: 5 },
        ],
        "XP",
      ),
    ).toBe("7 XP in all; the most, 5, in b.");
    expect(barSummary([{ label: "a", value: 0 }], "XP")).toBe("No XP in this period.");
  });

  it("lists every run of completed occurrences for best streaks", () => {
    const days: QuestDay[] = [1, 1, 0, 1, 1, 1, 0, 0, 1].map((c, i) => ({
      day: `2040-03-${String(5 + i).padStart(2, "0")}`,
      completions: c,
      frozen: false,
    }));
    expect(questStreakRuns({ type: "EVERY_DAY" }, days, 1)).toEqual([2, 3, 1]);
    // A frozen miss is skipped: the run goes on.
    days[2]!.frozen = true;
    expect(questStreakRuns({ type: "EVERY_DAY" }, days, 1)).toEqual([5, 1]);
  });

  it("judges a day before the Hunter's first day from imported dailies, skipped ones not due", () => {
    const daily = {
      id: "q",
      schedule: { type: "EVERY_DAY" } as const,
      timesPerDay: 1,
      target: null,
      from: "2040-03-01",
      until: null,
      skips: new Set(["2040-03-03"]),
    };
    const done = new Set(["2040-03-02"]);
    const tally = (_: string, day: string) => ({ count: done.has(day) ? 1 : 0, total: 0 });
    expect(clearedFromHistory("2040-03-02", [daily], tally)).toBe(true);
    expect(clearedFromHistory("2040-03-04", [daily], tally)).toBe(false);
    // Skipped: nothing due, so not a cleared day either; before its history: nothing due.
    expect(clearedFromHistory("2040-03-03", [daily], tally)).toBe(false);
    expect(clearedFromHistory("2040-02-20", [daily], tally)).toBe(false);
  });
});
