import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numbersIn, numbersOf, strayNumbers } from "@/lib/insights/numbers";
import { weekFacts, type InsightQuest, type WeekInput } from "@/lib/insights/rules";
import { halveTarget, suggestions, STAT_STARTERS } from "@/lib/insights/suggestions";
import { builtinReport, flavourFor, scheduleText, suggestionText } from "@/lib/insights/voice";
import type { DayTally } from "@/lib/quests/rules";
import { addDays } from "@/lib/time/rules";

const MONDAY = "2026-11-23"; // 2026-W48
const SUNDAY = "2026-11-29";

function quest(overrides: Partial<InsightQuest> = {}): InsightQuest {
  return {
    id: "q1",
    title: "Read 20 pages",
    kind: "DAILY",
    difficulty: "NORMAL",
    stats: ["INT"],
    schedule: { type: "EVERY_DAY" },
    timesPerDay: 1,
    positive: true,
    target: null,
    reminderTime: null,
    createdDay: "2026-11-01",
    archivedDay: null,
    strength: 0.5,
    ...overrides,
  };
}

/** A tally from a list of [questId, day, count, total]. */
function tallyOf(entries: ReadonlyArray<readonly [string, string, number, number?]>) {
  const map = new Map(entries.map(([q, d, count, total]) => [`${q}|${d}`, { count, total: total ?? 0 }]));
  return (questId: string, day: string): DayTally => map.get(`${questId}|${day}`) ?? { count: 0, total: 0 };
}

const BUILD = { job: null, allocatedStr: 0, allocatedAgi: 0, allocatedVit: 0, allocatedInt: 0, allocatedPer: 0 };

function week(overrides: Partial<WeekInput>): WeekInput {
  return {
    week: "2026-W48",
    monday: MONDAY,
    today: "2026-12-01",
    lastSettledDay: "2026-11-30",
    dayStartMinute: 0,
    player: BUILD,
    quests: [],
    tally: tallyOf([]),
    checkIns: [],
    frozenDays: new Set(),
    settlements: [],
    ledger: { xp: 0, gold: 0 },
    penalties: [],
    ...overrides,
  };
}

describe("weekFacts", () => {
  const read = quest();
  const meditate = quest({
    id: "q2",
    title: "Meditate",
    stats: ["PER"],
    schedule: { type: "WEEKDAYS", days: [1, 3, 5] },
  });
  const scroll = quest({
    id: "q3",
    title: "Doom-scrolling",
    kind: "HABIT",
    positive: false,
    schedule: null,
    stats: ["PER"],
  });
  // Read: every day but Saturday. Meditate: Monday and Friday, not Wednesday. Two slips on Tuesday.
  const entries: [string, string, number][] = [];
  for (let i = 0; i < 7; i++) if (i !== 5) entries.push(["q1", addDays(MONDAY, i), 1]);
  entries.push(["q2", MONDAY, 1], ["q2", addDays(MONDAY, 4), 1], ["q3", addDays(MONDAY, 1), 2]);
  // Two weeks of reading before this one, for strength.
  for (let i = 1; i <= 14; i++) entries.push(["q1", addDays(MONDAY, -i), 1]);
  const facts = weekFacts(
    week({
      quests: [read, meditate, scroll],
      tally: tallyOf(entries),
      checkIns: [
        { questId: "q1", day: MONDAY, minute: 7 * 60 + 10 },
        { questId: "q1", day: addDays(MONDAY, 1), minute: 7 * 60 + 30 },
        { questId: "q1", day: addDays(MONDAY, 2), minute: 21 * 60 },
      ],
      settlements: [
        { day: MONDAY, outcome: "CLEARED", streakAfter: 5 },
        { day: addDays(MONDAY, 1), outcome: "CLEARED", streakAfter: 6 },
        { day: addDays(MONDAY, 2), outcome: "SHIELDED", streakAfter: 6 },
        { day: addDays(MONDAY, 3), outcome: "CLEARED", streakAfter: 7 },
        { day: addDays(MONDAY, 4), outcome: "CLEARED", streakAfter: 8 },
        { day: addDays(MONDAY, 5), outcome: "FAILED", streakAfter: 0 },
        { day: SUNDAY, outcome: "CLEARED", streakAfter: 1 },
      ],
      frozenDays: new Set([addDays(MONDAY, 2)]),
      ledger: { xp: 750, gold: 75 },
      penalties: [{ status: "CLEARED" }],
    }),
  );

  it("counts completions per quest and in total, slips apart", () => {
    expect(facts.quests.map((q) => [q.title, q.completions, q.slips, q.due, q.done])).toEqual([
      ["Read 20 pages", 6, 0, 7, 6],
      ["Meditate", 2, 0, 3, 2],
      ["Doom-scrolling", 0, 2, null, null],
    ]);
    expect(facts.totals).toEqual({ completions: 8, slips: 2, xp: 750, gold: 75 });
  });

  it("finds the best and the worst weekday by the share of dailies done", () => {
    expect(facts.bestDay).toEqual({ weekday: "Monday", done: 2, due: 2 });
    expect(facts.worstDay).toEqual({ weekday: "Saturday", done: 0, due: 1 });
    expect(facts.days.map((d) => [d.weekday, d.completions, d.done, d.due])).toEqual([
      ["Monday", 2, 2, 2],
      ["Tuesday", 1, 1, 1],
      ["Wednesday", 1, 1, 2],
      ["Thursday", 1, 1, 1],
      ["Friday", 2, 2, 2],
      ["Saturday", 0, 0, 1],
      ["Sunday", 1, 1, 1],
    ]);
  });

  it("gives each quest its usual hour, strength at the week's end and its change", () => {
    const reading = facts.quests[0]!;
    expect(reading.usualHour).toBe(7);
    expect(reading.strength).toBeGreaterThan(30);
    expect(reading.strengthChange).toBeGreaterThan(0);
    expect(facts.quests[1]!.usualHour).toBeNull();
  });

  it("reports the streak, shields, Penalty Zone visits and the weakest stat", () => {
    expect(facts.streak).toEqual({ atEnd: 1, cleared: 5, failed: 1, shielded: 1, rested: 0 });
    expect(facts.penaltyZone).toEqual({ visits: 1, cleared: 1, failed: 0 });
    // Nothing feeds STR, AGI or VIT: STR comes first of the lowest.
    expect(facts.weakestStat).toEqual({ stat: "STR", value: 10 });
    expect(facts).toMatchObject({ week: "2026-W48", from: MONDAY, to: SUNDAY, complete: true });
  });

  it("judges a week under way only on the days settled or done", () => {
    const open = weekFacts(
      week({ today: addDays(MONDAY, 2), lastSettledDay: MONDAY, quests: [read], tally: tallyOf([["q1", MONDAY, 1]]) }),
    );
    expect(open.complete).toBe(false);
    expect(open.days.map((d) => [d.due, d.done])).toEqual([
      [1, 1],
      [0, 0],
      [0, 0],
    ]);
  });

  it("counts a target by the days it was reached", () => {
    const steps = quest({ target: { value: 10_000, unit: "steps", direction: "AT_LEAST" } });
    const facts = weekFacts(
      week({
        quests: [steps],
        tally: tallyOf([
          ["q1", MONDAY, 3, 12_000],
          ["q1", addDays(MONDAY, 1), 2, 4_000],
        ]),
      }),
    );
    expect(facts.quests[0]).toMatchObject({ completions: 1, done: 1, due: 7 });
  });
});

