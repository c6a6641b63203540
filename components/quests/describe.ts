import type { QuestDto } from "@/lib/quests/rules";
import type { Schedule } from "@/lib/quests/schemas";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Every day", "On Mon, Wed", "Every 3 days from 2026-01-05", "3 times a week". */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.type) {
    case "EVERY_DAY":
      return "Every day";
    case "WEEKDAYS":
      return `On ${schedule.days.map((d) => WEEKDAYS[d - 1]).join(", ")}`;
    case "EVERY_N_DAYS":
      return `Every ${schedule.n} days from ${schedule.anchor}`;
    case "TIMES_PER_WEEK":
      return `${schedule.n} times a week`;
  }
}

/** "Daily", "Habit", "To-do", "Penalty". */
export function kindLabel(kind: QuestDto["kind"]): string {
  return kind === "ONE_TIME" ? "To-do" : titleCase(kind);
}

/** "NORMAL" → "Normal". */
export function titleCase(word: string): string {
  return word[0] + word.slice(1).toLowerCase();
}

/** "At least 10,000 steps", "At most 2 coffees". */
export function describeTarget(target: NonNullable<QuestDto["target"]>): string {
  const amount = target.value.toLocaleString("en");
  return `${target.direction === "AT_MOST" ? "At most" : "At least"} ${amount} ${target.unit}`;
}
