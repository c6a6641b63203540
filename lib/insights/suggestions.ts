/**
 * What the System suggests (docs/rules.md "The System speaks"): a quest for the weakest stat, an easier
 * variant of a struggling daily (a smaller target, fewer days a week, an earlier reminder) and an optional flavour
 * rename. Pure: the words are the voice's, the numbers come from here.
 */
import { recentRecord } from "@/lib/insights/risk";
import type { InsightQuest, Tally } from "@/lib/insights/rules";
import { flavourFor } from "@/lib/insights/voice";
import { STATS, type Stat } from "@/lib/progression/rules";
import type { Schedule } from "@/lib/quests/schemas";
import { formatLocalTime, parseLocalTime, weekday, type DayKey } from "@/lib/time/rules";

/** A daily is struggling when it was done on less than 60% of at least 7 due days (2 weeks for a weekly quota). */
export const STRUGGLING = { maxRate: 0.6, minDueDays: 7, minDueWeeks: 2 } as const;
const MAX_EASIER = 3;
const MAX_RENAMES = 2;

type Target = { value: number; unit: string; direction: "AT_LEAST" | "AT_MOST" };

/** A DAILY the Hunter can create in one tap: a valid createQuestSchema input. */
export type NewQuestDraft = {
  kind: "DAILY";
  title: string;
  difficulty: "EASY";
  stats: [Stat];
  schedule: { type: "EVERY_DAY" };
  target: Target | null;
};

/** The starter quest the System offers for each stat. */
export const STAT_STARTERS: Record<Stat, { title: string; target: Target | null }> = {
  STR: { title: "20 push-ups", target: null },
  AGI: { title: "Walk 20 minutes", target: null },
  VIT: { title: "Drink 8 glasses of water", target: { value: 8, unit: "glasses", direction: "AT_LEAST" } },
  INT: { title: "Read 10 pages", target: { value: 10, unit: "pages", direction: "AT_LEAST" } },
  PER: { title: "Meditate 5 minutes", target: null },
};

/** An updateQuestSchema input that makes a daily easier. */
export type EasierChange = { target?: Target; schedule?: Schedule; reminderTime?: string };

export type Suggestion =
  | { id: string; kind: "NEW_QUEST"; stat: Stat; statValue: number; draft: NewQuestDraft }
  | {
      id: string;
      kind: "EASIER";
      questId: string;
      title: string;
      variant: "SMALLER_TARGET" | "FEWER_DAYS" | "EARLIER_REMINDER";
      done: number;
      due: number;
      change: EasierChange;
    }
  | { id: string; kind: "RENAME"; questId: string; title: string; change: { title: string } };

/** A suggestion with the words that go with it (the model's, or the built-in voice's). */
export type Recommendation = Suggestion & { text: string };

export type SuggestionInput = {
  today: DayKey;
  /** The Hunter's active quests. */
  quests: readonly InsightQuest[];
  stats: Record<Stat, number>;
  tally: Tally;
  restDays: ReadonlySet<DayKey>;
};

/** Half a target, kept to two significant figures (10,000 steps → 5,000; 20 pages → 10; 3 → 2). */
export function halveTarget(value: number): number {
  const half = value / 2;
  if (half < 100) return Math.max(1, Math.round(half));
  const unit = 10 ** (Math.floor(Math.log10(half)) - 1);
  return Math.round(half / unit) * unit;
}

