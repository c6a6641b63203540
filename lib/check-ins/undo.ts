import "server-only";
import { awardCheckIn, PENALTY_PROGRESS } from "@/lib/check-ins/service";
import { isEarlyCheckIn } from "@/lib/achievements/rules";
import { sqlTransaction, type Sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma, type CheckIn, type LedgerEntry, type Quest } from "@/lib/generated/prisma/client";
import { lockPlayer, post, type PlayerState } from "@/lib/ledger/service";
import { canBackfill } from "@/lib/days/rules";
import { questColumns } from "@/lib/quests/queries";
import { addToTally, checkInAward, EMPTY_TALLY, questShape } from "@/lib/quests/rules";
import { restateStrength } from "@/lib/quests/strength";
import { playerToday } from "@/lib/time/rules";

export type UndoResult = {
  checkInId: string;
  xp: number;
  gold: number;
  player: Pick<PlayerState, "level" | "xp" | "gold" | "heldXp" | "heldGold" | "streak">;
};

/** A check-in as an undo judges it: with what its ledger entries moved (oldest first). */
type WithLedger = Pick<CheckIn, "id" | "dayKey" | "happenedAt" | "value" | "source"> & {
  ledger: Pick<LedgerEntry, "reason" | "xp" | "gold" | "heldXp" | "heldGold" | "penaltyId" | "detail">[];
};

/** The columns of WithLedger for a raw read of the check-in aliased `c` (each column's name after `prefix`). */
function withLedgerColumns(prefix = ""): Prisma.Sql {
  return Prisma.raw(`c."id" AS "${prefix}id", c."dayKey" AS "${prefix}dayKey", c."happenedAt" AS "${prefix}happenedAt",
    c."value" AS "${prefix}value", c."source"::text AS "${prefix}source",
    COALESCE((SELECT json_agg(json_build_object('reason', l."reason", 'xp', l."xp", 'gold', l."gold",
      'heldXp', l."heldXp", 'heldGold', l."heldGold", 'penaltyId', l."penaltyId", 'detail', l."detail")
      ORDER BY l."createdAt", l."id") FROM "LedgerEntry" l WHERE l."checkInId" = c."id"), '[]') AS "${prefix}ledger"`);
}

const NEVER_AWARDED: ReadonlySet<CheckIn["source"]> = new Set(["BACKFILL", "IMPORT"]);

/** Whether a check-in's award (or hold) still stands: it has one and no UNDO has reversed it. */
function stillAwarded(checkIn: WithLedger): boolean {
  const awarded = checkIn.ledger.some((e) => e.reason === "AWARD" || e.reason === "PENALTY_HOLD");
  return awarded && !checkIn.ledger.some((e) => e.reason === "UNDO");
}

/**
 * Compensating entries that reverse exactly what a check-in moved: its award or bad-habit cost, or its hold in
 * the Penalty Zone (still held: dropped from the hold; released: taken from the credited totals; forfeited: half
 * of it was returned, and that half is taken back).
 */
