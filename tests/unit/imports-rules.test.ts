import { describe, expect, it } from "vitest";
import {
  chunkPlan,
  habiticaDate,
  habiticaDay,
  habiticaDifficulty,
  habiticaSchedule,
  habiticaStat,
  loopEntry,
  loopReminder,
  loopSchedule,
  parseLoopValue,
} from "@/lib/imports/rules";
import { CHUNK_BYTES, IMPORT_LIMITS, importChunkSchema } from "@/lib/imports/schemas";

describe("Loop frequency → the nearest schedule", () => {
  it.each([
    [1, 1, { type: "EVERY_DAY" }, null],
    [3, 3, { type: "EVERY_DAY" }, null],
    [3, 7, { type: "TIMES_PER_WEEK", n: 3 }, null],
    [1, 7, { type: "TIMES_PER_WEEK", n: 1 }, null],
    [1, 3, { type: "EVERY_N_DAYS", n: 3, anchor: "2040-01-01" }, null],
    [1, 30, { type: "EVERY_N_DAYS", n: 30, anchor: "2040-01-01" }, null],
    [2, 3, { type: "TIMES_PER_WEEK", n: 5 }, "2 times in 3 days → 5 times a week"],
    [4, 30, { type: "TIMES_PER_WEEK", n: 1 }, "4 times in 30 days → 1 time a week"],
    [2, 30, { type: "EVERY_N_DAYS", n: 15, anchor: "2040-01-01" }, "2 times in 30 days → every 15 days"],
    [13, 14, { type: "EVERY_DAY" }, "13 times in 14 days → every day"],
  ])("%i in %i days", (num, den, schedule, approximation) => {
    expect(loopSchedule(num, den, "2040-01-01")).toEqual({ schedule, approximation });
  });
});

describe("Loop entries", () => {
  it("reads names (2.3.1+) and numbers (up to 2.3.0 and the .db)", () => {
    expect(["YES_MANUAL", "YES_AUTO", "NO", "SKIP", "UNKNOWN", "2", "12500", "-1", "yes"].map(parseLoopValue)).toEqual([
      2,
      1,
      0,
      3,
      -1,
      2,
      12500,
      -1,
      null,
    ]);
  });

  it.each([
    [2, false, { kind: "CHECK_IN", value: null }],
    [1, false, { kind: "NOTHING", reason: "YES_AUTO" }],
    [-1, false, { kind: "NOTHING", reason: "UNKNOWN" }],
    [0, false, { kind: "NOTHING", reason: "NO" }],
    [3, false, { kind: "SKIP" }],
    [12500, true, { kind: "CHECK_IN", value: 12.5 }],
    [2, true, { kind: "CHECK_IN", value: 0.002 }],
    [0, true, { kind: "NOTHING", reason: "ZERO" }],
    [3, true, { kind: "SKIP" }],
    [-1, true, { kind: "NOTHING", reason: "UNKNOWN" }],
  ])("value %i (numeric %s)", (value, numerical, meaning) => {
    expect(loopEntry(value, numerical)).toEqual(meaning);
  });

  it("turns a reminder into a local time", () => {
    expect(loopReminder(7, 5)).toBe("07:05");
    expect(loopReminder(null, 5)).toBeNull();
    expect(loopReminder(24, 0)).toBeNull();
  });
});

