import "server-only";
import type { LedgerReason, Prisma } from "@/lib/generated/prisma/client";
import { newId, rawColumns, type Sql } from "@/lib/db";
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
 * goes through here first, so concurrent check-ins, undos and rollovers for one player run one at a time. Rows of
 * other tables are read in statements of their own after it: under READ COMMITTED a statement sees what was
 * committed when it began, so a row written by the transaction this one waited for is only seen by a later one.
 */
export async function lockPlayer(tx: Sql, playerId: string): Promise<PlayerState> {
  // One round trip: the lock and the read are the same statement.
  const [player] = await tx.$queryRaw<PlayerState[]>`
    SELECT ${LOCKED_COLUMNS} FROM "Player" p WHERE p."id" = ${playerId} FOR UPDATE`;
  if (!player) throw new AppError("NOT_FOUND", "Player not found");
  return player;
}

/** PLAYER_STATE's columns for the locking read. */
const LOCKED_COLUMNS = rawColumns("p", Object.keys(PLAYER_STATE), { job: "text", rank: "text" });

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
 * (or given back by an undo) is 3 stat points, recorded on the entry. The player's row is written whole from
 * `player` (their totals and check-in counters as the caller holds them under the lock): a caller that moved a
 * counter before posting pays no write of its own for it.
 */
export async function post(tx: Sql, player: PlayerState, posting: Posting): Promise<PostingResult> {
  const { xp = 0, gold = 0, heldXp = 0, heldGold = 0 } = posting;
  const levelBefore = player.level;
  const levelAfter = levelForXp(player.xp + xp);
  const statPoints = (levelAfter - levelBefore) * STAT_POINTS_PER_LEVEL;
  const createdAt = new Date();
  const { reason, dayKey, checkInId = null, penaltyId = null, detail = null } = posting;
  Object.assign(player, {
    xp: player.xp + xp,
    gold: player.gold + gold,
    heldXp: player.heldXp + heldXp,
    heldGold: player.heldGold + heldGold,
    level: levelAfter,
  });
  // One statement: the entry, that week's board (any entry puts the Hunter on it, as a rebuild from the ledger
  // would; opted out, hidden there), and the player's row with the new totals.
  await tx.$executeRaw`
    WITH "entry" AS (
      INSERT INTO "LedgerEntry" ("id", "playerId", "reason", "xp", "gold", "heldXp", "heldGold", "statPoints", "dayKey",
        "checkInId", "penaltyId", "detail", "createdAt")
      VALUES (${newId()}, ${player.id}, ${reason}::"LedgerReason", ${xp}, ${gold}, ${heldXp}, ${heldGold}, ${statPoints},
        ${dayKey}, ${checkInId}, ${penaltyId}, ${detail}, ${createdAt})),
    "week" AS (
      INSERT INTO "WeeklyScore" ("playerId", "week", "xp", "hidden")
      SELECT "id", ${isoWeekUtc(createdAt)}, ${xp}, "leaderboardOptOut" FROM "Player" WHERE "id" = ${player.id}
      ON CONFLICT ("playerId", "week") DO UPDATE SET "xp" = "WeeklyScore"."xp" + EXCLUDED."xp")
    UPDATE "Player" SET "xp" = ${player.xp}, "gold" = ${player.gold}, "heldXp" = ${player.heldXp},
      "heldGold" = ${player.heldGold}, "level" = ${levelAfter}, "totalCheckIns" = ${player.totalCheckIns},
      "earlyCheckIns" = ${player.earlyCheckIns}, "updatedAt" = ${createdAt}
    WHERE "id" = ${player.id}`;
  return { levelBefore, levelAfter };
}

/** Opens the next Rank Trial once the player's level reaches its gate (once per rank: the row is unique). */
export async function openRankTrialIfDue(tx: Sql, player: PlayerState, now: Date): Promise<void> {
  const trial = rankTrialOpen(player.rank, player.level);
  if (!trial) return;
  await tx.$executeRaw`
    INSERT INTO "RankTrial" ("id", "playerId", "targetRank", "openedAt")
    VALUES (${newId()}, ${player.id}, ${trial.rank}::"Rank", ${now})
    ON CONFLICT DO NOTHING`;
}
