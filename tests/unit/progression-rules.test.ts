import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aJob,
  awardXp,
  badHabitPenaltyXp,
  BASE_XP,
  canChangeJob,
  nextJobChangeDay,
  clampBadHabitLoss,
  DIFFICULTIES,
  goldFor,
  levelForXp,
  levelProgress,
  nextRank,
  RANK_TRIALS,
  RANKS,
  rankTrialOpen,
  rankTrialPassed,
  statPointsEarned,
  statValue,
  streakBonusPercent,
  xpForLevel,
  xpToNextLevel,
} from "@/lib/progression/rules";

describe("XP and gold", () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 10],
    [6, 10],
    [7, 15],
    [13, 15],
    [14, 25],
    [29, 25],
    [30, 40],
    [365, 40],
  ])("a %i-day streak gives a %i%% bonus", (streak, percent) => {
    expect(streakBonusPercent(streak)).toBe(percent);
  });

  it.each([
    ["EASY", 0, 50],
    ["NORMAL", 0, 100],
    ["HARD", 0, 150],
    ["EASY", 3, 55],
    ["HARD", 7, 172], // 172.5 floored in integer arithmetic
    ["EASY", 7, 57],
    ["NORMAL", 14, 125],
    ["EASY", 30, 70],
    ["HARD", 30, 210],
  ] as const)("%s at streak %i awards %i XP", (difficulty, streak, xp) => {
    expect(awardXp(difficulty, streak)).toBe(xp);
  });

  it.each([
    [172, 17],
    [55, 5],
    [9, 0],
    [0, 0],
  ])("%i XP pays %i gold", (xp, gold) => {
    expect(goldFor(xp)).toBe(gold);
  });

  it("a bad habit costs half the base", () => {
    expect(DIFFICULTIES.map(badHabitPenaltyXp)).toEqual([25, 50, 75]);
  });

  it("an award is never below base and never above base + 40%", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIFFICULTIES), fc.nat(10_000), (difficulty, streak) => {
        const xp = awardXp(difficulty, streak);
        return Number.isInteger(xp) && xp >= BASE_XP[difficulty] && xp <= BASE_XP[difficulty] * 1.4;
      }),
    );
  });
});

describe("levels", () => {
  it.each([
    [1, 0],
    [2, 100],
    [5, 1_600],
    [10, 8_100],
    [20, 36_100],
    [50, 240_100],
  ])("level %i needs %i XP", (level, xp) => {
    expect(xpForLevel(level)).toBe(xp);
    expect(levelForXp(xp)).toBe(level);
  });

  it.each([
    [-5, 1],
    [0, 1],
    [99, 1],
    [100, 2],
    [399, 2],
    [400, 3],
    [8_099, 9],
  ])("%i XP is level %i", (xp, level) => {
    expect(levelForXp(xp)).toBe(level);
  });

  it("levelForXp is exact at every boundary up to level 1000", () => {
    for (let level = 2; level <= 1_000; level++) {
      expect(levelForXp(xpForLevel(level))).toBe(level);
      expect(levelForXp(xpForLevel(level) - 1)).toBe(level - 1);
    }
  });

  it("level never decreases as XP grows", () => {
    fc.assert(
      fc.property(fc.nat(200_000_000), fc.nat(1_000_000), (xp, more) => levelForXp(xp + more) >= levelForXp(xp)),
    );
  });

  it("reports progress through the current level", () => {
    expect(levelProgress(1_700)).toEqual({ level: 5, xpIntoLevel: 100, xpForNextLevel: 900, fraction: 100 / 900 });
    expect(levelProgress(0)).toEqual({ level: 1, xpIntoLevel: 0, xpForNextLevel: 100, fraction: 0 });
    expect(xpToNextLevel(1_700)).toBe(800);
    expect(xpToNextLevel(2_500)).toBe(1_100);
  });

  it("grants 3 stat points per level gained", () => {
    expect([1, 2, 10].map(statPointsEarned)).toEqual([0, 3, 27]);
  });

  it.each([
    [1_650, 75, 50], // only 50 above the level-5 floor
    [1_700, 75, 75],
    [1_600, 25, 0],
    [50, 25, 25], // level 1's floor is 0
    [10, 25, 10],
  ])("a bad tap at %i XP costing %i removes %i", (xp, loss, removed) => {
    expect(clampBadHabitLoss(xp, loss)).toBe(removed);
  });

  it("a bad tap never lowers the level", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.constantFrom(25, 50, 75), (xp, loss) => {
        return levelForXp(xp - clampBadHabitLoss(xp, loss)) === levelForXp(xp);
      }),
    );
  });
});

