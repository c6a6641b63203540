import { strToU8, zipSync } from "fflate";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { ImportFileError, readZip } from "@/lib/imports/files";
import { parseImportFile } from "@/lib/imports/parse";
import { importChunkSchema, IMPORT_LIMITS, type ImportPlan } from "@/lib/imports/schemas";
import { habiticaExport, loopCsvZip, loopDb, type LoopFixtureHabit } from "@/tests/support/import-fixtures";

const options = { loopStat: "VIT" as const, loadSql: () => initSqlJs() };
const parse = (bytes: Uint8Array) => parseImportFile(bytes, options);

const HABITS: LoopFixtureHabit[] = [
  {
    name: "Meditate",
    question: "Did you meditate this morning?",
    entries: [
      { day: "2040-03-01", value: 2, note: "calm, 10 min" },
      { day: "2040-03-02", value: 1 },
      { day: "2040-03-03", value: 3 },
      { day: "2040-03-04", value: 0 },
      { day: "2040-03-05", value: -1, note: "forgot?" },
      { day: "2040-03-06", value: 2 },
    ],
  },
  { name: "Wake up early!", numerator: 2, denominator: 3, entries: [{ day: "2040-03-06", value: 2 }] },
  {
    name: "Run",
    numerator: 1,
    denominator: 1,
    numerical: { unit: "km", target: 5 },
    archived: true,
    entries: [
      { day: "2040-03-04", value: 5500 },
      { day: "2040-03-05", value: 0 },
      { day: "2040-03-06", value: 3 },
    ],
  },
];

const byRef = (plan: ImportPlan, ref: string) => ({
  quest: plan.quests.find((q) => q.ref === ref)!,
  checkIns: plan.checkIns.filter((c) => c.quest === ref),
  skips: plan.skips.filter((s) => s.quest === ref).map((s) => s.day),
});

/** Every row the plan holds passes the server's chunk schema. */
function expectValid(plan: ImportPlan) {
  const result = importChunkSchema.safeParse({ quests: plan.quests, checkIns: plan.checkIns.slice(0, 1900) });
  expect(result.error?.issues ?? []).toEqual([]);
}

describe("Loop CSV 2.3.1+", async () => {
  const plan = await parse(loopCsvZip(HABITS));

  it("maps YES_MANUAL to a check-in with its note, SKIP to a skip, and YES_AUTO, NO, UNKNOWN to nothing", () => {
    expect(plan.format).toBe("Loop Habit Tracker 2.3.1+ (CSV)");
    const meditate = byRef(plan, "loop-001");
    expect(meditate.checkIns).toEqual([
      { quest: "loop-001", day: "2040-03-06" },
      { quest: "loop-001", day: "2040-03-01", note: "calm, 10 min" },
    ]);
    expect(meditate.skips).toEqual(["2040-03-03"]);
    expect(meditate.quest.quest).toMatchObject({
      kind: "DAILY",
      title: "Meditate",
      notes: "Did you meditate this morning?",
      stats: ["VIT"],
      schedule: { type: "EVERY_DAY" },
    });
    expect(meditate.quest.historyFrom).toBe("2040-03-01");
    expect(plan.report.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: "YES_AUTO entries", count: 1 }),
        expect.objectContaining({ what: "NO entries", count: 1 }),
        expect.objectContaining({ what: "UNKNOWN entries", count: 1 }),
        expect.objectContaining({ what: "notes on days without a check-in", count: 1 }),
        expect.objectContaining({ what: "reminders", count: 3 }),
      ]),
    );
    expectValid(plan);
  });

  it("matches folders by position (names lose characters in folder names) and keeps days as they are", () => {
    const early = byRef(plan, "loop-002");
    expect(early.quest.quest.title).toBe("Wake up early!");
    expect(early.checkIns).toEqual([{ quest: "loop-002", day: "2040-03-06" }]);
    expect(early.quest.quest.schedule).toEqual({ type: "TIMES_PER_WEEK", n: 5 });
    expect(plan.notes["loop-002"]).toBe("2 times in 3 days → 5 times a week");
  });

  it("turns a numeric habit into a target, values ÷ 1000, and keeps it archived", () => {
    const run = byRef(plan, "loop-003");
    expect(run.quest.quest.target).toEqual({ value: 5, unit: "km", direction: "AT_LEAST" });
    expect(run.quest.archived).toBe(true);
    // 3 is SKIP for numeric habits too (Loop's own score skips it).
    expect(run.checkIns).toEqual([{ quest: "loop-003", day: "2040-03-04", value: 5.5 }]);
    expect(run.skips).toEqual(["2040-03-06"]);
  });
});

