import type { Job, Stat } from "@/lib/progression/rules";
import { BASE_STAT, JOB_STAT_BONUS, JOBS, STATS, statValue } from "@/lib/progression/rules";

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