describe("ranks", () => {
  it("promotes E → D → C → B → A → S and stops", () => {
    expect(RANKS.map(nextRank)).toEqual(["D", "C", "B", "A", "S", null]);
  });

  it.each([
    ["E", 9, null],
    ["E", 10, "D"],
    ["E", 60, "D"], // XP alone cannot skip a rank
    ["D", 19, null],
    ["D", 20, "C"],
    ["C", 35, "B"],
    ["B", 50, "A"],
    ["A", 74, null],
    ["A", 75, "S"],
    ["S", 500, null],
  ] as const)("at rank %s and level %i the open trial is %s", (rank, level, expected) => {
    expect(rankTrialOpen(rank, level)?.rank ?? null).toBe(expected);
  });

  it.each([
    ["D", [0.5, 0.5, 0.5], 0, true],
    ["D", [0.5, 0.5, 0.49], 0, false],
    ["D", [0.9, 0.9], 100, false],
    ["C", [0.6, 0.7, 0.8, 0.9, 0.1], 0, true],
    ["B", [0.7, 0.7, 0.7, 0.7, 0.69], 0, false],
    ["A", Array(6).fill(0.8), 0, true],
    ["S", Array(7).fill(0.95), 30, true],
    ["S", Array(7).fill(0.95), 29, false],
    ["S", Array(6).fill(1), 400, false],
  ] as const)("trial %s with strengths %j and streak %i passes: %s", (rank, strengths, streak, passed) => {
    expect(rankTrialPassed(rank, strengths, streak)).toBe(passed);
  });

  it("only S asks for a streak", () => {
    expect(Object.values(RANK_TRIALS).map((trial) => trial.minPlayerStreak)).toEqual([0, 0, 0, 0, 30]);
  });
});

describe("stats and jobs", () => {
  it.each([
    ["STR", null, 0, [], 10],
    ["STR", "TANK", 0, [], 15],
    ["INT", "TANK", 2, [], 12],
    ["PER", "ASSASSIN", 1, [0.5, 0.26], 16 + 8], // round(10 × 0.76) = 8
    ["AGI", null, 0, [0.04], 10], // round(0.4) = 0: a fading habit adds nothing
  ] as const)("%s for a %s with %i points and strengths %j is %i", (stat, job, points, strengths, expected) => {
    expect(statValue(stat, { job, allocatedPoints: points, taggedStrengths: strengths })).toBe(expected);
  });

  it.each([
    [null, true],
    [29, false],
    [30, true],
  ])("job change %s days after the last is allowed: %s", (days, allowed) => {
    expect(canChangeJob(days)).toBe(allowed);
  });

  it.each([
    [null, "2026-01-30", null],
    ["2026-01-01", "2026-01-30", "2026-01-31"],
    ["2026-01-01", "2026-01-31", null],
  ] as const)("a job last changed on %s, seen on %s, may change again on %s (null: now)", (last, today, next) => {
    expect(nextJobChangeDay(last, today)).toBe(next);
  });
});

describe("the job in a sentence", () => {
  it("takes the article its name asks for", () => {
    expect(aJob("TANK")).toBe("a Tank");
    expect(aJob("MAGE")).toBe("a Mage");
    expect(aJob("ASSASSIN")).toBe("an Assassin");
  });
});
