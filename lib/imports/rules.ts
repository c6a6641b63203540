/**
 * How other apps' data becomes the System's (docs/rules.md "Imports"). Pure: the parsers in this folder read the
 * files, these rules decide what each thing means here.
 */
import { CHUNK_BYTES, IMPORT_LIMITS, type ImportChunk, type ImportPlan } from "@/lib/imports/schemas";
import { SCHEDULE_LIMITS, type Schedule } from "@/lib/quests/schemas";
import { addDays, daysBetween, formatLocalTime, weekday, type DayKey } from "@/lib/time/rules";

export type ScheduleChoice = { schedule: Schedule; approximation: string | null };

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function perWeek(n: number): Schedule {
  return n >= 7 ? { type: "EVERY_DAY" } : { type: "TIMES_PER_WEEK", n };
}

/**
 * Loop's frequency "numerator times in denominator days" → the nearest schedule: every day when it is at least
 * once a day, N times a week for N/7, every N days for 1/N, otherwise the weekly rate nearest to it (and, below
 * once a week, the nearest every-N-days).
 */
export function loopSchedule(numerator: number, denominator: number, anchor: DayKey): ScheduleChoice {
  const num = Math.max(1, Math.round(numerator));
  const den = Math.max(1, Math.round(denominator));
  if (num >= den) return { schedule: { type: "EVERY_DAY" }, approximation: null };
  if (den === 7) return { schedule: perWeek(num), approximation: null };
  const { min, max } = SCHEDULE_LIMITS.everyNDays;
  const label = `${num} ${num === 1 ? "time" : "times"} in ${den} days`;
  if (num === 1 && den <= max) return { schedule: { type: "EVERY_N_DAYS", n: den, anchor }, approximation: null };
  const weekly = Math.round((7 * num) / den);
  if (weekly >= 1) {
    const schedule = perWeek(weekly);
    return { schedule, approximation: `${label} → ${describe(schedule)}` };
  }
  const schedule: Schedule = { type: "EVERY_N_DAYS", n: clamp(Math.round(den / num), min, max), anchor };
  return { schedule, approximation: `${label} → ${describe(schedule)}` };
}

function describe(schedule: Schedule): string {
  switch (schedule.type) {
    case "EVERY_DAY":
      return "every day";
    case "TIMES_PER_WEEK":
      return `${schedule.n} ${schedule.n === 1 ? "time" : "times"} a week`;
    case "EVERY_N_DAYS":
      return `every ${schedule.n} days`;
    case "WEEKDAYS":
      return `on ${schedule.days.length} weekdays`;
  }
}

/** Loop's entry values (Entry.kt): the CSV of 2.3.1+ writes the names, older exports and the .db the numbers. */
export const LOOP_VALUES = { UNKNOWN: -1, NO: 0, YES_AUTO: 1, YES_MANUAL: 2, SKIP: 3 } as const;

/** A Checkmarks.csv value ("YES_MANUAL", "2", "12500") as Loop's integer, or null when it is neither. */
export function parseLoopValue(token: string): number | null {
  const name = token.trim().toUpperCase();
  if (name in LOOP_VALUES) return LOOP_VALUES[name as keyof typeof LOOP_VALUES];
  return /^-?\d+$/.test(name) ? Number(name) : null;
}

export type LoopEntryMeaning =
  | { kind: "CHECK_IN"; value: number | null }
  | { kind: "SKIP" }
  | { kind: "NOTHING"; reason: "YES_AUTO" | "UNKNOWN" | "NO" | "ZERO" };

/**
 * What one Loop entry means here: YES_MANUAL is a check-in on that day; YES_AUTO (Loop filled it in from the
 * frequency) and UNKNOWN are nothing; NO is nothing; SKIP freezes strength like a rest day. A numeric habit's
 * entries are amounts × 1000 (SKIP and UNKNOWN keep their codes, as in Loop's own score).
 */
export function loopEntry(value: number, numerical: boolean): LoopEntryMeaning {
  if (value === LOOP_VALUES.SKIP) return { kind: "SKIP" };
  if (value === LOOP_VALUES.UNKNOWN) return { kind: "NOTHING", reason: "UNKNOWN" };
  if (numerical) return value > 0 ? { kind: "CHECK_IN", value: value / 1000 } : { kind: "NOTHING", reason: "ZERO" };
  if (value === LOOP_VALUES.YES_MANUAL) return { kind: "CHECK_IN", value: null };
  return { kind: "NOTHING", reason: value === LOOP_VALUES.YES_AUTO ? "YES_AUTO" : "NO" };
}

