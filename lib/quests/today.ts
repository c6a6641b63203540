/**
 * What a quest looks like on one of the Hunter's days (docs/rules.md "Today"): due or not, complete or not, its
 * progress toward a target or a weekly quota, a to-do's done and overdue marks, a checklist's progress. Pure: the
 * status window and the quest API both answer with this, so the screen and the API never disagree.
 */
import {
  isCompleteWith,
  isDueOn,
  type DayTally,
  type QuestKind,
  type QuestShape,
  type Target,
  weekCompletions,
} from "@/lib/quests/rules";
import type { Schedule } from "@/lib/quests/schemas";
import type { DayKey } from "@/lib/time/rules";

export type ChecklistItem = { text: string; done: boolean };

/** A quest as the API shows it (lib/quests/rules.ts QuestDto), which is all today's state needs. */
export type QuestOnDay = {
  kind: QuestKind;
  timesPerDay: number;
  positive: boolean;
  schedule: Schedule | null;
  target: { value: number; unit: string; direction: Target["direction"] } | null;
  dueDay: string | null;
  checklist: ChecklistItem[] | null;
  completedAt: string | null;
};

export type QuestToday = {
  /** Expected today: a DAILY due on its schedule (or with its weekly quota still open), an open to-do. */
  dueToday: boolean;
  /** Why a DAILY is not due today. */
  notDue: "NOT_SCHEDULED" | "QUOTA_MET" | "RESTING" | null;
  /** Nothing more today earns the completion: timesPerDay reached, the target reached, the to-do done. */
  completeToday: boolean;
  completionsToday: number;
  /** Today's total against a numeric target ("7,500 / 10,000 steps"). */
  progress: { value: number; target: number; unit: string; direction: Target["direction"] } | null;
  weekProgress: { done: number; required: number } | null;
  /** ONE_TIME: done on any day, and overdue when its due day passed undone. */
  done: boolean;
  overdue: boolean;
  /** A to-do's checklist: items ticked of all ("2/5"). */
  checklistProgress: { done: number; total: number } | null;
};

function checklistProgress(items: ChecklistItem[] | null): QuestToday["checklistProgress"] {
  if (!items || items.length === 0) return null;
  return { done: items.filter((item) => item.done).length, total: items.length };
}

/**
 * `week` holds the quest's tallies from Monday of today's week through today (missing days are empty); only a
 * weekly quota reads it. A weekly quota with a target counts the days its target was reached.
 */
export function questToday(
  quest: QuestOnDay,
  today: DayKey,
  context: { tally: DayTally; week: (day: DayKey) => DayTally; resting: boolean },
): QuestToday {
  const shape: QuestShape = quest;
  const { schedule } = shape;
  const target = quest.target;
  const base: QuestToday = {
    dueToday: false,
    notDue: null,
    completeToday: false,
    completionsToday: context.tally.count,
    progress: target && {
      value: context.tally.total,
      target: target.value,
      unit: target.unit,
      direction: target.direction,
    },
    weekProgress: null,
    done: false,
    overdue: false,
    checklistProgress: checklistProgress(quest.checklist),
  };
  if (quest.kind === "ONE_TIME") {
    const done = quest.completedAt !== null;
    return {
      ...base,
      dueToday: !done,
      done,
      completeToday: done,
      overdue: !done && quest.dueDay !== null && quest.dueDay < today,
    };
  }
  if (quest.kind !== "DAILY" || !schedule) return base;

  // An at-most target is judged when the day is settled: it never reads as complete while the day runs.
  const completeToday = target?.direction !== "AT_MOST" && isCompleteWith(shape, context.tally);
  if (schedule.type === "TIMES_PER_WEEK") {
    const done = weekCompletions(shape, today, context.week);
    const required = schedule.n * quest.timesPerDay;
    const open = done < required;
    return {
      ...base,
      completeToday,
      weekProgress: { done, required },
      dueToday: open && !context.resting,
      notDue: context.resting ? "RESTING" : open ? null : "QUOTA_MET",
    };
  }
  const scheduled = isDueOn(schedule, today);
  return {
    ...base,
    completeToday,
    dueToday: scheduled && !context.resting,
    notDue: context.resting ? "RESTING" : scheduled ? null : "NOT_SCHEDULED",
  };
}

/** Dailies due on `day` that are not complete: what "record yesterday" offers to tick. One definition for all. */
export function isOpenDailyOn(
  quest: QuestOnDay & { createdDay: DayKey },
  day: DayKey,
  tally: DayTally,
  resting: boolean,
): boolean {
  if (quest.kind !== "DAILY" || resting || quest.createdDay > day || !quest.schedule) return false;
  if (quest.target?.direction === "AT_MOST") return false;
  return isDueOn(quest.schedule, day) && !isCompleteWith(quest, tally);
}
