import "server-only";
import { PENALTY_QUEST, penaltyDeadline } from "@/lib/days/rules";
import { post, type PlayerState, type Tx } from "@/lib/ledger/service";
import type { DayKey } from "@/lib/time/rules";

/**
 * Ends the hold on awards recorded while the Penalty Zone was open: a release credits them, a forfeit drops them.
 * Only one Penalty Quest is open at a time, so everything held belongs to it.
 */
export async function creditHeldAwards(
  tx: Tx,
  player: PlayerState,
  penaltyId: string,
  reason: "PENALTY_RELEASE" | "PENALTY_FORFEIT",
  dayKey: DayKey,
): Promise<void> {
  const { heldXp, heldGold } = player;
  if (heldXp === 0 && heldGold === 0) return;
  const credit = reason === "PENALTY_RELEASE";
  await post(tx, player, {
    reason,
    dayKey,
    penaltyId,
    xp: credit ? heldXp : 0,
    gold: credit ? heldGold : 0,
    heldXp: -heldXp,
    heldGold: -heldGold,
  });
}

/** Opens the Survival Quest: "Complete 2 quests within 6 hours". The unique open slot makes a second one fail. */
export async function openPenalty(tx: Tx, player: PlayerState, day: DayKey, now: Date): Promise<string> {
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
      required: PENALTY_QUEST.questsRequired,
    },
  });
  return penalty.id;
}

/** A Penalty Quest whose time ran out fails: the zone closes and the awards it held are forfeited. */
export async function expirePenalty(tx: Tx, player: PlayerState, dayKey: DayKey, now: Date): Promise<boolean> {
  const expired = await tx.penalty.findFirst({
    where: { playerId: player.id, status: "OPEN", deadline: { lte: now } },
    select: { id: true, questId: true },
  });
  if (!expired) return false;
  await tx.penalty.update({ where: { id: expired.id }, data: { status: "FAILED", openSlot: null, closedAt: now } });
  await tx.quest.update({ where: { id: expired.questId }, data: { archivedAt: now } });
  await creditHeldAwards(tx, player, expired.id, "PENALTY_FORFEIT", dayKey);
  return true;
}
