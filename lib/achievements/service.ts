import "server-only";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import { newlyUnlocked, type SpecialEvent } from "@/lib/achievements/rules";
import { db, TX_OPTIONS, type Sql } from "@/lib/db";
import { lockPlayer, post, type PlayerState } from "@/lib/ledger/service";
import type { DayKey } from "@/lib/time/rules";

export type Unlocked = { id: string; name: string; rarity: string; title: string | null };

/**
 * Unlocks what the player's counters now earn, crediting rewards through the ledger. Reads only the player's
 * counters and their unlock rows (≤ the catalogue's size), never their history; not even those when the caller
 * read them under the player's lock (`unlocked`).
 */
export async function unlockAchievements(
  tx: Sql,
  player: PlayerState,
  context: {
    dayKey: DayKey;
    /** The highest streak reached since the last evaluation, when it may have been higher than today's. */
    streak?: number;
    maxStat?: number;
    specials?: readonly SpecialEvent[];
    /** The achievements the player has unlocked, read in a statement begun after the lock was taken. */
    unlocked?: ReadonlySet<string>;
  },
): Promise<Unlocked[]> {
  const unlocked = context.unlocked ?? (await unlockedBy(tx, player.id));
  const earned = newlyUnlocked(
    ACHIEVEMENTS,
    {
      streak: Math.max(player.streak, context.streak ?? 0),
      level: player.level,
      rank: player.rank,
      totalCheckIns: player.totalCheckIns,
      maxStat: context.maxStat ?? 0,
      earlyCheckIns: player.earlyCheckIns,
      specials: new Set(context.specials ?? []),
    },
    unlocked,
  );
  if (earned.length === 0) return [];
  await tx.$executeRaw`
    INSERT INTO "AchievementUnlock" ("playerId", "achievementId", "unlockedAt")
    SELECT ${player.id}, unnest(${earned.map((achievement) => achievement.id)}::text[]), ${new Date()}`;
  for (const achievement of earned) {
    const { xp = 0, gold = 0 } = achievement.reward;
    if (xp || gold)
      await post(tx, player, { reason: "ACHIEVEMENT", dayKey: context.dayKey, xp, gold, detail: achievement.id });
  }
  return earned.map(({ id, name, rarity, title }) => ({ id, name, rarity, title: title ?? null }));
}

async function unlockedBy(tx: Sql, playerId: string): Promise<ReadonlySet<string>> {
  const rows = await tx.$queryRaw<{ achievementId: string }[]>`
    SELECT "achievementId" FROM "AchievementUnlock" WHERE "playerId" = ${playerId}`;
  return new Set(rows.map((row) => row.achievementId));
}

/** The achievements a special event unlocks (the catalogue's SPECIAL triggers). */
export function achievementsUnlockedBy(event: SpecialEvent): string[] {
  return ACHIEVEMENTS.flatMap((a) => (a.trigger.kind === "SPECIAL" && a.trigger.event === event ? [a.id] : []));
}

/** A special moment outside a check-in or a rollover (a quest of one's own made): unlocks what it earns. */
export async function recordSpecialEvent(playerId: string, event: SpecialEvent, day: DayKey): Promise<Unlocked[]> {
  return db.$transaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    return unlockAchievements(tx, player, { dayKey: day, specials: [event] });
  }, TX_OPTIONS);
}
