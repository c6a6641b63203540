/**
 * What the statistics screens draw (docs/rules.md "Statistics"), from plain data: pure, table-tested. Imported
 * history is history like any other here.
 */
import { dayOutcome, type DailyForDay } from "@/lib/days/rules";
import { isCompleteWith, type Schedule, type Target } from "@/lib/quests/rules";
import { addDays, weekStart, weekday, type DayKey } from "@/lib/time/rules";

export type Point = { label: string; value: number };

/** Per-day values summed by week (labelled by the week's Monday), the last `weeks` weeks ending `today`'s week. */
export function byWeek(values: ReadonlyMap<DayKey, number>, today: DayKey, weeks: number): Point[] {
  const last = weekStart(today);
  return Array.from({ length: weeks }, (_, i) => {
    const monday = addDays(last, 7 * (i - weeks + 1));
    let value = 0;
    for (let d = 0; d < 7; d++) value += values.get(addDays(monday, d)) ?? 0;
    return { label: monday, value };
  });
}

/** Per-day values summed by calendar month ("2040-03"), the last `months` months ending `today`'s month. */
export function byMonth(values: ReadonlyMap<DayKey, number>, today: DayKey, months: number): Point[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const sums = new Map<string, number>();
  for (const [day, value] of values) sums.set(day.slice(0, 7), (sums.get(day.slice(0, 7)) ?? 0) + value);
  return Array.from({ length: months }, (_, i) => {
    const index = year * 12 + (month - 1) - (months - 1 - i);
    const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    return { label, value: sums.get(label) ?? 0 };
  });
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Completions per weekday, Monday first. */
export function weekdayPattern(values: ReadonlyMap<DayKey, number>): Point[] {
  const sums = [0, 0, 0, 0, 0, 0, 0];
  for (const [day, value] of values) sums[weekday(day) - 1]! += value;
  return sums.map((value, i) => ({ label: WEEKDAYS[i]!, value }));
}

/** Every `step`-th point of a daily series, always keeping the last (a year of strength as ~52 points). */
export function sample<T>(series: readonly T[], step: number): T[] {
  return series.filter((_, i) => (series.length - 1 - i) % step === 0);
}

export type ImportedDaily = {
  id: string;
  schedule: Schedule;
  timesPerDay: number;
  target: Target | null;
  /** Its history's first day and, if archived, the day it was archived. */
  from: DayKey;
  until: DayKey | null;
  skips: ReadonlySet<DayKey>;
};

/**
 * Whether a day the System never settled (before the Hunter's first day: imported history) was cleared, judged by
 * the same rule as a settled day: every daily of the time due that day complete. A skipped daily is not due that
 * day (rest-like); a day with none due is not cleared.
 */
export function clearedFromHistory(
  day: DayKey,
  dailies: readonly ImportedDaily[],
  tally: (questId: string, day: DayKey) => { count: number; total: number },
): boolean {
  const monday = weekStart(day);
  const active = dailies.filter((q) => q.from <= day && (q.until === null || day < q.until) && !q.skips.has(day));
  const forDay: DailyForDay[] = active.map((q) => {
    let week = 0;
    for (let d = monday; d <= day; d = addDays(d, 1)) {
      const t = tally(q.id, d);
      week += q.target
        ? isCompleteWith({ timesPerDay: q.timesPerDay, target: q.target }, t) && t.count > 0
          ? q.timesPerDay
          : 0
        : t.count;
    }
    const t = tally(q.id, day);
    return {
      schedule: q.schedule,
      timesPerDay: q.timesPerDay,
      completionsOnDay: t.count,
      completionsInWeekThroughDay: week,
      target: q.target,
      totalOnDay: t.total,
    };
  });
  return dayOutcome({ day, rest: false, dailies: forDay }) === "CLEARED";
}

/** "Most in a week: 7 (2040-03-12)": the words a screen reader gets for a bar chart. */
export function barSummary(points: readonly Point[], unit: string): string {
  const total = points.reduce((sum, p) => sum + p.value, 0);
  if (total === 0) return `No ${unit} in this period.`;
  const best = points.reduce((a, b) => (b.value > a.value ? b : a));
  return `${total.toLocaleString("en")} ${unit} in all; the most, ${best.value.toLocaleString("en")}, in ${best.label}.`;
}