describe("the built-in voice", () => {
  it("writes the report from the facts with no number the facts lack (any week)", () => {
    const arbitraryWeek = fc.record({
      counts: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 21, maxLength: 21 }), {
        minLength: 1,
        maxLength: 4,
      }),
      xp: fc.integer({ min: -500, max: 50_000 }),
      gold: fc.integer({ min: -50, max: 5_000 }),
      settled: fc.integer({ min: 0, max: 7 }),
      penalties: fc.array(fc.constantFrom("OPEN", "CLEARED", "FAILED") as fc.Arbitrary<"OPEN" | "CLEARED" | "FAILED">),
    });
    fc.assert(
      fc.property(arbitraryWeek, ({ counts, xp, gold, settled, penalties }) => {
        const quests = counts.map((_, i) =>
          quest({ id: `q${i}`, title: `Quest ${i * 7}`, kind: i === 3 ? "HABIT" : "DAILY", positive: i !== 3 }),
        );
        const entries = counts.flatMap((days, i) =>
          days.map((count, d) => [`q${i}`, addDays(MONDAY, d - 14), count] as const),
        );
        const facts = weekFacts(
          week({
            quests,
            tally: tallyOf(entries),
            lastSettledDay: addDays(MONDAY, settled - 1),
            today: addDays(MONDAY, Math.max(settled, 1)),
            settlements: Array.from({ length: settled }, (_, d) => ({
              day: addDays(MONDAY, d),
              outcome: "CLEARED" as const,
              streakAfter: d + 3,
            })),
            ledger: { xp, gold },
            penalties: penalties.map((status) => ({ status })),
          }),
        );
        const { headline, paragraphs } = builtinReport(facts);
        const allowed = numbersOf(facts);
        for (const text of [headline, ...paragraphs]) expect(strayNumbers(text, allowed)).toEqual([]);
      }),
    );
  });

  it("names flavours for familiar chores and none for the rest", () => {
    expect(flavourFor("Do laundry")).toBe("Purify the Shadow Armour");
    expect(flavourFor("Read 20 pages")).toBe("Study the Ancient Tomes");
    expect(flavourFor("Call grandma")).toBeNull();
    expect(scheduleText({ type: "WEEKDAYS", days: [1, 3] })).toBe("on Monday, Wednesday");
  });
});

