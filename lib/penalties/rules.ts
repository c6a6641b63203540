/**
 * The Penalty Zone's rules (docs/rules.md "Penalty Zone"): what clears a Survival Quest and what failing one
 * costs. Pure: the penalty service persists what these return.
 */
import { clampBadHabitLoss } from "@/lib/progression/rules";
import type { QuestKind } from "@/lib/quests/rules";

export const PENALTY_QUEST = {
  title: "Survival Quest",
  description: "Complete 2 quests within 6 hours.",
  windowHours: 6,
  questsRequired: 2,
  /** The alternative the player may pick in settings: a short task of their own. */
  chosenTaskMinutes: 2,
} as const;

/** A Survival Quest must be cleared within its window from the moment it is issued. */
export function penaltyDeadline(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + PENALTY_QUEST.windowHours * 3_600_000);
}

/** Failing a Survival Quest costs a share of gold and some XP, and returns part of what it held. */
export const PENALTY_FAILURE = {
  /** Percent of the Hunter's gold, rounded down. */
  fineGoldPercent: 10,
  /** XP taken, never below the floor of the current level. */
  fineXp: 100,
  /** Percent of the held XP and gold credited anyway: an attempt is never worse than doing nothing. */
  returnedPercent: 50,
} as const;

/** A Survival Quest asks for 2 quests, or 1 when the Hunter has only one daily or open to-do to complete. */
export function penaltyRequirement(completableQuests: number): number {
  return Math.min(PENALTY_QUEST.questsRequired, Math.max(1, completableQuests));
}

/**
 * Whether a check-in counts toward the Survival Quest: it completes one of the Hunter's dailies for the day, or a
 * to-do that existed before the zone opened. Habit taps and to-dos made inside the zone do not count.
 */
export function countsTowardPenalty(
  quest: { kind: QuestKind; createdAt: Date },
  completesQuest: boolean,
  penaltyOpenedAt: Date,
): boolean {
  if (!completesQuest) return false;
  return quest.kind === "DAILY" || (quest.kind === "ONE_TIME" && quest.createdAt < penaltyOpenedAt);
}

export type PenaltyFailure = { returnedXp: number; returnedGold: number; fineXp: number; fineGold: number };

/**
 * What a failed Survival Quest moves: the fine is taken from the Hunter's totals (never below the level's floor),
 * then half of the held awards are credited, so trying always ends ahead of ignoring it. One fine per Survival
 * Quest, and at most one Survival Quest per rollover, so it never compounds.
 */
export function penaltyFailure(player: { xp: number; gold: number; heldXp: number; heldGold: number }): PenaltyFailure {
  return {
    fineXp: clampBadHabitLoss(player.xp, PENALTY_FAILURE.fineXp),
    fineGold: Math.floor((Math.max(0, player.gold) * PENALTY_FAILURE.fineGoldPercent) / 100),
    returnedXp: Math.floor((player.heldXp * PENALTY_FAILURE.returnedPercent) / 100),
    returnedGold: Math.floor((player.heldGold * PENALTY_FAILURE.returnedPercent) / 100),
  };
}
