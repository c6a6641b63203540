import "server-only";
import { awardCheckIn, TX_OPTIONS } from "@/lib/check-ins/service";
import { isEarlyCheckIn } from "@/lib/achievements/rules";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockPlayer, post, type PlayerState } from "@/lib/ledger/service";

export type UndoResult = {
  checkInId: string;
  xp: number;
  gold: number;
  player: Pick<PlayerState, "level" | "xp" | "gold" | "heldXp" | "heldGold" | "streak">;
};

/**
 * Takes back a check-in whose day is not settled yet. Compensating ledger entries reverse exactly what it moved,
 * and if a later check-in of the same quest and day had gone unawarded (timesPerDay reached), that one now counts:
 * the player ends exactly where replaying the remaining check-ins would put them.
 */
export async function undoCheckIn(playerId: string, checkInId: string, now: Date): Promise<UndoResult> {
  return db.$transaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const checkIn = await tx.checkIn.findFirst({
      where: { id: checkInId, playerId },
      include: { undo: true, quest: true, ledger: true },
    });
    if (!checkIn) throw new AppError("NOT_FOUND", "Check-in not found");
    if (checkIn.undo) throw new AppError("CONFLICT", "This check-in was already undone");
    if (player.lastSettledDay !== null && checkIn.dayKey <= player.lastSettledDay) {
      throw new AppError("CONFLICT", "That day is settled; it can no longer be undone");
    }
    await tx.checkInUndo.create({ data: { checkInId } });

    const before = { xp: player.xp, gold: player.gold };
    let counted = false;
    for (const entry of checkIn.ledger) {
      if (entry.reason === "AWARD" || entry.reason === "BAD_HABIT") {
        counted ||= entry.reason === "AWARD";
        await post(tx, player, { reason: "UNDO", dayKey: checkIn.dayKey, xp: -entry.xp, gold: -entry.gold, checkInId });
      } else if (entry.reason === "PENALTY_HOLD") {
        counted = true;
        const penalty = await tx.penalty.findUniqueOrThrow({ where: { id: entry.penaltyId! } });
        // Still held: drop it from the hold. Released: take it back from the credited totals. Forfeited: gone already.
        if (penalty.status === "OPEN") {
          await post(tx, player, {
            reason: "UNDO",
            dayKey: checkIn.dayKey,
            heldXp: -entry.heldXp,
            heldGold: -entry.heldGold,
            checkInId,
            penaltyId: penalty.id,
          });
          await tx.penalty.update({ where: { id: penalty.id }, data: { progress: { decrement: 1 } } });
        } else if (penalty.status === "CLEARED") {
          await post(tx, player, {
            reason: "UNDO",
            dayKey: checkIn.dayKey,
            xp: -entry.heldXp,
            gold: -entry.heldGold,
            checkInId,
          });
        }
      }
    }

    if (counted) {
      player.totalCheckIns -= 1;
      player.earlyCheckIns -= isEarlyCheckIn(checkIn.happenedAt, player.timeZone) ? 1 : 0;
      await tx.player.update({
        where: { id: playerId },
        data: { totalCheckIns: player.totalCheckIns, earlyCheckIns: player.earlyCheckIns },
      });
      const waiting = await tx.checkIn.findFirst({
        where: { questId: checkIn.questId, dayKey: checkIn.dayKey, undo: null, ledger: { none: {} } },
        orderBy: [{ happenedAt: "asc" }, { recordedAt: "asc" }],
      });
      if (waiting && waiting.source !== "BACKFILL") {
        const stillCounted = await tx.checkIn.count({
          where: { questId: checkIn.questId, dayKey: checkIn.dayKey, undo: null, ledger: { some: {} } },
        });
        await awardCheckIn(tx, player, checkIn.quest, waiting, stillCounted, now);
      }
    }
    const { level, xp, gold, heldXp, heldGold, streak } = player;
    return {
      checkInId,
      xp: xp - before.xp,
      gold: gold - before.gold,
      player: { level, xp, gold, heldXp, heldGold, streak },
    };
  }, TX_OPTIONS);
}