describe("Loop CSV up to 2.3.0", async () => {
  const plan = await parse(loopCsvZip(HABITS, { legacy: true }));

  it("reads the 7-column Habits.csv and headerless integer Checkmarks", () => {
    expect(plan.format).toBe("Loop Habit Tracker up to 2.3.0 (CSV)");
    expect(byRef(plan, "loop-001").checkIns.map((c) => c.day)).toEqual(["2040-03-06", "2040-03-01"]);
    expect(byRef(plan, "loop-001").skips).toEqual(["2040-03-03"]);
    expect(byRef(plan, "loop-002").quest.quest.schedule).toEqual({ type: "TIMES_PER_WEEK", n: 5 });
    expectValid(plan);
  });

  it("tells a numeric habit by its values (the file has no type) and keeps the amounts without a target", () => {
    const run = byRef(plan, "loop-003");
    expect(run.quest.quest.target).toBeNull();
    expect(run.checkIns).toEqual([{ quest: "loop-003", day: "2040-03-04", value: 5.5 }]);
    expect(plan.notes["loop-003"]).toContain("without a target");
  });
});

describe("Loop .db backup", async () => {
  const plan = await parse(
    await loopDb([
      { ...HABITS[0]!, reminder: { hour: 7, minute: 30 } },
      { ...HABITS[2]!, numerical: { unit: "coffees", target: 2, atMost: true }, numerator: 3, denominator: 7 },
    ]),
  );

  it("reads Habits and Repetitions, reminders and at-most targets", () => {
    expect(plan.format).toBe("Loop Habit Tracker backup (.db)");
    const meditate = byRef(plan, "loop-db1");
    expect(meditate.quest.quest.reminderTime).toBe("07:30");
    expect(meditate.checkIns.map((c) => [c.day, c.note])).toEqual([
      ["2040-03-01", "calm, 10 min"],
      ["2040-03-06", undefined],
    ]);
    const coffee = byRef(plan, "loop-db2");
    // A limit is judged per day: a weekly frequency becomes every day.
    expect(coffee.quest.quest).toMatchObject({
      target: { value: 2, unit: "coffees", direction: "AT_MOST" },
      schedule: { type: "EVERY_DAY" },
    });
    expect(coffee.quest.archived).toBe(true);
    expectValid(plan);
  });

  it("refuses a database that is not Loop's", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run("CREATE TABLE other (x)");
    const error = await parse(db.export()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).message).toContain("not a Loop backup");
  });
});

