import type { Job, Stat } from "@/lib/progression/rules";
import { STATS, statValue } from "@/lib/progression/rules";

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

/** The five stats from the job, allocated points and the strength of the player's active quests (SPEC §5). */
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
