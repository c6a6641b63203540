// Export files of other apps, built the way those apps build them (fflate for Loop's zip, sql.js for its SQLite
// backup), for the import tests, the e2e flow and the bench.
import { strToU8, zipSync } from "fflate";
import initSqlJs from "sql.js";
import { addDays, type DayKey } from "@/lib/time/rules";

export type LoopFixtureHabit = {
  name: string;
  question?: string;
  numerator?: number;
  denominator?: number;
  numerical?: { unit: string; target: number; atMost?: boolean };
  archived?: boolean;
  /** Per day: a Loop value (2 = YES_MANUAL, 1 = YES_AUTO, 0 = NO, 3 = SKIP, -1 = UNKNOWN, or an amount × 1000). */
  entries: { day: DayKey; value: number; note?: string }[];
  reminder?: { hour: number; minute: number; days?: number };
};

const NAMES: Record<number, string> = { [-1]: "UNKNOWN", 0: "NO", 1: "YES_AUTO", 2: "YES_MANUAL", 3: "SKIP" };

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Loop's folder name: "%03d %s" with the name stripped of anything but letters, digits, space, . _ - */
function folder(position: number, name: string) {
  return `${String(position).padStart(3, "0")} ${name.replace(/[^ a-zA-Z0-9._-]+/g, "").slice(0, 100)}`.trim();
}

/** A Loop CSV export zip: `legacy` is the format up to 2.3.0, otherwise 2.3.1+. Newest entries first, as Loop writes. */
export function loopCsvZip(habits: LoopFixtureHabit[], options: { legacy?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const header = options.legacy
    ? "Position,Name,Question,Description,NumRepetitions,Interval,Color"
    : "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?";
  const lines = habits.map((h, i) => {
    const position = String(i + 1).padStart(3, "0");
    const common = [position, csvCell(h.name)];
    const freq = [String(h.numerator ?? 1), String(h.denominator ?? 1)];
    if (options.legacy) return [...common, csvCell(h.question ?? ""), "", ...freq, "#FF8F00"].join(",");
    const n = h.numerical;
    return [
      ...common,
      n ? "NUMERICAL" : "YES_NO",
      csvCell(h.question ?? ""),
      "",
      ...freq,
      "#FF8F00",
      n ? csvCell(n.unit) : "",
      n ? (n.atMost ? "AT_MOST" : "AT_LEAST") : "",
      n ? n.target.toFixed(1) : "",
      String(Boolean(h.archived)),
    ].join(",");
  });
  files["Habits.csv"] = strToU8([header, ...lines].join("\n") + "\n");
  habits.forEach((h, i) => {
    const rows = [...h.entries]
      .sort((a, b) => b.day.localeCompare(a.day))
      .map((e) =>
        options.legacy
          ? `${e.day},${e.value}`
          : [e.day, h.numerical ? String(e.value) : (NAMES[e.value] ?? String(e.value)), csvCell(e.note ?? "")].join(
              ",",
            ),
      );
    const body = options.legacy ? rows : ["Date,Value,Notes", ...rows];
    files[`${folder(i + 1, h.name)}/Checkmarks.csv`] = strToU8(body.join("\n") + "\n");
    files[`${folder(i + 1, h.name)}/Scores.csv`] = strToU8("Date,Score\n");
  });
  files["Checkmarks.csv"] = strToU8("Date,\n");
  files["Scores.csv"] = strToU8("Date,\n");
  return zipSync(files);
}

/** A Loop .db backup with the schema of migration 25 (Habits, Repetitions with notes). */
export async function loopDb(habits: LoopFixtureHabit[]): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE Habits (id integer primary key autoincrement, archived integer, color integer,
    description text, freq_den integer, freq_num integer, highlight integer, name text, position integer,
    reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,
    type integer not null default 0, target_type integer not null default 0, target_value real not null default 0,
    unit text not null default "", question text, uuid text)`);
  db.run(`CREATE TABLE Repetitions (id integer primary key autoincrement, habit integer not null references habits(id),
    timestamp integer not null, value integer not null, notes text)`);
  habits.forEach((h, i) => {
    db.run(
      `INSERT INTO Habits (id, archived, color, description, freq_den, freq_num, highlight, name, position,
        reminder_hour, reminder_min, reminder_days, type, target_type, target_value, unit, question, uuid)
       VALUES (?, ?, 8, '', ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        i + 1,
        h.archived ? 1 : 0,
        h.denominator ?? 1,
        h.numerator ?? 1,
        h.name,
        i,
        h.reminder?.hour ?? null,
        h.reminder?.minute ?? null,
        h.reminder?.days ?? 127,
        h.numerical ? 1 : 0,
        h.numerical?.atMost ? 1 : 0,
        h.numerical?.target ?? 0,
        h.numerical?.unit ?? "",
        h.question ?? "",
        `uuid${i}`,
      ],
    );
    for (const e of h.entries) {
      db.run("INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)", [
        i + 1,
        Date.parse(`${e.day}T00:00:00Z`),
        e.value,
        e.note ?? null,
      ]);
    }
  });
  const bytes = db.export();
  db.close();
  return bytes;
}