function fewerDays(quest: InsightQuest, record: ReadonlyArray<{ day: DayKey; done: boolean }>): Schedule | null {
  const schedule = quest.schedule;
  if (!schedule || quest.target?.direction === "AT_MOST") return null;
  const done = record.filter((r) => r.done).length;
  switch (schedule.type) {
    case "EVERY_DAY":
      return { type: "TIMES_PER_WEEK", n: Math.min(6, Math.max(1, Math.round((done / record.length) * 7))) };
    case "WEEKDAYS": {
      if (schedule.days.length < 2) return null;
      // Drop the weekday missed most often (the later one on a tie).
      const misses = (day: number) => record.filter((r) => !r.done && weekday(r.day) === day).length;
      const drop = [...schedule.days].sort((a, b) => misses(b) - misses(a) || b - a)[0];
      return { type: "WEEKDAYS", days: schedule.days.filter((d) => d !== drop) };
    }
    case "TIMES_PER_WEEK":
      return schedule.n > 1 ? { type: "TIMES_PER_WEEK", n: schedule.n - 1 } : null;
    case "EVERY_N_DAYS":
      return schedule.n < 365 ? { ...schedule, n: schedule.n + 1 } : null;
  }
}

function earlierReminder(time: string | null): string | null {
  if (!time) return null;
  const minute = parseLocalTime(time);
  return minute >= 60 ? formatLocalTime(minute - 60) : null;
}

function easier(quest: InsightQuest, record: ReadonlyArray<{ day: DayKey; done: boolean }>) {
  const target = quest.target;
  if (target?.direction === "AT_LEAST" && target.value > 1 && halveTarget(target.value) < target.value) {
    return { variant: "SMALLER_TARGET" as const, change: { target: { ...target, value: halveTarget(target.value) } } };
  }
  const schedule = fewerDays(quest, record);
  if (schedule) return { variant: "FEWER_DAYS" as const, change: { schedule } };
  const reminder = earlierReminder(quest.reminderTime);
  if (reminder) return { variant: "EARLIER_REMINDER" as const, change: { reminderTime: reminder } };
  return null;
}

/** The System's suggestions, most useful first: easier variants, then the weakest stat's quest, then renames. */
export function suggestions(input: SuggestionInput): Suggestion[] {
  const result: Suggestion[] = [];
  const struggling = input.quests
    .filter((q) => q.kind === "DAILY")
    .flatMap((quest) => {
      const record = recentRecord(quest, input.today, input.tally, input.restDays);
      const done = record.filter((r) => r.done).length;
      const minDue = quest.schedule?.type === "TIMES_PER_WEEK" ? STRUGGLING.minDueWeeks : STRUGGLING.minDueDays;
      if (record.length < minDue || done / record.length >= STRUGGLING.maxRate) return [];
      const variant = easier(quest, record);
      return variant ? [{ quest, done, due: record.length, ...variant }] : [];
    })
    .sort((a, b) => a.done / a.due - b.done / b.due)
    .slice(0, MAX_EASIER);
  for (const { quest, done, due, variant, change } of struggling) {
    result.push({
      id: `easier-${quest.id}`,
      kind: "EASIER",
      questId: quest.id,
      title: quest.title,
      variant,
      done,
      due,
      change,
    });
  }

  const weakest = STATS.reduce((low, stat) => (input.stats[stat] < input.stats[low] ? stat : low), STATS[0]);
  const starter = STAT_STARTERS[weakest];
  const titles = new Set(input.quests.map((q) => q.title.trim().toLowerCase()));
  if (!titles.has(starter.title.toLowerCase())) {
    result.push({
      id: `new-${weakest}`,
      kind: "NEW_QUEST",
      stat: weakest,
      statValue: input.stats[weakest],
      draft: {
        kind: "DAILY",
        title: starter.title,
        difficulty: "EASY",
        stats: [weakest],
        schedule: { type: "EVERY_DAY" },
        target: starter.target,
      },
    });
  }

  let renames = 0;
  for (const quest of input.quests) {
    if (renames >= MAX_RENAMES || quest.kind === "PENALTY") continue;
    const flavour = flavourFor(quest.title);
    if (!flavour || flavour.toLowerCase() === quest.title.toLowerCase()) continue;
    result.push({
      id: `rename-${quest.id}`,
      kind: "RENAME",
      questId: quest.id,
      title: quest.title,
      change: { title: flavour },
    });
    renames += 1;
  }
  return result;
}
