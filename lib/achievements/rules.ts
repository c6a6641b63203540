/**
 * Achievement rules (docs/rules.md "Achievements"). Unlocks are judged from counters the caller keeps as events happen (streak, level,
 * check-in count, ...), never by scanning history, so checking after every check-in stays cheap.
 */
import { localMinuteOfDay } from "@/lib/time/rules";
import { rankIndex } from "@/lib/progression/rules";
import type { PromotionRank, Rank } from "@/lib/progression/rules";

export const RARITIES = ["COMMON", "RARE", "EPIC", "LEGENDARY"] as const;
export type Rarity = (typeof RARITIES)[number];

/** One-off moments the caller records into `snapshot.specials` when they happen. */
export const SPECIAL_EVENTS = [
  "AWAKENING_COMPLETED",
  "PENALTY_CLEARED",
  "PERFECT_WEEK",
  "SHIELD_SAVED_STREAK",
  "REST_TAKEN",
  "WEEKLY_REPORT_READ",
  "JOB_CHANGED",
  "QUEST_CREATED",
] as const;
export type SpecialEvent = (typeof SPECIAL_EVENTS)[number];

export type CounterKind = "STREAK" | "LEVEL" | "QUEST_COUNT" | "STAT" | "EARLY_CHECK_INS";

export type AchievementTrigger =
  | { kind: CounterKind; threshold: number }
  | { kind: "RANK"; rank: PromotionRank }
  | { kind: "SPECIAL"; event: SpecialEvent };

export type Achievement = {
  /** Stable kebab-case id, stored with the unlock: never rename one. */
  id: string;
  name: string;
  description: string;
  rarity: Rarity;
  trigger: AchievementTrigger;
  reward: { xp?: number; gold?: number };
  /** A title the Hunter may equip once this is unlocked. */
  title?: string;
};

export type AchievementSnapshot = {
  /** The current player streak: a streak achievement stays unlocked after the streak breaks. */
  streak: number;
  level: number;
  rank: Rank;
  totalCheckIns: number;
  /** The highest of the five stats. */
  maxStat: number;
  earlyCheckIns: number;
  specials: ReadonlySet<string>;
};

const COUNTERS: Readonly<Record<CounterKind, (snapshot: AchievementSnapshot) => number>> = {
  STREAK: (s) => s.streak,
  LEVEL: (s) => s.level,
  QUEST_COUNT: (s) => s.totalCheckIns,
  STAT: (s) => s.maxStat,
  EARLY_CHECK_INS: (s) => s.earlyCheckIns,
};

export function isEarned(trigger: AchievementTrigger, snapshot: AchievementSnapshot): boolean {
  switch (trigger.kind) {
    case "RANK":
      return rankIndex(snapshot.rank) >= rankIndex(trigger.rank);
    case "SPECIAL":
      return snapshot.specials.has(trigger.event);
    default:
      return COUNTERS[trigger.kind](snapshot) >= trigger.threshold;
  }
}

/** How far a counter achievement has come ("37 of 100"); null for ranks and one-off moments. */
export function progressOf(
  trigger: AchievementTrigger,
  snapshot: Omit<AchievementSnapshot, "rank" | "specials">,
): { value: number; target: number } | null {
  if (trigger.kind === "RANK" || trigger.kind === "SPECIAL") return null;
  const value = COUNTERS[trigger.kind]({ ...snapshot, rank: "E", specials: new Set() });
  return { value: Math.min(value, trigger.threshold), target: trigger.threshold };
}

/** Achievements earned by the snapshot and not unlocked before, in catalogue order. */
export function newlyUnlocked(
  catalogue: readonly Achievement[],
  snapshot: AchievementSnapshot,
  alreadyUnlocked: ReadonlySet<string>,
): Achievement[] {
  return catalogue.filter(
    (achievement) => !alreadyUnlocked.has(achievement.id) && isEarned(achievement.trigger, snapshot),
  );
}

/**
 * "Early Riser" counts check-ins from 04:00 to before 07:00 local wall-clock time: a check-in at 01:00 is a late
 * night, not an early morning, even though it is "before 07:00".
 */
export const EARLY_RISER_WINDOW = { fromMinute: 4 * 60, beforeMinute: 7 * 60 } as const;

export function isEarlyCheckIn(instant: Date, timeZone: string): boolean {
  const minute = localMinuteOfDay(instant, timeZone);
  return minute >= EARLY_RISER_WINDOW.fromMinute && minute < EARLY_RISER_WINDOW.beforeMinute;
}