/** `days` consecutive days ending `last`, oldest first. */
export function daysEnding(last: DayKey, days: number): DayKey[] {
  return Array.from({ length: days }, (_, i) => addDays(last, i - days + 1));
}

/** An instant on a day at a UTC hour, as Habitica stores dates (milliseconds). */
const at = (day: DayKey, hour: number) => Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

/**
 * A Habitica user data export covering every kind of daily frequency (every day, every X days, weekly on days,
 * every 2 weeks on one day, every 2 weeks on two days, monthly by day, monthly by week, yearly), a habit with + and
 * −, a to-do with a checklist and a due day, a completed to-do, a reward, day-level and averaged history.
 * Times are UTC; timezoneOffset −120 (UTC+2) and dayStart 4.
 */
export function habiticaExport(last: DayKey) {
  const days = daysEnding(last, 10);
  const daily = (id: string, extra: Record<string, unknown>, history: unknown[] = []) => ({
    _id: id,
    id,
    type: "daily",
    text: `Daily ${id}`,
    notes: "",
    priority: 1.5,
    attribute: "int",
    startDate: `${days[0]}T00:00:00.000Z`,
    everyX: 1,
    frequency: "weekly",
    repeat: { m: true, t: true, w: true, th: true, f: true, s: true, su: true },
    daysOfMonth: [],
    weeksOfMonth: [],
    checklist: [],
    history,
    reminders: [],
    ...extra,
  });
  return {
    _id: "user-1",
    preferences: { timezoneOffset: -120, dayStart: 4 },
    tasks: {
      habits: [
        {
          _id: "habit-water",
          id: "habit-water",
          type: "habit",
          text: "Drink water",
          notes: "8 glasses",
          priority: 1,
          attribute: "con",
          up: true,
          down: true,
          history: [
            { date: at("2020-01-01", 12), value: 3.2 }, // an average: no tap counts
            { date: at(days[8]!, 10), value: 1, scoredUp: 3, scoredDown: 1 },
            { date: at(days[9]!, 1), value: 1, scoredUp: 2, scoredDown: 0 }, // 03:00 local, before dayStart 4
          ],
          reminders: [{ id: "r1", time: `${days[0]}T05:30:00.000Z` }],
        },
      ],
      dailys: [
        daily("every-day", { frequency: "daily", everyX: 1, priority: 2, attribute: "str" }, [
          { date: at(days[5]!, 18), value: 1, isDue: true, completed: true },
          { date: at(days[6]!, 3), value: 0.5, isDue: true, completed: false },
          { date: at("2020-03-01", 0), value: 0.4 }, // an average
        ]),
        daily("every-3-days", { frequency: "daily", everyX: 3 }),
        daily("weekdays", { repeat: { m: true, t: false, w: true, th: false, f: true, s: false, su: false } }, [
          { date: at(days[9]!, 9), value: 1, isDue: true, completed: true },
        ]),
        daily("fortnightly", {
          everyX: 2,
          repeat: { m: false, t: true, w: false, th: false, f: false, s: false, su: false },
        }),
        daily("fortnightly-two-days", {
          everyX: 2,
          repeat: { m: true, t: true, w: false, th: false, f: false, s: false, su: false },
        }),
        daily("monthly-by-day", { frequency: "monthly", daysOfMonth: [15] }),
        daily("monthly-by-week", { frequency: "monthly", weeksOfMonth: [1], repeat: { m: true } }),
        daily("yearly", { frequency: "yearly" }),
      ],
      todos: [
        {
          _id: "todo-open",
          id: "todo-open",
          type: "todo",
          text: "File taxes",
          priority: 0.1,
          attribute: "per",
          date: `${days[9]}T22:00:00.000Z`,
          completed: false,
          checklist: [
            { id: "c1", text: "Receipts", completed: true },
            { id: "c2", text: "Forms", completed: false },
          ],
        },
        {
          _id: "todo-done",
          id: "todo-done",
          type: "todo",
          text: "Book dentist",
          priority: 1,
          completed: true,
          dateCompleted: `${days[7]}T08:00:00.000Z`,
          checklist: [],
        },
      ],
      rewards: [{ _id: "reward-1", type: "reward", text: "Coffee", value: 10 }],
    },
  };
}
