import "server-only";
import type { Penalty } from "@/lib/generated/prisma/client";
import { post, type PlayerState } from "@/lib/ledger/service";
import type { Sql, Tx } from "@/lib/db";
import { PENALTY_QUEST, penaltyDeadline, penaltyFailure, penaltyRequirement } from "@/lib/penalties/rules";
import type { DayKey } from "@/lib/time/rules";

/** Cleared in time: every held award is credited, the zone closes and the Survival Quest leaves the board. */
export async function closePenaltyCleared(
  tx: Sql,
  player: PlayerState,
  penalty: Pick<Penalty, "id" | "questId">,
  progress: number,
  dayKey: DayKey,
  now: Date,
): Promise<void> {
  const { heldXp, heldGold } = player;
  // One statement: the Survival Quest is archived as its penalty closes.
  await tx.$executeRaw`
    WITH "quest" AS (UPDATE "Quest" SET "archivedAt" = ${now}, "updatedAt" = ${new Date()} WHERE "id" = ${penalty.questId})
    UPDATE "Penalty" SET "progress" = ${progress}, "status" = 'CLEARED', "openSlot" = NULL, "closedAt" = ${now},
      "returnedXp" = ${heldXp}, "returnedGold" = ${heldGold}
    WHERE "id" = ${penalty.id}`;
  if (heldXp === 0 && heldGold === 0) return;
  await post(tx, player, {
    reason: "PENALTY_RELEASE",
    dayKey,
    penaltyId: penalty.id,
    xp: heldXp,
    gold: heldGold,
    heldXp: -heldXp,
    heldGold: -heldGold,
  });
}

/**
 * Opens the Survival Quest: "Complete 2 quests within 6 hours" (1 when the Hunter has a single daily or open
 * to-do). The unique open slot makes a second one fail.
 */
export async function openPenalty(tx: Tx, player: PlayerState, day: DayKey, now: Date): Promise<string> {
  const completable = await tx.quest.count({
    where: {
      playerId: player.id,
      archivedAt: null,
      OR: [{ kind: "DAILY" }, { kind: "ONE_TIME", completedAt: null }],
    },
  });
  const quest = await tx.quest.create({
    data: {
      playerId: player.id,
      kind: "PENALTY",
      title: PENALTY_QUEST.title,
      notes: PENALTY_QUEST.description,
      difficulty: "HARD",
      stats: ["VIT"],
      createdDay: day,
    },
  });
  const penalty = await tx.penalty.create({
    data: {
      playerId: player.id,
      questId: quest.id,
      openedDay: day,
      openedAt: now,
      deadline: penaltyDeadline(now),
      required: penaltyRequirement(completable),
    },
  });
  return penalty.id;
}

/**
 * A Survival Quest whose time ran out fails: the zone closes, the failure's fine is taken (never below the level
 * floor), then half of what it held is credited and the rest forfeited.
 */
export async function expirePenalty(tx: Tx, player: PlayerState, dayKey: DayKey, now: Date): Promise<boolean> {
  const expired = await tx.penalty.findFirst({
    where: { playerId: player.id, status: "OPEN", deadline: { lte: now } },
    select: { id: true, questId: true },
  });
  if (!expired) return false;
  const { heldXp, heldGold } = player;
  const cost = penaltyFailure(player);
  await tx.penalty.update({
    where: { id: expired.id },
    data: { status: "FAILED", openSlot: null, closedAt: now, ...cost },
  });
  await tx.quest.update({ where: { id: expired.questId }, data: { archivedAt: now } });
  if (cost.fineXp !== 0 || cost.fineGold !== 0) {
    await post(tx, player, {
      reason: "PENALTY_FINE",
      dayKey,
      penaltyId: expired.id,
      xp: -cost.fineXp,
      gold: -cost.fineGold,
    });
  }
  if (heldXp !== 0 || heldGold !== 0) {
    await post(tx, player, {
      reason: "PENALTY_FORFEIT",
      dayKey,
      penaltyId: expired.id,
      xp: cost.returnedXp,
      gold: cost.returnedGold,
      heldXp: -heldXp,
      heldGold: -heldGold,
    });
  }
  return true;
}
