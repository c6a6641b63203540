import "server-only";
import type { PlayerState, Tx } from "@/lib/ledger/service";
import { rankTrialOpen } from "@/lib/progression/rules";

/** Opens the next Rank Trial once the player's level reaches its gate (once per rank: the row is unique). */
export async function openRankTrialIfDue(tx: Tx, player: PlayerState, now: Date): Promise<void> {
  const trial = rankTrialOpen(player.rank, player.level);
  if (!trial) return;
  await tx.rankTrial.createMany({
    data: [{ playerId: player.id, targetRank: trial.rank, openedAt: now }],
    skipDuplicates: true,
  });
}
