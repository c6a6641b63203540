import "server-only";
import type { LedgerReason, Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { levelForXp, rankTrialOpen, STAT_POINTS_PER_LEVEL } from "@/lib/progression/rules";
import type { DayKey } from "@/lib/time/rules";

/** Columns of Player the write services read and keep in step with the ledger. */
export const PLAYER_STATE = {
  id: true,
  timeZone: true,
  dayStartMinute: true,
  createdAt: true,
  job: true,
  jobChangedAt: true,
  awakenedAt: true,
  xp: true,
  gold: true,
  heldXp: true,
  heldGold: true,
  level: true,
  rank: true,
  streak: true,
  shields: true,
  perfectRun: true,
  lastSettledDay: true,
  confirmedDay: true,
  totalCheckIns: true,
  earlyCheckIns: true,
  allocatedStr: true,
  allocatedAgi: true,
  allocatedVit: true,
  allocatedInt: true,
  allocatedPer: true,
} satisfies Prisma.PlayerSelect;

export type PlayerState = Prisma.PlayerGetPayload<{ select: typeof PLAYER_STATE }>;

/**
 * Locks the player's row for the rest of the transaction and reads it. Every write that moves a player's totals
 * goes through here first, so concurrent check-ins, undos and rollovers for one player run one at a time.
 */
export async function lockPlayer(tx: Tx, playerId: string): Promise<PlayerState> {
  await tx.$executeRaw`SELECT 1 FROM "Player" WHERE "id" = ${playerId} FOR UPDATE`;
  return tx.player.findUniqueOrThrow({ where: { id: playerId }, select: PLAYER_STATE });
}

export type Posting = {
  reason: LedgerReason;
  dayKey: DayKey;
  xp?: number;
  gold?: number;
  heldXp?: number;
  heldGold?: number;
  checkInId?: string;
  penaltyId?: string;
  detail?: string;
};

export type PostingResult = { levelBefore: number; levelAfter: number };

/**
 * Appends one ledger entry and moves the player's totals by exactly its amounts in the same transaction.
 * Level follows total XP; each level gained (or given back by an undo) is 3 stat points, recorded on the entry.
 */
export async function post(tx: Tx, player: PlayerState, posting: Posting): Promise<PostingResult> {
  const { xp = 0, gold = 0, heldXp = 0, heldGold = 0 } = posting;
  const levelBefore = player.level;
  const levelAfter = levelForXp(player.xp + xp);
  const statPoints = (levelAfter - levelBefore) * STAT_POINTS_PER_LEVEL;
  await tx.ledgerEntry.create({
    data: { playerId: player.id, ...posting, xp, gold, heldXp, heldGold, statPoints },
  });
  Object.assign(player, {
    xp: player.xp + xp,
    gold: player.gold + gold,
    heldXp: player.heldXp + heldXp,
    heldGold: player.heldGold + heldGold,
    level: levelAfter,
  });
  await tx.player.update({
    where: { id: player.id },
    data: { xp: player.xp, gold: player.gold, heldXp: player.heldXp, heldGold: player.heldGold, level: levelAfter },
  });
  return { levelBefore, levelAfter };
}

/** Opens the next Rank Trial once the player's level reaches its gate (once per rank: the row is unique). */
export async function openRankTrialIfDue(tx: Tx, player: PlayerState, now: Date): Promise<void> {
  const trial = rankTrialOpen(player.rank, player.level);
  if (!trial) return;
  await tx.rankTrial.createMany({
    data: [{ playerId: player.id, targetRank: trial.rank, openedAt: now }],
    skipDuplicates: true,
  });
}
