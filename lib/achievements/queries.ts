import "server-only";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import { progressOf } from "@/lib/achievements/rules";
import { db } from "@/lib/db";

export type AchievementCard = {
  id: string;
  name: string;
  description: string;
  rarity: string;
  title: string | null;
  reward: { xp: number; gold: number };
  unlockedAt: string | null;
  /** A locked counter achievement's way there ("37 of 100"); null once unlocked, or for ranks and moments. */
  progress: { value: number; target: number } | null;
};

/** The whole catalogue with this player's unlocks and progress, and the title they wear. */
export async function getAchievements(playerId: string, maxStat: number) {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      equippedTitle: true,
      streak: true,
      level: true,
      totalCheckIns: true,
      earlyCheckIns: true,
      achievements: { select: { achievementId: true, unlockedAt: true } },
    },
  });
  const counters = { ...player, maxStat };
  const unlocked = new Map(player.achievements.map((a) => [a.achievementId, a.unlockedAt]));
  const cards: AchievementCard[] = ACHIEVEMENTS.map((a) => ({
    id: a.id,
    name: a.name,
    description: a.description,
    rarity: a.rarity,
    title: a.title ?? null,
    reward: { xp: a.reward.xp ?? 0, gold: a.reward.gold ?? 0 },
    unlockedAt: unlocked.get(a.id)?.toISOString() ?? null,
    progress: unlocked.has(a.id) ? null : progressOf(a.trigger, counters),
  }));
  return { equippedTitle: player.equippedTitle, cards };
}