describe("Habitica", async () => {
  const plan = await parse(strToU8(JSON.stringify(habiticaExport("2040-03-10"))));
  const refs = (kind: string) => plan.quests.filter((q) => q.quest.kind === kind).map((q) => q.ref);

  it("covers every frequency: exact, approximated or reported", () => {
    const schedule = (ref: string) => byRef(plan, ref).quest.quest;
    expect(schedule("h-every-day")).toMatchObject({
      kind: "DAILY",
      schedule: { type: "EVERY_DAY" },
      difficulty: "HARD",
    });
    expect(schedule("h-every-3-days")).toMatchObject({ schedule: { type: "EVERY_N_DAYS", n: 3 } });
    expect(schedule("h-weekdays")).toMatchObject({ schedule: { type: "WEEKDAYS", days: [1, 3, 5] }, stats: ["INT"] });
    expect(schedule("h-fortnightly")).toMatchObject({ schedule: { type: "EVERY_N_DAYS", n: 14 } });
    expect(schedule("h-monthly-by-day")).toMatchObject({ schedule: { type: "EVERY_N_DAYS", n: 30 } });
    expect(schedule("h-yearly")).toMatchObject({ schedule: { type: "EVERY_N_DAYS", n: 365 } });
    // What cannot be represented becomes a habit, and the report says so.
    expect(schedule("h-monthly-by-week")).toMatchObject({ kind: "HABIT", positive: true });
    expect(schedule("h-fortnightly-two-days")).toMatchObject({ kind: "HABIT" });
    expect(plan.report.skipped.map((s) => s.why)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("monthly by week of the month has no equivalent"),
        expect.stringContaining("every 2 weeks on several weekdays has no equivalent"),
      ]),
    );
    expect(plan.notes["h-monthly-by-day"]).toContain("→ every 30 days");
    expectValid(plan);
  });

  it("imports day-level history on the player's Habitica days and counts what was averaged", () => {
    // Habit: 3 taps + and 1 − on day 9; 2 taps at 01:00 UTC on day 10 = 03:00 local, before dayStart 4: day 9.
    expect(byRef(plan, "h-habit-water").checkIns.map((c) => c.day)).toEqual(Array(5).fill("2040-03-09"));
    expect(byRef(plan, "h-habit-water-down").checkIns).toHaveLength(1);
    expect(byRef(plan, "h-habit-water-down").quest.quest).toMatchObject({ positive: false, stats: ["VIT"] });
    expect(byRef(plan, "h-habit-water").quest.quest.reminderTime).toBe("07:30");
    // Daily: one completed entry; the missed one and the average import nothing.
    expect(byRef(plan, "h-every-day").checkIns.map((c) => c.day)).toEqual(["2040-03-06"]);
    expect(plan.report.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: "habit history entries older than day level", count: 1 }),
        expect.objectContaining({ what: "daily history entries older than day level", count: 1 }),
        expect.objectContaining({ what: "rewards", count: 1 }),
      ]),
    );
  });

  it("brings to-dos with their due day, checklist and completion", () => {
    expect(refs("ONE_TIME")).toEqual(["h-todo-open", "h-todo-done"]);
    expect(byRef(plan, "h-todo-open").quest.quest).toMatchObject({
      dueDay: "2040-03-11",
      difficulty: "EASY",
      checklist: [
        { text: "Receipts", done: true },
        { text: "Forms", done: false },
      ],
    });
    expect(byRef(plan, "h-todo-done").checkIns.map((c) => c.day)).toEqual(["2040-03-08"]);
  });
});

describe("hostile files", () => {
  it("stops inflating a zip bomb at the cap, counting what comes out", () => {
    const bomb = zipSync({ "Habits.csv": new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20 * 1024);
    const limits = { ...IMPORT_LIMITS, uncompressedBytes: 1024 * 1024 };
    const error = (() => {
      try {
        readZip(bomb, limits);
      } catch (e) {
        return e as ImportFileError;
      }
    })();
    expect(error?.status).toBe(413);
    expect(error?.message).toBe("The zip unpacks to more than 1 MB: reading stopped there.");
  });

  it("refuses a zip with too many entries", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.csv`, strToU8("x")]));
    expect(() => readZip(zipSync(many), { ...IMPORT_LIMITS, zipEntries: 20 })).toThrow(
      "The zip holds more than 20 entries: it is not an export.",
    );
  });

  it("refuses files that are none of the known exports", async () => {
    await expect(parse(strToU8("hello"))).rejects.toThrow("This is not a Loop export");
    await expect(parse(strToU8('{"hello": 1}'))).rejects.toThrow("neither a Habitica user data export");
    await expect(parse(zipSync({ "x.txt": strToU8("x") }))).rejects.toThrow("no Habits.csv");
  });
});
