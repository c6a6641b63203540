/**
 * Habitica's user data export (Settings → Export data → user data as JSON: the user with `tasks.habits`,
 * `tasks.dailys`, `tasks.todos`, `tasks.rewards`). Days are Habitica's own: an instant belongs to the day given by
 * `preferences.timezoneOffset` and the custom day start `preferences.dayStart`. Habitica keeps each task's history
 * day by day only recently (older entries are merged into monthly and yearly averages, which carry no tap counts
 * and no completion): only the day-level entries are imported, and the others are counted in the report.
 */
import { z } from "zod";
import { ImportFileError } from "@/lib/imports/files";
import {
  earlierDay,
  fit,
  habiticaDate,
  habiticaDay,
  habiticaDifficulty,
  habiticaSchedule,
  habiticaStat,
} from "@/lib/imports/rules";
import type { ImportPlan, ImportQuest } from "@/lib/imports/schemas";
import { formatLocalTime, type DayKey } from "@/lib/time/rules";

const instant = z.union([z.number(), z.string()]).transform((value) => {
  const ms = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
});

const taskSchema = z
  .object({
    id: z.string().optional(),
    _id: z.string().optional(),
    text: z.string().default(""),
    notes: z.string().nullish(),
    priority: z.number().default(1),
    attribute: z.string().optional(),
    history: z.array(z.unknown()).default([]),
    checklist: z
      .array(z.object({ text: z.string().default(""), completed: z.boolean().default(false) }).loose())
      .default([]),
    up: z.boolean().optional(),
    down: z.boolean().optional(),
    frequency: z.string().optional(),
    everyX: z.number().optional(),
    repeat: z.record(z.string(), z.boolean()).optional(),
    startDate: instant.nullish(),
    daysOfMonth: z.array(z.number()).optional(),
    weeksOfMonth: z.array(z.number()).optional(),
    completed: z.boolean().optional(),
    dateCompleted: instant.nullish(),
    date: instant.nullish().catch(null),
    createdAt: instant.nullish(),
    reminders: z.array(z.object({ time: instant.nullish() }).loose()).default([]),
  })
  .loose();

type Task = z.infer<typeof taskSchema>;

const exportSchema = z
  .object({
    tasks: z
      .object({
        habits: z.array(taskSchema).default([]),
        dailys: z.array(taskSchema).default([]),
        todos: z.array(taskSchema).default([]),
        rewards: z.array(z.unknown()).default([]),
      })
      .loose(),
    preferences: z
      .object({ timezoneOffset: z.number().default(0), dayStart: z.number().default(0) })
      .loose()
      .default({ timezoneOffset: 0, dayStart: 0 }),
  })
  .loose();

const entrySchema = z
  .object({
    date: instant,
    scoredUp: z.number().int().min(0).optional(),
    scoredDown: z.number().int().min(0).optional(),
    completed: z.boolean().optional(),
  })
  .loose();

/** Whether a JSON document looks like Habitica's user data export. */
export function isHabiticaExport(json: unknown): boolean {
  return typeof json === "object" && json !== null && "tasks" in json && "preferences" in json;
}