async function reverseCheckIn(tx: Sql, player: PlayerState, checkIn: WithLedger): Promise<void> {
  if (checkIn.ledger.some((e) => e.reason === "UNDO")) return;
  let counted = false;
  for (const entry of checkIn.ledger) {
    if (entry.reason === "AWARD" || entry.reason === "BAD_HABIT") {
      counted ||= entry.reason === "AWARD";
      await post(tx, player, {
        reason: "UNDO",
        dayKey: checkIn.dayKey,
        xp: -entry.xp,
        gold: -entry.gold,
        checkInId: checkIn.id,
      });
    } else if (entry.reason === "PENALTY_HOLD") {
      counted = true;
      const [penalty] = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT "id", "status"::text AS "status" FROM "Penalty" WHERE "id" = ${entry.penaltyId}`;
      if (!penalty) throw new Error(`Penalty ${entry.penaltyId} of a hold is missing`);
      if (penalty.status === "OPEN") {
        await post(tx, player, {
          reason: "UNDO",
          dayKey: checkIn.dayKey,
          heldXp: -entry.heldXp,
          heldGold: -entry.heldGold,
          checkInId: checkIn.id,
          penaltyId: penalty.id,
        });
        if (entry.detail === PENALTY_PROGRESS) {
          await tx.$executeRaw`UPDATE "Penalty" SET "progress" = "progress" - 1 WHERE "id" = ${penalty.id}`;
        }
      } else if (penalty.status === "CLEARED") {
        await post(tx, player, {
          reason: "UNDO",
          dayKey: checkIn.dayKey,
          xp: -entry.heldXp,
          gold: -entry.heldGold,
          checkInId: checkIn.id,
        });
      }
    }
  }
  if (!counted) return;
  player.totalCheckIns -= 1;
  player.earlyCheckIns -= isEarlyCheckIn(checkIn.happenedAt, player.timeZone) ? 1 : 0;
  await tx.$executeRaw`
    UPDATE "Player" SET "totalCheckIns" = ${player.totalCheckIns}, "earlyCheckIns" = ${player.earlyCheckIns},
      "updatedAt" = ${new Date()}
    WHERE "id" = ${player.id}`;
}

/**
 * After an undo, the quest's day is judged again in order: a later check-in that now deserves the award gets it
 * (a tap past the habit cap, a check-in past timesPerDay, the entry that now reaches a target), and an award
 * that no longer holds (a target no longer reached) is taken back. The player ends exactly where replaying the
 * remaining check-ins would put them.
 */
async function rejudgeDay(tx: Sql, player: PlayerState, quest: Quest, day: string, now: Date): Promise<void> {
  const shape = questShape(quest);
  const remaining = await tx.$queryRaw<WithLedger[]>`
    SELECT ${withLedgerColumns()} FROM "CheckIn" c
    WHERE c."questId" = ${quest.id} AND c."dayKey" = ${day}
      AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
    ORDER BY c."happenedAt" ASC, c."recordedAt" ASC`;
  let tally = EMPTY_TALLY;
  for (const checkIn of remaining) {
    const verdict = checkInAward(shape, tally, checkIn.value, day);
    // Backfilled and imported check-ins never award, even when an undo leaves them deserving it.
    if (verdict === "AWARD" && checkIn.ledger.length === 0 && !NEVER_AWARDED.has(checkIn.source)) {
      await awardCheckIn(tx, player, quest, checkIn, tally, now);
    } else if (verdict === "NONE" && stillAwarded(checkIn)) {
      await reverseCheckIn(tx, player, checkIn);
    }
    tally = addToTally(tally, checkIn.value);
  }
}

/**
 * Whether a check-in may be taken back: any of a day not settled yet; of a settled day, only a backfilled entry
 * (it never paid) within the backfill window, so a wrong backfill can be removed (docs/rules.md "Yesterday,
 * backfill, undo").
 */
function checkUndoable(player: PlayerState, checkIn: WithLedger, now: Date): { settled: boolean } {
  const settled = player.lastSettledDay !== null && checkIn.dayKey <= player.lastSettledDay;
  if (!settled) return { settled };
  if (checkIn.source !== "BACKFILL") {
    throw new AppError("CONFLICT", "That day is settled: only a backfilled entry can be removed from it");
  }
  if (!canBackfill(checkIn.dayKey, playerToday(player, now))) {
    throw new AppError("CONFLICT", "That day is more than 7 days back: its history can no longer change");
  }
  return { settled };
}

/** Every column of Quest, for the undo's read of the check-in's quest. */
const QUEST_COLUMNS = questColumns();

/**
 * The player's check-in `checkInId` with its quest, whether it was undone already, and its ledger entries: null when
 * the player has no such check-in. One statement, after the lock.
 */
async function readCheckIn(
  tx: Sql,
  playerId: string,
  checkInId: string,
): Promise<{ checkIn: WithLedger; undone: boolean; quest: Quest } | null> {
  const [row] = await tx.$queryRaw<
    (Quest & { undone: boolean } & { [K in keyof WithLedger as `checkIn_${K}`]: WithLedger[K] })[]
  >`
    SELECT ${QUEST_COLUMNS}, ${withLedgerColumns("checkIn_")},
      EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id") AS "undone"
    FROM "CheckIn" c JOIN "Quest" q ON q."id" = c."questId"
    WHERE c."id" = ${checkInId} AND c."playerId" = ${playerId}`;
  if (!row) return null;
  const {
    undone,
    checkIn_id: id,
    checkIn_dayKey: dayKey,
    checkIn_happenedAt: happenedAt,
    checkIn_value: value,
    checkIn_source: source,
    checkIn_ledger: ledger,
    ...quest
  } = row;
  return { checkIn: { id, dayKey, happenedAt, value, source, ledger }, undone, quest };
}

/**
 * Takes back a check-in: on a day not settled yet with compensating ledger entries and the day judged again; a
 * backfilled entry of a settled day moved nothing, so only the quest's strength is restated. A plain node-postgres
 * transaction, as the check-in's (lib/db.ts sqlTransaction): the dashboard's undo is a tap too.
 */
export async function undoCheckIn(playerId: string, checkInId: string, now: Date): Promise<UndoResult> {
  return sqlTransaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const found = await readCheckIn(tx, playerId, checkInId);
    if (!found) throw new AppError("NOT_FOUND", "Check-in not found");
    const { checkIn, undone, quest } = found;
    if (undone) throw new AppError("CONFLICT", "This check-in was already undone");
    const { settled } = checkUndoable(player, checkIn, now);
    await tx.$executeRaw`INSERT INTO "CheckInUndo" ("checkInId", "undoneAt") VALUES (${checkInId}, ${new Date()})`;
    const before = { xp: player.xp, gold: player.gold };
    if (quest.kind === "ONE_TIME") {
      await tx.$executeRaw`
        UPDATE "Quest" SET "completedAt" = NULL, "updatedAt" = ${new Date()} WHERE "id" = ${quest.id}`;
    }
    if (settled) {
      await restateStrength(tx, quest);
    } else {
      await reverseCheckIn(tx, player, checkIn);
      await rejudgeDay(tx, player, quest, checkIn.dayKey, now);
    }
    const { level, xp, gold, heldXp, heldGold, streak } = player;
    return {
      checkInId,
      xp: xp - before.xp,
      gold: gold - before.gold,
      player: { level, xp, gold, heldXp, heldGold, streak },
    };
  });
}
