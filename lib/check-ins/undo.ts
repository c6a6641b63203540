import "server-only";
import { awardCheckIn, PENALTY_PROGRESS } from "@/lib/check-ins/service";
import { isEarlyCheckIn } from "@/lib/achievements/rules";
import { db, TX_OPTIONS, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CheckIn, LedgerEntry, Quest } from "@/lib/generated/prisma/client";
import { lockPlayer, post, type PlayerState } from "@/lib/ledger/service";
import { canBackfill } from "@/lib/days/rules";
import { addToTally, checkInAward, EMPTY_TALLY, questShape } from "@/lib/quests/rules";
import { restateStrength } from "@/lib/quests/strength";
import { playerToday } from "@/lib/time/rules";

export type UndoResult = {
  checkInId: string;
  xp: number;
  gold: number;
  player: Pick<PlayerState, "level" | "xp" | "gold" | "heldXp" | "heldGold" | "streak">;
};

type WithLedger = CheckIn & { ledger: LedgerEntry[] };

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
async function reverseCheckIn(tx: Tx, player: PlayerState, checkIn: WithLedger): Promise<void> {
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
      const penalty = await tx.penalty.findUniqueOrThrow({ where: { id: entry.penaltyId! } });
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
          await tx.penalty.update({ where: { id: penalty.id }, data: { progress: { decrement: 1 } } });
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
  await tx.player.update({
    where: { id: player.id },
    data: { totalCheckIns: player.totalCheckIns, earlyCheckIns: player.earlyCheckIns },
  });
}

/**
 * After an undo, the quest's day is judged again in order: a later check-in that now deserves the award gets it
 * (a tap past the habit cap, a check-in past timesPerDay, the entry that now reaches a target), and an award
 * that no longer holds (a target no longer reached) is taken back. The player ends exactly where replaying the
 * remaining check-ins would put them.
 */
async function rejudgeDay(tx: Tx, player: PlayerState, quest: Quest, day: string, now: Date): Promise<void> {
  const shape = questShape(quest);
  const remaining = await tx.checkIn.findMany({
    where: { questId: quest.id, dayKey: day, undo: null },
    orderBy: [{ happenedAt: "asc" }, { recordedAt: "asc" }],
    include: { ledger: true },
  });
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
function checkUndoable(player: PlayerState, checkIn: CheckIn, now: Date): { settled: boolean } {
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

/**
 * Takes back a check-in: on a day not settled yet with compensating ledger entries and the day judged again; a
 * backfilled entry of a settled day moved nothing, so only the quest's strength is restated.
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
    const { settled } = checkUndoable(player, checkIn, now);
    await tx.checkInUndo.create({ data: { checkInId } });
    const before = { xp: player.xp, gold: player.gold };
    if (checkIn.quest.kind === "ONE_TIME") {
      await tx.quest.update({ where: { id: checkIn.questId }, data: { completedAt: null } });
    }
    if (settled) {
      await restateStrength(tx, checkIn.quest);
    } else {
      await reverseCheckIn(tx, player, checkIn);
      await rejudgeDay(tx, player, checkIn.quest, checkIn.dayKey, now);
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
