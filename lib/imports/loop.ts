/**
 * Loop Habit Tracker's exports (github.com/iSoron/uhabits): the CSV zip of both generations and the SQLite backup.
 * - CSV up to 2.3.0: Habits.csv "Position,Name,Question,Description,NumRepetitions,Interval,Color"; per habit
 *   "NNN Name/Checkmarks.csv" rows "date,value" with no header and integer values.
 * - CSV 2.3.1+: Habits.csv adds Type, Unit, Target Type, Target Value and Archived?; Checkmarks.csv has the header
 *   "Date,Value,Notes" and values YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN (numeric habits: the amount × 1000).
 * - The .db backup: tables Habits and Repetitions (timestamps are UTC midnights of the habit's days).
 * Folders are matched to habits by their position number, never by name (Loop strips characters from names).
 */
import Papa from "papaparse";
import type { Database, SqlJsStatic } from "sql.js";
import { ImportFileError, readZip, text } from "@/lib/imports/files";
import { earlierDay, fit, loopEntry, loopReminder, loopSchedule, parseLoopValue, utcDay } from "@/lib/imports/rules";
import type { ImportPlan, ImportReport } from "@/lib/imports/schemas";
import type { Stat } from "@/lib/progression/rules";
import { isValidDayKey, type DayKey } from "@/lib/time/rules";

type LoopHabit = {
  key: string;
  position: number;
  name: string;
  question: string;
  description: string;
  numerator: number;
  denominator: number;
  /** null: the export does not say (CSV up to 2.3.0): read from the values. */
  numerical: boolean | null;
  unit: string;
  atMost: boolean;
  targetValue: number;
  archived: boolean;
  reminder: string | null;
  /** Set when the reminder rings on some weekdays only: the time is kept, the days are not. */
  reminderSomeDays: boolean;
  entries: { day: DayKey; value: number; note: string }[];
};

type Tally = Map<string, { count: number; why: string }>;

function count(tally: Tally, what: string, why: string, n = 1) {
  const entry = tally.get(what) ?? { count: 0, why };
  entry.count += n;
  tally.set(what, entry);
}

function rows(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

const HABIT_FOLDER = /(?:^|\/)(\d{3,})(?: [^/]*)?\/Checkmarks\.csv$/;

/** A Loop CSV export (zip), either generation. */
export function parseLoopCsvZip(bytes: Uint8Array, stat: Stat): ImportPlan {
  const files = readZip(bytes);
  const habitsFile = [...files.keys()].find((name) => /(?:^|\/)Habits\.csv$/.test(name));
  if (!habitsFile) throw new ImportFileError(422, "This zip has no Habits.csv: it is not a Loop CSV export.");
  const [header = [], ...habitRows] = rows(text(files.get(habitsFile)!));
  const column = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const modern = column("FrequencyNumerator") >= 0 && column("Type") >= 0;
  const legacy = column("NumRepetitions") >= 0 && column("Interval") >= 0;
  if (!modern && !legacy) {
    throw new ImportFileError(422, "Habits.csv has columns this reader does not know: is it a Loop export?");
  }
  const cell = (row: string[], name: string) => (column(name) >= 0 ? (row[column(name)] ?? "").trim() : "");
  const tally: Tally = new Map();

  const entriesByPosition = new Map<number, LoopHabit["entries"]>();
  for (const [name, data] of files) {
    const match = HABIT_FOLDER.exec(name);
    if (!match) continue;
    const entries: LoopHabit["entries"] = [];
    for (const row of rows(text(data))) {
      const [date = "", value = "", note = ""] = row.map((c) => c.trim());
      if (date.toLowerCase() === "date") continue;
      const code = parseLoopValue(value);
      if (!isValidDayKey(date) || code === null) {
        count(tally, "unreadable rows", "not a date and a Loop value");
        continue;
      }
      entries.push({ day: date, value: code, note });
    }
    entriesByPosition.set(Number(match[1]), entries);
  }

  const habits: LoopHabit[] = habitRows.map((row) => {
    const position = Number(cell(row, "Position"));
    const type = cell(row, "Type").toUpperCase();
    return {
      key: String(position).padStart(3, "0"),
      position,
      name: cell(row, "Name"),
      question: cell(row, "Question"),
      description: cell(row, "Description"),
      numerator: Number(cell(row, modern ? "FrequencyNumerator" : "NumRepetitions")) || 1,
      denominator: Number(cell(row, modern ? "FrequencyDenominator" : "Interval")) || 1,
      numerical: modern ? type === "NUMERICAL" : null,
      unit: cell(row, "Unit"),
      atMost: cell(row, "Target Type").toUpperCase() === "AT_MOST",
      targetValue: Number(cell(row, "Target Value")) || 0,
      archived: cell(row, "Archived?").toLowerCase() === "true",
      reminder: null,
      reminderSomeDays: false,
      entries: entriesByPosition.get(position) ?? [],
    };
  });
  const known = new Set(habits.map((h) => h.position));
  const orphans = [...entriesByPosition.keys()].filter((p) => !known.has(p)).length;
  if (orphans > 0) count(tally, "habit folders", "no habit in Habits.csv has their number", orphans);
  count(tally, "reminders", "the CSV export does not carry them (the .db backup does)", habits.length);
  return plan(habits, modern ? "Loop Habit Tracker 2.3.1+ (CSV)" : "Loop Habit Tracker up to 2.3.0 (CSV)", stat, tally);
}

type Row = Record<string, number | string | null | Uint8Array>;

function select(db: Database, sql: string): Row[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) =>
    Object.fromEntries(result.columns.map((c, i) => [c.toLowerCase(), values[i] ?? null])),
  );
}