describe("numbers the System may state", () => {
  it.each<[string, number[]]>([
    ["You completed 12 quests and gained 1,250 XP.", [12, 1_250]],
    ["Strength 62% (up 8).", [62, 8]],
    ["Twice this week, three days in a row, a dozen slips.", [2, 3, 12]],
    ["The one you skipped: week 2026-W48 at 07:00.", [2026, 48, 7, 0]],
    ["No numbers at all.", []],
  ])("reads %s", (text, expected) => {
    expect(numbersIn(text).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it("allows the facts' numbers, those in their strings, and zero; nothing else", () => {
    const allowed = numbersOf({ week: "2026-W48", quests: [{ title: "Read 20 pages", strengthChange: -6 }] });
    expect(strayNumbers("Read 20 pages fell by 6 in week 48 of 2026; zero excuses.", allowed)).toEqual([]);
    expect(strayNumbers("You read 21 pages.", allowed)).toEqual([21]);
    expect(strayNumbers("Seven days of glory.", allowed)).toEqual([7]);
  });
});

describe("suggestions", () => {
  const base = { today: "2026-12-03", restDays: new Set<string>() };
  const stats = { STR: 10, AGI: 14, VIT: 11, INT: 30, PER: 15 };
  /** Done on 1 day in 3 over the window. */
  const struggling = (questId: string) =>
    tallyOf(
      Array.from({ length: 28 }, (_, i) => [questId, addDays("2026-12-03", -28 + i), i % 3 === 0 ? 1 : 0] as const),
    );

  it("offers the weakest stat's starter quest as a valid draft, unless the Hunter has it", () => {
    const list = suggestions({ ...base, quests: [], stats, tally: tallyOf([]) });
    expect(list).toEqual([
      {
        id: "new-STR",
        kind: "NEW_QUEST",
        stat: "STR",
        statValue: 10,
        draft: {
          kind: "DAILY",
          title: "20 push-ups",
          difficulty: "EASY",
          stats: ["STR"],
          schedule: { type: "EVERY_DAY" },
          target: null,
        },
      },
    ]);
    expect(suggestionText(list[0]!)).toBe('Your weakest stat is STR (10). Take up "20 push-ups" every day.');
    const has = suggestions({
      ...base,
      quests: [quest({ title: STAT_STARTERS.STR.title })],
      stats,
      tally: tallyOf([]),
    });
    expect(has.filter((s) => s.kind === "NEW_QUEST")).toEqual([]);
  });

  it.each<[string, Partial<InsightQuest>, object]>([
    [
      "a smaller target",
      { target: { value: 10_000, unit: "steps", direction: "AT_LEAST" } },
      { target: { value: 5_000, unit: "steps", direction: "AT_LEAST" } },
    ],
    ["fewer days a week", {}, { schedule: { type: "TIMES_PER_WEEK", n: 3 } }],
    [
      "one weekday fewer",
      { schedule: { type: "WEEKDAYS", days: [1, 2, 3, 4, 5, 6, 7] } },
      // Saturdays were missed most in this log.
      { schedule: { type: "WEEKDAYS", days: [1, 2, 3, 4, 5, 7] } },
    ],
    [
      "a longer interval",
      { schedule: { type: "EVERY_N_DAYS", n: 1 + 1, anchor: "2026-11-01" } },
      { schedule: { type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-01" } },
    ],
    [
      "an earlier reminder",
      { schedule: { type: "TIMES_PER_WEEK", n: 1 }, reminderTime: "20:30" },
      { reminderTime: "19:30" },
    ],
  ])("makes a struggling daily easier with %s", (_name, overrides, change) => {
    const q = quest({ title: "Walk", ...overrides });
    const tally =
      q.schedule?.type === "TIMES_PER_WEEK"
        ? tallyOf([])
        : q.schedule?.type === "EVERY_N_DAYS"
          ? tallyOf([])
          : struggling("q1");
    const easier = suggestions({ ...base, quests: [q], stats, tally }).find((s) => s.kind === "EASIER");
    expect(easier).toMatchObject({ questId: "q1", change });
  });

  it("leaves a daily that is doing well alone, and suggests flavour renames for familiar chores", () => {
    const tally = tallyOf(Array.from({ length: 28 }, (_, i) => ["q1", addDays("2026-12-03", -28 + i), 1] as const));
    const list = suggestions({ ...base, quests: [quest({ title: "Do laundry" })], stats, tally });
    expect(list.map((s) => s.kind)).toEqual(["NEW_QUEST", "RENAME"]);
    expect(list[1]).toMatchObject({ change: { title: "Purify the Shadow Armour" } });
  });

  it.each([
    [10_000, 5_000],
    [20, 10],
    [8, 4],
    [3, 2],
    [2, 1],
    [45, 23],
    [150, 75],
    [1_234, 620],
  ])("halves a target of %i to %i", (value, half) => {
    expect(halveTarget(value)).toBe(half);
  });
});
