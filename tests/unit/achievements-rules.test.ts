import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import type { AchievementSnapshot } from "@/lib/achievements/rules";
import { isEarlyCheckIn, newlyUnlocked, progressOf, SPECIAL_EVENTS } from "@/lib/achievements/rules";
import { RANKS } from "@/lib/progression/rules";

function snapshot(overrides: Partial<AchievementSnapshot> = {}): AchievementSnapshot {
  return {
    streak: 0,
    level: 1,
    rank: "E",
    totalCheckIns: 0,
    maxStat: 10,
    earlyCheckIns: 0,
    specials: new Set(),
    ...overrides,
  };
}

const idsOf = (achievements: ReadonlyArray<{ id: string }>) => achievements.map((a) => a.id);

describe("catalogue", () => {
  it("has at least 30 achievements with unique kebab-case ids", () => {
    const ids = idsOf(ACHIEVEMENTS);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("covers every trigger the SPEC names", () => {
    const thresholds = (kind: string) =>
      ACHIEVEMENTS.flatMap((a) => (a.trigger.kind === kind && "threshold" in a.trigger ? [a.trigger.threshold] : []));
    expect(thresholds("STREAK")).toEqual([3, 7, 30, 100, 365]);
    expect(thresholds("LEVEL")).toEqual([5, 10, 25, 50, 75]);
    expect(thresholds("QUEST_COUNT")).toEqual([1, 10, 100, 1_000]);
    expect(thresholds("STAT")).toEqual([25, 50, 100]);
    expect(ACHIEVEMENTS.flatMap((a) => (a.trigger.kind === "RANK" ? [a.trigger.rank] : []))).toEqual(RANKS.slice(1));
    const specials = new Set(ACHIEVEMENTS.flatMap((a) => (a.trigger.kind === "SPECIAL" ? [a.trigger.event] : [])));
    expect(specials).toEqual(new Set(SPECIAL_EVENTS));
  });

  it("names the SPEC's specials and rewards every entry", () => {
    const byId = new Map(ACHIEVEMENTS.map((a) => [a.id, a]));
    expect(byId.get("first-steps")?.name).toBe("First Steps");
    expect(byId.get("the-awakened")).toMatchObject({ name: "The Awakened", reward: { gold: 100 } });
    expect(byId.get("survivor")?.name).toBe("Survivor");
    expect(byId.get("early-riser")?.trigger).toEqual({ kind: "EARLY_CHECK_INS", threshold: 10 });
    for (const a of ACHIEVEMENTS) expect((a.reward.xp ?? 0) + (a.reward.gold ?? 0)).toBeGreaterThan(0);
  });
});

describe("newlyUnlocked", () => {
  it.each([
    ["a fresh Hunter", snapshot(), []],
    ["the first check-in", snapshot({ totalCheckIns: 1 }), ["first-steps"]],
    ["a 7-day streak", snapshot({ streak: 7 }), ["streak-3", "streak-7"]],
    ["level 9", snapshot({ level: 9 }), ["level-5"]],
    ["promotion to C", snapshot({ rank: "C" }), ["rank-d", "rank-c"]],
    ["a stat of 50", snapshot({ maxStat: 50 }), ["stat-25", "stat-50"]],
    ["9 early check-ins", snapshot({ earlyCheckIns: 9 }), []],
    ["10 early check-ins", snapshot({ earlyCheckIns: 10 }), ["early-riser"]],
    ["finishing Awakening", snapshot({ specials: new Set(["AWAKENING_COMPLETED"]) }), ["the-awakened"]],
    ["clearing a Penalty Quest", snapshot({ specials: new Set(["PENALTY_CLEARED"]) }), ["survivor"]],
  ])("%s unlocks %j", (_, state, expected) => {
    expect(idsOf(newlyUnlocked(ACHIEVEMENTS, state, new Set()))).toEqual(expected);
  });

  it("never returns what is already unlocked, even after the streak breaks and regrows", () => {
    const unlocked = new Set(idsOf(newlyUnlocked(ACHIEVEMENTS, snapshot({ streak: 30 }), new Set())));
    expect(unlocked).toEqual(new Set(["streak-3", "streak-7", "streak-30"]));
    expect(newlyUnlocked(ACHIEVEMENTS, snapshot({ streak: 0 }), unlocked)).toEqual([]);
    expect(newlyUnlocked(ACHIEVEMENTS, snapshot({ streak: 30 }), unlocked)).toEqual([]);
  });

  it("as counters grow step by step, each achievement unlocks exactly once", () => {
    const step = fc.record({
      streak: fc.nat(400),
      levelUp: fc.nat(5),
      checkIns: fc.nat(60),
      stat: fc.nat(10),
      early: fc.nat(2),
      special: fc.option(fc.constantFrom(...SPECIAL_EVENTS)),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let state = snapshot();
        const unlocked = new Set<string>();
        const unlockCounts = new Map<string, number>();
        for (const s of steps) {
          state = {
            streak: s.streak,
            level: state.level + s.levelUp,
            rank: RANKS[Math.min(5, Math.floor(state.level / 15))] ?? "E",
            totalCheckIns: state.totalCheckIns + s.checkIns,
            maxStat: state.maxStat + s.stat,
            earlyCheckIns: state.earlyCheckIns + s.early,
            specials: s.special ? new Set([...state.specials, s.special]) : state.specials,
          };
          for (const { id } of newlyUnlocked(ACHIEVEMENTS, state, unlocked)) {
            unlocked.add(id);
            unlockCounts.set(id, (unlockCounts.get(id) ?? 0) + 1);
          }
          // Everything the current snapshot has earned is unlocked by now.
          if (newlyUnlocked(ACHIEVEMENTS, state, unlocked).length > 0) return false;
        }
        return [...unlockCounts.values()].every((count) => count === 1);
      }),
    );
  });
});

describe("progressOf", () => {
  const counters = { streak: 4, level: 3, totalCheckIns: 37, maxStat: 31, earlyCheckIns: 0 };
  it.each([
    [
      { kind: "STREAK", threshold: 7 },
      { value: 4, target: 7 },
    ],
    [
      { kind: "QUEST_COUNT", threshold: 100 },
      { value: 37, target: 100 },
    ],
    [
      { kind: "STAT", threshold: 25 },
      { value: 25, target: 25 },
    ],
    [{ kind: "RANK", rank: "D" }, null],
    [{ kind: "SPECIAL", event: "PERFECT_WEEK" }, null],
  ] as const)("%j is %j of the way", (trigger, expected) => {
    expect(progressOf(trigger, counters)).toEqual(expected);
  });
});

describe("early check-ins", () => {
  it.each([
    ["2026-11-26T08:59:00Z", false], // 03:59 in New York
    ["2026-11-26T09:00:00Z", true], // 04:00
    ["2026-11-26T11:59:00Z", true], // 06:59
    ["2026-11-26T12:00:00Z", false], // 07:00
    ["2026-11-26T06:00:00Z", false], // 01:00: a late night, not an early morning
  ])("a check-in at %s in New York is early: %s", (instant, early) => {
    expect(isEarlyCheckIn(new Date(instant), "America/New_York")).toBe(early);
  });
});