/** A Loop .db backup (any schema version since the Repetitions table existed). */
export function parseLoopDb(bytes: Uint8Array, SQL: SqlJsStatic, stat: Stat): ImportPlan {
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch {
    throw new ImportFileError(422, "The database could not be opened.");
  }
  try {
    const tables = new Set(
      select(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name).toLowerCase()),
    );
    if (!tables.has("habits") || !tables.has("repetitions")) {
      throw new ImportFileError(422, "This database has no Habits and Repetitions tables: it is not a Loop backup.");
    }
    const repColumns = new Set(select(db, "PRAGMA table_info(Repetitions)").map((r) => String(r.name).toLowerCase()));
    const value = repColumns.has("value") ? "value" : "2 AS value";
    const notes = repColumns.has("notes") ? "notes" : "'' AS notes";
    const entries = new Map<string, LoopHabit["entries"]>();
    for (const r of select(db, `SELECT habit, timestamp, ${value}, ${notes} FROM Repetitions ORDER BY timestamp`)) {
      const list = entries.get(String(r.habit)) ?? [];
      list.push({ day: utcDay(Number(r.timestamp)), value: Number(r.value), note: String(r.notes ?? "") });
      entries.set(String(r.habit), list);
    }
    const num = (r: Row, name: string, fallback: number) =>
      r[name] === undefined || r[name] === null ? fallback : Number(r[name]);
    const str = (r: Row, name: string) => (r[name] === undefined || r[name] === null ? "" : String(r[name]));
    const habits: LoopHabit[] = select(db, "SELECT * FROM Habits ORDER BY position").map((r) => {
      const hour = r.reminder_hour === null || r.reminder_hour === undefined ? null : Number(r.reminder_hour);
      const minute = r.reminder_min === null || r.reminder_min === undefined ? null : Number(r.reminder_min);
      return {
        key: `db${str(r, "id")}`,
        position: num(r, "position", 0) + 1,
        name: str(r, "name"),
        question: str(r, "question"),
        description: str(r, "description"),
        numerator: num(r, "freq_num", 1),
        denominator: num(r, "freq_den", 1),
        numerical: num(r, "type", 0) === 1,
        unit: str(r, "unit"),
        atMost: num(r, "target_type", 0) === 1,
        targetValue: num(r, "target_value", 0),
        archived: num(r, "archived", 0) !== 0,
        reminder: loopReminder(hour, minute),
        reminderSomeDays: loopReminder(hour, minute) !== null && (num(r, "reminder_days", 127) & 127) !== 127,
        entries: entries.get(str(r, "id")) ?? [],
      };
    });
    return plan(habits, "Loop Habit Tracker backup (.db)", stat, new Map());
  } finally {
    db.close();
  }
}