describe("Habitica", () => {
  const ms = (iso: string) => Date.parse(iso);

  it("places an instant on the player's Habitica day: time zone offset, then the custom day start", () => {
    // UTC+2 (offset −120): 23:30 UTC is 01:30 the next day locally; with dayStart 4 that is still the day before.
    expect(habiticaDay(ms("2040-03-05T23:30:00Z"), -120, 0)).toBe("2040-03-06");
    expect(habiticaDay(ms("2040-03-05T23:30:00Z"), -120, 4)).toBe("2040-03-05");
    expect(habiticaDay(ms("2040-03-06T02:30:00Z"), -120, 4)).toBe("2040-03-06");
    // UTC−5 (offset 300): 03:00 UTC is 22:00 the day before.
    expect(habiticaDay(ms("2040-03-06T03:00:00Z"), 300, 0)).toBe("2040-03-05");
    // A date without a time of its own ignores the day start.
    expect(habiticaDate(ms("2040-03-05T22:00:00Z"), -120)).toBe("2040-03-06");
  });

  it.each([
    [0.1, "EASY"],
    [1, "EASY"],
    [1.5, "NORMAL"],
    [2, "HARD"],
  ] as const)("priority %d → %s", (priority, difficulty) => {
    expect(habiticaDifficulty(priority)).toBe(difficulty);
  });

  it.each([
    ["str", "STR"],
    ["con", "VIT"],
    ["int", "INT"],
    ["per", "PER"],
    [undefined, "STR"],
  ] as const)("attribute %s → %s", (attribute, stat) => {
    expect(habiticaStat(attribute)).toBe(stat);
  });

  const all = { m: true, t: true, w: true, th: true, f: true, s: true, su: true };
  const only = (...keys: string[]) => Object.fromEntries(Object.keys(all).map((k) => [k, keys.includes(k)]));
  it.each([
    [
      { frequency: "daily", everyX: 1 },
      { schedule: { type: "EVERY_DAY" }, approximation: null },
    ],
    [
      { frequency: "daily", everyX: 3 },
      { schedule: { type: "EVERY_N_DAYS", n: 3, anchor: "2040-03-07" }, approximation: null },
    ],
    [{ frequency: "daily", everyX: 400 }, { unrepresentable: "every 400 days (the System's longest is 365)" }],
    [
      { frequency: "weekly", everyX: 1, repeat: all },
      { schedule: { type: "EVERY_DAY" }, approximation: null },
    ],
    [
      { frequency: "weekly", everyX: 1, repeat: only("m", "w", "f") },
      { schedule: { type: "WEEKDAYS", days: [1, 3, 5] }, approximation: null },
    ],
    // 2040-03-07 is a Wednesday: the first Tuesday on or after it is 2040-03-13.
    [
      { frequency: "weekly", everyX: 2, repeat: only("t") },
      { schedule: { type: "EVERY_N_DAYS", n: 14, anchor: "2040-03-13" }, approximation: null },
    ],
    [
      { frequency: "weekly", everyX: 2, repeat: only("m", "t") },
      { unrepresentable: "every 2 weeks on several weekdays" },
    ],
    [{ frequency: "weekly", everyX: 1, repeat: only() }, { unrepresentable: "weekly with no weekday chosen" }],
    [
      { frequency: "monthly", everyX: 1, daysOfMonth: [15] },
      {
        schedule: { type: "EVERY_N_DAYS", n: 30, anchor: "2040-03-07" },
        approximation: "monthly on 1 day(s) of the month → every 30 days",
      },
    ],
    [
      { frequency: "monthly", everyX: 1, weeksOfMonth: [0], repeat: only("m") },
      { unrepresentable: "monthly by week of the month" },
    ],
    [
      { frequency: "yearly", everyX: 1 },
      { schedule: { type: "EVERY_N_DAYS", n: 365, anchor: "2040-03-07" }, approximation: "yearly → every 365 days" },
    ],
    [{ frequency: "yearly", everyX: 2 }, { unrepresentable: "every 2 years" }],
  ])("%j", (task, choice) => {
    expect(habiticaSchedule(task, "2040-03-07")).toEqual(choice);
  });
});

describe("chunks", () => {
  it("fit the body limit and the row cap, quests first, nothing lost", () => {
    const quests = Array.from({ length: 3 }, (_, i) => ({
      ref: `q${i}`,
      quest: { kind: "HABIT", title: `Habit ${i}`, difficulty: "EASY", stats: ["STR"] },
    })) as never[];
    const checkIns = Array.from({ length: 5_000 }, (_, i) => ({
      quest: `q${i % 3}`,
      day: "2040-03-05",
      index: Math.floor(i / 3) % 1000,
      note: "x".repeat(i % 50),
    }));
    const skips = Array.from({ length: 10 }, (_, i) => ({
      quest: "q0",
      day: `2040-04-${String(i + 1).padStart(2, "0")}`,
    }));
    const chunks = chunkPlan({ quests, checkIns, skips });
    expect(chunks[0]!.quests).toHaveLength(3);
    expect(chunks.flatMap((c) => c.checkIns ?? [])).toEqual(checkIns);
    expect(chunks.flatMap((c) => c.skips ?? [])).toEqual(skips);
    for (const chunk of chunks) {
      expect(JSON.stringify(chunk).length).toBeLessThan(CHUNK_BYTES);
      expect(importChunkSchema.safeParse(chunk).success).toBe(true);
    }
    const tiny = Array.from({ length: 3 * IMPORT_LIMITS.rowsPerChunk }, () => ({ quest: "q", day: "2040-03-05" }));
    const sizes = chunkPlan({ quests: [], checkIns: [], skips: tiny }).map((c) => c.skips?.length ?? 0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(IMPORT_LIMITS.rowsPerChunk);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(tiny.length);
  });

  it("a chunk over the row cap is refused by the schema", () => {
    const skips = Array.from({ length: IMPORT_LIMITS.rowsPerChunk + 1 }, () => ({ quest: "q", day: "2040-03-05" }));
    const result = importChunkSchema.safeParse({ skips });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("A chunk holds at most 2,000 rows");
  });
});
