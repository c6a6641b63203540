import "server-only";
import { Prisma, type LedgerReason } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { levelForXp, rankTrialOpen, STAT_POINTS_PER_LEVEL } from "@/lib/progression/rules";
import { isoWeekUtc, type DayKey } from "@/lib/time/rules";

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
  // One round trip: the lock and the read are the same statement.
  const [player] = await tx.$queryRaw<PlayerState[]>`
    SELECT ${Prisma.join(LOCKED_COLUMNS)} FROM "Player" WHERE "id" = ${playerId} FOR UPDATE`;
  if (!player) throw new AppError("NOT_FOUND", "Player not found");
  return player;
}

/** PLAYER_STATE's columns, quoted for the locking read (enums as their text, as Prisma reads them). */
const LOCKED_COLUMNS = Object.keys(PLAYER_STATE).map((column) =>
  Prisma.raw(column === "job" || column === "rank" ? `"${column}"::text AS "${column}"` : `"${column}"`),
);

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
 * Appends one ledger entry and moves the player's totals by exactly its amounts in the same transaction, and the
 * XP of the entry's ISO week (WeeklyScore: the weekly board, by index). Level follows total XP; each level gained
 * (or given back by an undo) is 3 stat points, recorded on the entry.
 */
export async function post(tx: Tx, player: PlayerState, posting: Posting): Promise<PostingResult> {
  const { xp = 0, gold = 0, heldXp = 0, heldGold = 0 } = posting;
  const levelBefore = player.level;
  const levelAfter = levelForXp(player.xp + xp);
  const statPoints = (levelAfter - levelBefore) * STAT_POINTS_PER_LEVEL;
  const createdAt = new Date();
  await tx.ledgerEntry.create({
    data: { playerId: player.id, ...posting, xp, gold, heldXp, heldGold, statPoints, createdAt },
  });
  // Any entry puts the Hunter on that week's board, as a rebuild from the ledger would; opted out, hidden there.
  await tx.$executeRaw`
    INSERT INTO "WeeklyScore" ("playerId", "week", "xp", "hidden")
    SELECT "id", ${isoWeekUtc(createdAt)}, ${xp}, "leaderboardOptOut" FROM "Player" WHERE "id" = ${player.id}
    ON CONFLICT ("playerId", "week") DO UPDATE SET "xp" = "WeeklyScore"."xp" + EXCLUDED."xp"`;
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