const CHECKMARK_CODES = new Set([-1, 0, 1, 2, 3]);

function plan(habits: LoopHabit[], format: string, stat: Stat, tally: Tally): ImportPlan {
  const result: ImportPlan = {
    source: "LOOP",
    format,
    quests: [],
    checkIns: [],
    skips: [],
    report: { skipped: [] },
    notes: {},
  };
  for (const habit of habits) {
    const ref = `loop-${habit.key}`;
    // Up to 2.3.0 the CSV does not say which habits are numeric: amounts (× 1000) are not check-mark codes.
    const numerical = habit.numerical ?? habit.entries.some((e) => !CHECKMARK_CODES.has(e.value));
    let first: DayKey | undefined;
    const checkIns: ImportPlan["checkIns"] = [];
    for (const entry of habit.entries) {
      const meaning = loopEntry(entry.value, numerical);
      const note = entry.note.slice(0, 500);
      if (meaning.kind === "CHECK_IN") {
        first = earlierDay(first, entry.day);
        checkIns.push({
          quest: ref,
          day: entry.day,
          ...(meaning.value !== null && { value: meaning.value }),
          ...(note && { note }),
        });
      } else if (meaning.kind === "SKIP") {
        result.skips.push({ quest: ref, day: entry.day });
      } else {
        const why = {
          YES_AUTO: "Loop filled them in from the habit's frequency: you did not check them",
          UNKNOWN: "no answer was recorded for the day",
          NO: "a day marked as not done is simply a day without a check-in",
          ZERO: "an amount of 0 adds nothing",
        }[meaning.reason];
        count(tally, `${meaning.reason} entries`, why);
        if (note) count(tally, "notes on days without a check-in", "a note here belongs to a check-in");
      }
    }
    if (habit.entries.length > 0 && checkIns.length === 0 && result.skips.every((s) => s.quest !== ref)) {
      count(tally, "habits without a single check-in", "imported anyway, with an empty history", 1);
    }
    const anchor = first ?? habit.entries[0]?.day ?? "2000-01-01";
    const choice = loopSchedule(habit.numerator, habit.denominator, anchor);
    let schedule = choice.schedule;
    const notes: string[] = [];
    if (choice.approximation) notes.push(choice.approximation);
    let target = null;
    if (numerical) {
      if (habit.targetValue > 0) {
        target = {
          value: habit.targetValue,
          unit: fit(habit.unit, 20) || "units",
          direction: habit.atMost ? ("AT_MOST" as const) : ("AT_LEAST" as const),
        };
        if (habit.atMost && schedule.type === "TIMES_PER_WEEK") {
          schedule = { type: "EVERY_DAY" };
          notes.push("a limit is judged each day here");
        }
        if (habit.denominator > 1)
          notes.push(`Loop totals the target over ${habit.denominator} days; here it is per day`);
      } else {
        notes.push("numeric, without a target: amounts are kept as values");
      }
    }
    if (habit.reminderSomeDays) notes.push(`reminder at ${habit.reminder} every day (Loop rang on some weekdays only)`);
    if (notes.length > 0) result.notes[ref] = notes.join("; ");
    result.quests.push({
      ref,
      quest: {
        kind: "DAILY",
        title: fit(habit.name, 100) || `Loop habit ${habit.key}`,
        notes: [habit.question, habit.description].filter(Boolean).join("\n").slice(0, 1000),
        difficulty: "NORMAL",
        stats: [stat],
        schedule,
        timesPerDay: 1,
        target,
        reminderTime: habit.reminder,
      },
      archived: habit.archived,
      ...(first !== undefined && { historyFrom: first }),
    });
    result.checkIns.push(...checkIns);
  }
  result.report = report(tally);
  return result;
}

function report(tally: Tally): ImportReport {
  return {
    skipped: [...tally]
      .filter(([, t]) => t.count > 0)
      .slice(0, 50)
      .map(([what, t]) => ({ what, count: t.count, why: t.why })),
  };
}