/** A Loop reminder (hour, minute) as the quest's local reminder time, or null. */
export function loopReminder(hour: number | null, minute: number | null): string | null {
  if (hour === null || minute === null || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  return formatLocalTime(hour * 60 + minute);
}

/** The UTC calendar day of an instant (Loop's timestamps are UTC midnights of local days). */
export function utcDay(ms: number): DayKey {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The Habitica day an instant belongs to: local time by preferences.timezoneOffset (minutes, as JavaScript's
 * getTimezoneOffset: UTC+2 is −120), and before the custom day start (dayStart, hours) it is still the day before.
 */
export function habiticaDay(ms: number, timezoneOffset: number, dayStart: number): DayKey {
  const local = ms - timezoneOffset * 60_000;
  const day = utcDay(local);
  const hour = new Date(local).getUTCHours();
  return hour < dayStart ? addDays(day, -1) : day;
}

/** A Habitica date without a time of its own (a start or due date): its local calendar day, no day start. */
export function habiticaDate(ms: number, timezoneOffset: number): DayKey {
  return utcDay(ms - timezoneOffset * 60_000);
}

/** Habitica's priority (0.1 trivial, 1 easy, 1.5 medium, 2 hard) → difficulty. */
export function habiticaDifficulty(priority: number): "EASY" | "NORMAL" | "HARD" {
  if (priority >= 2) return "HARD";
  if (priority >= 1.5) return "NORMAL";
  return "EASY";
}

/** Habitica's attribute → stat: strength STR, constitution VIT, intelligence INT, perception PER. */
export function habiticaStat(attribute: string | undefined): "STR" | "VIT" | "INT" | "PER" {
  switch (attribute) {
    case "con":
      return "VIT";
    case "int":
      return "INT";
    case "per":
      return "PER";
    default:
      return "STR";
  }
}

const HABITICA_WEEKDAYS = { m: 1, t: 2, w: 3, th: 4, f: 5, s: 6, su: 7 } as const;

export type HabiticaSchedule = {
  frequency?: string;
  everyX?: number;
  repeat?: Partial<Record<keyof typeof HABITICA_WEEKDAYS, boolean>>;
  daysOfMonth?: number[];
  weeksOfMonth?: number[];
};

export type HabiticaScheduleChoice = ScheduleChoice | { unrepresentable: string };

/**
 * A Habitica daily's repeat (cron.js shouldDo) → the nearest schedule. Every X days and weekly on chosen days are
 * exact; every X weeks on one weekday is every 7·X days from its first such day; monthly on days of the month and
 * yearly are approximated by every N days (and said so); what has no near equivalent — monthly by week of the month,
 * every X weeks on several days, no day at all — is reported, not guessed.
 */
export function habiticaSchedule(task: HabiticaSchedule, start: DayKey): HabiticaScheduleChoice {
  const everyX = Math.max(1, Math.round(task.everyX ?? 1));
  const days = Object.entries(task.repeat ?? {})
    .filter(([, on]) => on)
    .map(([key]) => HABITICA_WEEKDAYS[key as keyof typeof HABITICA_WEEKDAYS])
    .filter((d): d is (typeof HABITICA_WEEKDAYS)[keyof typeof HABITICA_WEEKDAYS] => d !== undefined)
    .sort((a, b) => a - b);
  const { max } = SCHEDULE_LIMITS.everyNDays;
  switch (task.frequency) {
    case "daily":
      if (everyX === 1) return { schedule: { type: "EVERY_DAY" }, approximation: null };
      if (everyX > max) return { unrepresentable: `every ${everyX} days (the System's longest is ${max})` };
      return { schedule: { type: "EVERY_N_DAYS", n: everyX, anchor: start }, approximation: null };
    case "weekly":
    case undefined:
      if (days.length === 0) return { unrepresentable: "weekly with no weekday chosen" };
      if (everyX === 1) {
        return days.length === 7
          ? { schedule: { type: "EVERY_DAY" }, approximation: null }
          : { schedule: { type: "WEEKDAYS", days }, approximation: null };
      }
      if (days.length > 1) return { unrepresentable: `every ${everyX} weeks on several weekdays` };
      if (7 * everyX > max) return { unrepresentable: `every ${everyX} weeks` };
      return {
        schedule: { type: "EVERY_N_DAYS", n: 7 * everyX, anchor: nextWeekday(start, days[0]!) },
        approximation: null,
      };
    case "monthly": {
      if ((task.weeksOfMonth ?? []).length > 0) return { unrepresentable: "monthly by week of the month" };
      const perMonth = Math.max(1, (task.daysOfMonth ?? []).length);
      const n = Math.round((30.44 * everyX) / perMonth);
      if (n > max) return { unrepresentable: `every ${everyX} months` };
      const schedule: Schedule = n <= 1 ? { type: "EVERY_DAY" } : { type: "EVERY_N_DAYS", n, anchor: start };
      const label = everyX === 1 ? "monthly" : `every ${everyX} months`;
      return { schedule, approximation: `${label} on ${perMonth} day(s) of the month → ${describe(schedule)}` };
    }
    case "yearly":
      if (everyX > 1) return { unrepresentable: `every ${everyX} years` };
      return {
        schedule: { type: "EVERY_N_DAYS", n: max, anchor: start },
        approximation: `yearly → every ${max} days`,
      };
    default:
      return { unrepresentable: `repeats "${task.frequency}"` };
  }
}

/** The first day on or after `day` that falls on ISO weekday `target`. */
function nextWeekday(day: DayKey, target: number): DayKey {
  return addDays(day, (target - weekday(day) + 7) % 7);
}

/** The earlier of two days (either may be missing). */
export function earlierDay(a: DayKey | undefined, b: DayKey | undefined): DayKey | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** Text cut to a field's limit (titles, units, checklist items), whitespace tidied. */
export function fit(text: string | null | undefined, max: number): string {
  const tidy = (text ?? "").replace(/\s+/g, " ").trim();
  return tidy.length > max ? `${tidy.slice(0, max - 1)}…` : tidy;
}

/** Per quest: how many check-ins and skips the plan holds, and its first and last imported day (the preview). */
export function planSummary(plan: Pick<ImportPlan, "quests" | "checkIns" | "skips">) {
  const byRef = new Map(
    plan.quests.map((q) => [q.ref, { checkIns: 0, skips: 0, first: undefined as DayKey | undefined, last: "" }]),
  );
  const see = (ref: string, day: DayKey, field: "checkIns" | "skips") => {
    const entry = byRef.get(ref);
    if (!entry) return;
    entry[field] += 1;
    entry.first = earlierDay(entry.first, day);
    if (day > entry.last) entry.last = day;
  };
  for (const c of plan.checkIns) see(c.quest, c.day, "checkIns");
  for (const s of plan.skips) see(s.quest, s.day, "skips");
  return byRef;
}

/** The number of days from the first to the last imported day, both included (0 when nothing is dated). */
export function daySpan(first: DayKey | undefined, last: DayKey): number {
  return first === undefined || last === "" ? 0 : daysBetween(first, last) + 1;
}

/**
 * The plan cut into chunks for POST /api/v1/imports/{id}/chunks: quests first (check-ins point at them), each
 * chunk's JSON under CHUNK_BYTES and at most rowsPerChunk rows, order kept.
 */
export function chunkPlan(plan: Pick<ImportPlan, "quests" | "checkIns" | "skips">): ImportChunk[] {
  const chunks: ImportChunk[] = [];
  let current = { quests: [], checkIns: [], skips: [] } as Required<ImportChunk>;
  let bytes = 2;
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    chunks.push(current);
    current = { quests: [], checkIns: [], skips: [] };
    bytes = 2;
    rows = 0;
  };
  const add = <K extends keyof Required<ImportChunk>>(key: K, row: Required<ImportChunk>[K][number]) => {
    const size = JSON.stringify(row).length + 1;
    // Field names and brackets of the three arrays: 40 bytes is plenty.
    if (bytes + size + 40 > CHUNK_BYTES || rows >= IMPORT_LIMITS.rowsPerChunk) flush();
    (current[key] as unknown[]).push(row);
    bytes += size;
    rows += 1;
  };
  for (const quest of plan.quests) add("quests", quest);
  for (const checkIn of plan.checkIns) add("checkIns", checkIn);
  for (const skip of plan.skips) add("skips", skip);
  flush();
  return chunks;
}
