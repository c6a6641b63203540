/**
 * XP, gold, levels, ranks and stats (docs/rules.md "XP, gold, levels, ranks", "Stats"). Integer arithmetic throughout: awards are money-like and a
 * float rounding error at a boundary would award or level up wrongly.
 */
import { addDays, daysBetween, type DayKey } from "@/lib/time/rules";

export const DIFFICULTIES = ["EASY", "NORMAL", "HARD"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const BASE_XP: Readonly<Record<Difficulty, number>> = { EASY: 50, NORMAL: 100, HARD: 150 };

/** Player-streak thresholds (days) and the bonus percent from each, highest first. */
const STREAK_BONUS_STEPS = [
  { minStreak: 30, percent: 40 },
  { minStreak: 14, percent: 25 },
  { minStreak: 7, percent: 15 },
  { minStreak: 3, percent: 10 },
] as const;

export function streakBonusPercent(playerStreak: number): number {
  return STREAK_BONUS_STEPS.find((step) => playerStreak >= step.minStreak)?.percent ?? 0;
}

/** floor(base × (1 + bonus)) as floor(base × (100 + percent) / 100): 150 at 15% is exactly 172, not 172.4999…. */
export function awardXp(difficulty: Difficulty, playerStreak: number): number {
  return Math.floor((BASE_XP[difficulty] * (100 + streakBonusPercent(playerStreak))) / 100);
}

export function goldFor(xp: number): number {
  return Math.floor(xp / 10);
}

export function badHabitPenaltyXp(difficulty: Difficulty): number {
  return Math.floor(BASE_XP[difficulty] / 2);
}

/** Total XP needed to reach `level`: 100 × (L − 1)². */
export function xpForLevel(level: number): number {
  return 100 * (level - 1) ** 2;
}

/** The level a total XP reaches. The float sqrt is only a first guess, corrected against exact integer bounds. */
export function levelForXp(totalXp: number): number {
  if (totalXp < 100) return 1;
  let level = Math.floor(Math.sqrt(totalXp / 100)) + 1;
  while (xpForLevel(level) > totalXp) level -= 1;
  while (xpForLevel(level + 1) <= totalXp) level += 1;
  return level;
}

export function xpToNextLevel(totalXp: number): number {
  return xpForLevel(levelForXp(totalXp) + 1) - totalXp;
}

export type LevelProgress = { level: number; xpIntoLevel: number; xpForNextLevel: number; fraction: number };

/** For the XP bar: how far into the current level, out of the level's whole span. */
export function levelProgress(totalXp: number): LevelProgress {
  const level = levelForXp(totalXp);
  const floor = xpForLevel(level);
  const span = xpForLevel(level + 1) - floor;
  const xpIntoLevel = Math.max(0, totalXp - floor);
  return { level, xpIntoLevel, xpForNextLevel: span, fraction: xpIntoLevel / span };
}

export const STAT_POINTS_PER_LEVEL = 3;

export function statPointsEarned(level: number): number {
  return STAT_POINTS_PER_LEVEL * Math.max(0, level - 1);
}

/** Levels never go down: a bad habit tap removes at most the XP above the current level's floor. */
export function clampBadHabitLoss(totalXp: number, loss: number): number {
  const aboveFloor = totalXp - xpForLevel(levelForXp(totalXp));
  return Math.max(0, Math.min(loss, aboveFloor));
}

export const RANKS = ["E", "D", "C", "B", "A", "S"] as const;
export type Rank = (typeof RANKS)[number];
export type PromotionRank = Exclude<Rank, "E">;

export type RankTrial = {
  rank: PromotionRank;
  levelGate: number;
  /** How many active dailies must be at least `minStrength` at a rollover. */
  dailies: number;
  minStrength: number;
  minPlayerStreak: number;
};

export const RANK_TRIALS: Readonly<Record<PromotionRank, RankTrial>> = {
  D: { rank: "D", levelGate: 10, dailies: 3, minStrength: 0.5, minPlayerStreak: 0 },
  C: { rank: "C", levelGate: 20, dailies: 4, minStrength: 0.6, minPlayerStreak: 0 },
  B: { rank: "B", levelGate: 35, dailies: 5, minStrength: 0.7, minPlayerStreak: 0 },
  A: { rank: "A", levelGate: 50, dailies: 6, minStrength: 0.8, minPlayerStreak: 0 },
  S: { rank: "S", levelGate: 75, dailies: 7, minStrength: 0.9, minPlayerStreak: 30 },
};

export function rankIndex(rank: Rank): number {
  return RANKS.indexOf(rank);
}

const NEXT_RANK: Readonly<Record<Rank, PromotionRank | null>> = { E: "D", D: "C", C: "B", B: "A", A: "S", S: null };

export function nextRank(rank: Rank): PromotionRank | null {
  return NEXT_RANK[rank];
}

/** The trial for the rank above `rank`, once the level gate is reached; null at S or below the gate. */
export function rankTrialOpen(rank: Rank, level: number): RankTrial | null {
  const next = nextRank(rank);
  if (next === null) return null;
  const trial = RANK_TRIALS[next];
  return level >= trial.levelGate ? trial : null;
}

/** Judged at a rollover, from the strengths of the player's active (non-archived) dailies. */
export function rankTrialPassed(
  targetRank: PromotionRank,
  activeDailyStrengths: readonly number[],
  playerStreak: number,
): boolean {
  const trial = RANK_TRIALS[targetRank];
  const strongDailies = activeDailyStrengths.filter((strength) => strength >= trial.minStrength).length;
  return strongDailies >= trial.dailies && playerStreak >= trial.minPlayerStreak;
}

export const STATS = ["STR", "AGI", "VIT", "INT", "PER"] as const;
export type Stat = (typeof STATS)[number];

/** What each stat is and what feeds it: the settings' glossary and the status window's labels. */
export const STAT_GLOSSARY: Record<Stat, { name: string; fedBy: string }> = {
  STR: { name: "Strength", fedBy: "workouts, lifting, push-ups: quests that take force" },
  AGI: { name: "Agility", fedBy: "running, sports, stretching: movement and speed" },
  VIT: { name: "Vitality", fedBy: "sleep, water, food, rest: what keeps you going" },
  INT: { name: "Intelligence", fedBy: "reading, study, courses, practice: what you learn" },
  PER: { name: "Perception", fedBy: "meditation, journaling, reviewing your day: attention" },
};

export const BASE_STAT = 10;
export const JOB_STAT_BONUS = 5;
export const JOB_CHANGE_COOLDOWN_DAYS = 30;

export const JOB_NAMES = ["TANK", "MAGE", "ASSASSIN"] as const;

export const JOBS = {
  TANK: { name: "Tank", stats: ["STR", "VIT"] },
  MAGE: { name: "Mage", stats: ["INT", "PER"] },
  ASSASSIN: { name: "Assassin", stats: ["AGI", "PER"] },
} as const satisfies Record<(typeof JOB_NAMES)[number], { name: string; stats: readonly [Stat, Stat] }>;
export type Job = (typeof JOB_NAMES)[number];

/** The job as a sentence names the Hunter: "a Tank", "a Mage", "an Assassin". */
export function aJob(job: Job): string {
  const { name } = JOBS[job];
  return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
}

/** stat = 10 + job bonus + allocated points + round(10 × Σ strength of active quests tagged with it). */
export function statValue(
  stat: Stat,
  input: { job: Job | null; allocatedPoints: number; taggedStrengths: readonly number[] },
): number {
  const jobStats: readonly Stat[] = input.job ? JOBS[input.job].stats : [];
  const jobBonus = jobStats.includes(stat) ? JOB_STAT_BONUS : 0;
  const fromHabits = Math.round(10 * input.taggedStrengths.reduce((sum, strength) => sum + strength, 0));
  return BASE_STAT + jobBonus + input.allocatedPoints + fromHabits;
}

/** A job may change once per 30 days; `daysSinceLastChange` is null when the player never changed it. */
export function canChangeJob(daysSinceLastChange: number | null): boolean {
  return daysSinceLastChange === null || daysSinceLastChange >= JOB_CHANGE_COOLDOWN_DAYS;
}

/** The day a job last changed on `lastChange` may change again, or null when it may today. */
export function nextJobChangeDay(lastChange: DayKey | null, today: DayKey): DayKey | null {
  if (lastChange === null || canChangeJob(daysBetween(lastChange, today))) return null;
  return addDays(lastChange, JOB_CHANGE_COOLDOWN_DAYS);
}

type Allocations = {
  job: Job | null;
  allocatedStr: number;
  allocatedAgi: number;
  allocatedVit: number;
  allocatedInt: number;
  allocatedPer: number;
};

export function allocatedPoints(player: Allocations): Record<Stat, number> {
  return {
    STR: player.allocatedStr,
    AGI: player.allocatedAgi,
    VIT: player.allocatedVit,
    INT: player.allocatedInt,
    PER: player.allocatedPer,
  };
}

/** The five stats from the job, allocated points and the strength of the player's active quests (docs/rules.md "Stats"). */
export function playerStats(
  player: Allocations,
  activeQuests: ReadonlyArray<{ stats: readonly Stat[]; strength: number }>,
): Record<Stat, number> {
  const allocated = allocatedPoints(player);
  return Object.fromEntries(
    STATS.map((stat) => [
      stat,
      statValue(stat, {
        job: player.job,
        allocatedPoints: allocated[stat],
        taggedStrengths: activeQuests.filter((q) => q.stats.includes(stat)).map((q) => q.strength),
      }),
    ]),
  ) as Record<Stat, number>;
}

export type StatSource = {
  base: number;
  job: number;
  allocated: number;
  /** The active quests tagged with the stat and what each adds: round(10 × strength) in total. */
  quests: { id: string; title: string; strength: number }[];
};

/** What feeds each stat, for the status window's breakdown ("STR 24 = 10 + 5 Tank + 2 points + 7 from habits"). */
export function statSources(
  player: Allocations,
  activeQuests: ReadonlyArray<{ id: string; title: string; stats: readonly Stat[]; strength: number }>,
): Record<Stat, StatSource> {
  const allocated = allocatedPoints(player);
  const jobStats: readonly Stat[] = player.job ? JOBS[player.job].stats : [];
  return Object.fromEntries(
    STATS.map((stat) => [
      stat,
      {
        base: BASE_STAT,
        job: jobStats.includes(stat) ? JOB_STAT_BONUS : 0,
        allocated: allocated[stat],
        quests: activeQuests
          .filter((q) => q.stats.includes(stat))
          .map(({ id, title, strength }) => ({ id, title, strength })),
      },
    ]),
  ) as Record<Stat, StatSource>;
}