export function parseHabitica(json: unknown): ImportPlan {
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) throw new ImportFileError(422, "This JSON is not a Habitica user data export.");
  const { tasks, preferences } = parsed.data;
  const zone = preferences.timezoneOffset;
  const dayStart = preferences.dayStart;
  const plan: ImportPlan = {
    source: "HABITICA",
    format: "Habitica user data (JSON)",
    quests: [],
    checkIns: [],
    skips: [],
    report: { skipped: [] },
    notes: {},
  };
  const skipped = new Map<string, { count: number; why: string }>();
  const skip = (what: string, why: string, n = 1) => {
    if (n <= 0) return;
    const entry = skipped.get(what) ?? { count: 0, why };
    entry.count += n;
    skipped.set(what, entry);
  };
  const used = new Map<string, number>();
  const checkIn = (ref: string, ms: number, extra: { note?: string } = {}) => {
    const day = habiticaDay(ms, zone, dayStart);
    const key = `${ref}|${day}`;
    const index = used.get(key) ?? 0;
    if (index > 999) return day;
    used.set(key, index + 1);
    plan.checkIns.push({ quest: ref, day, index, at: new Date(ms).toISOString(), ...extra });
    return day;
  };
  const refOf = (task: Task, i: number, kind: string) =>
    `h-${fit(task.id ?? task._id ?? `${kind}${i}`, 36).replace(/[^\w.-]/g, "")}`;
  const reminder = (task: Task): string | null => {
    if (task.reminders.length > 1)
      skip("extra reminders", "a quest has one reminder time: the first was kept", task.reminders.length - 1);
    const ms = task.reminders[0]?.time;
    if (ms === null || ms === undefined) return null;
    const local = new Date(ms - zone * 60_000);
    return formatLocalTime(local.getUTCHours() * 60 + local.getUTCMinutes());
  };
  const base = (task: Task) => ({
    title: fit(task.text, 100) || "Untitled Habitica task",
    notes: (task.notes ?? "").slice(0, 1000),
    difficulty: habiticaDifficulty(task.priority),
  });
  const entries = (task: Task) =>
    task.history.flatMap((raw) => {
      const entry = entrySchema.safeParse(raw);
      return entry.success && entry.data.date !== null ? [{ ...entry.data, date: entry.data.date }] : [];
    });

  tasks.habits.forEach((task, i) => {
    const ref = refOf(task, i, "habit");
    const stats = [habiticaStat(task.attribute)];
    // Habitica's habit has a + and a − button (either may be off): each side on becomes a habit of its own.
    const up = task.up ?? true;
    const down = task.down ?? true;
    const sides = [
      { ref, positive: true, on: up || !down, field: "scoredUp" as const },
      { ref: `${ref}-down`.slice(0, 40), positive: false, on: down, field: "scoredDown" as const },
    ].filter((side) => side.on);
    let aggregated = 0;
    const firsts = new Map<string, DayKey | undefined>();
    for (const entry of entries(task)) {
      if (entry.scoredUp === undefined && entry.scoredDown === undefined) {
        aggregated += 1;
        continue;
      }
      for (const side of sides) {
        const taps = entry[side.field] ?? 0;
        for (let n = 0; n < taps; n++)
          firsts.set(side.ref, earlierDay(firsts.get(side.ref), checkIn(side.ref, entry.date)));
      }
    }
    skip(
      "habit history entries older than day level",
      "Habitica merged them into monthly or yearly averages",
      aggregated,
    );
    for (const side of sides) {
      const first = firsts.get(side.ref);
      plan.quests.push({
        ref: side.ref,
        quest: {
          kind: "HABIT",
          ...base(task),
          title: side.positive ? base(task).title : fit(`${task.text} (−)`, 100),
          stats,
          positive: side.positive,
          reminderTime: side.positive ? reminder(task) : null,
        },
        ...(first !== undefined && { historyFrom: first }),
      });
    }
  });

  tasks.dailys.forEach((task, i) => {
    const ref = refOf(task, i, "daily");
    const start = task.startDate ?? task.createdAt;
    const startDay = start === null || start === undefined ? "2000-01-01" : habiticaDate(start, zone);
    const choice = habiticaSchedule(
      {
        frequency: task.frequency,
        everyX: task.everyX,
        repeat: task.repeat,
        daysOfMonth: task.daysOfMonth,
        weeksOfMonth: task.weeksOfMonth,
      },
      startDay,
    );
    let first: DayKey | undefined;
    let aggregated = 0;
    const done = new Set<DayKey>();
    for (const entry of entries(task)) {
      if (entry.completed === undefined) {
        aggregated += 1;
        continue;
      }
      const day = habiticaDay(entry.date, zone, dayStart);
      if (!entry.completed || done.has(day)) continue;
      done.add(day);
      checkIn(ref, entry.date);
      first = earlierDay(first, day);
    }
    skip(
      "daily history entries older than day level",
      "Habitica merged them into monthly or yearly averages",
      aggregated,
    );
    skip("checklist items on dailies", "a daily here has no checklist", task.checklist.length);
    const quest: ImportQuest["quest"] =
      "schedule" in choice
        ? {
            kind: "DAILY",
            ...base(task),
            stats: [habiticaStat(task.attribute)],
            schedule: choice.schedule,
            reminderTime: reminder(task),
          }
        : {
            kind: "HABIT",
            ...base(task),
            stats: [habiticaStat(task.attribute)],
            positive: true,
            reminderTime: reminder(task),
          };
    if ("unrepresentable" in choice) {
      skip(
        `schedule of "${fit(task.text, 60)}"`,
        `${choice.unrepresentable} has no equivalent here: imported as a habit, history kept`,
      );
      plan.notes[ref] = `${choice.unrepresentable}: imported as a habit`;
    } else if (choice.approximation) {
      plan.notes[ref] = choice.approximation;
    }
    plan.quests.push({ ref, quest, ...(first !== undefined && { historyFrom: first }) });
  });

  tasks.todos.forEach((task, i) => {
    const ref = refOf(task, i, "todo");
    if (task.checklist.length > 20)
      skip("checklist items past 20", "a to-do holds at most 20", task.checklist.length - 20);
    const due = task.date;
    plan.quests.push({
      ref,
      quest: {
        kind: "ONE_TIME",
        ...base(task),
        dueDay: due === null || due === undefined ? null : habiticaDate(due, zone),
        checklist: task.checklist
          .filter((item) => fit(item.text, 100) !== "")
          .slice(0, 20)
          .map((item) => ({ text: fit(item.text, 100), done: item.completed })),
        reminderTime: reminder(task),
      },
    });
    if (task.completed) {
      const when = task.dateCompleted ?? task.createdAt;
      if (when === null || when === undefined)
        skip("completed to-dos without a date", "the day it was done is unknown");
      else checkIn(ref, when);
    }
  });

  skip("rewards", "the System has its own rewards", tasks.rewards.length);
  plan.report = { skipped: [...skipped].slice(0, 50).map(([what, s]) => ({ what, count: s.count, why: s.why })) };
  return plan;
}
