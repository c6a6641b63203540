import "server-only";
import { db, TX_OPTIONS, type Tx } from "@/lib/db";
import { SHIELD_MAX } from "@/lib/days/rules";
import { AppError } from "@/lib/errors";
import { Prisma, type Purchase } from "@/lib/generated/prisma/client";
import { lockPlayer, post } from "@/lib/ledger/service";
import { REWARDS_MAX, SHIELD_PRICE } from "@/lib/shop/rules";
import type { PurchaseInput } from "@/lib/shop/schemas";
import { playerToday } from "@/lib/time/rules";

export type PurchaseDto = {
  id: string;
  item: Purchase["item"];
  title: string;
  price: number;
  dayKey: string;
  createdAt: string;
  undone: boolean;
};

export function toPurchaseDto(purchase: Purchase): PurchaseDto {
  const { id, item, title, price, dayKey } = purchase;
  return { id, item, title, price, dayKey, createdAt: purchase.createdAt.toISOString(), undone: !!purchase.undoneAt };
}

/** A reward the Hunter prices in gold; at most REWARDS_MAX in the shop at once. */
export async function createReward(playerId: string, input: { title: string; price: number }) {
  const count = await db.reward.count({ where: { playerId, archivedAt: null } });
  if (count >= REWARDS_MAX) {
    throw new AppError("CONFLICT", `The shop holds at most ${REWARDS_MAX} rewards: remove one first`);
  }
  const reward = await db.reward.create({ data: { playerId, ...input } });
  return { id: reward.id, title: reward.title, price: reward.price };
}

/** Takes a reward out of the shop; what was bought with it stays in history. */
export async function removeReward(playerId: string, rewardId: string, now: Date): Promise<void> {
  const { count } = await db.reward.updateMany({
    where: { id: rewardId, playerId, archivedAt: null },
    data: { archivedAt: now },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Reward not found");
}

/**
 * Spends gold: on one of the Hunter's rewards, or on a streak shield (never past the hold limit). The gold moves
 * through the ledger (reason SHOP) in the transaction that records the purchase; only credited gold can be spent.
 * The same key sent again answers with the first purchase and spends nothing.
 */
export async function buy(playerId: string, input: PurchaseInput, now: Date): Promise<PurchaseDto> {
  try {
    return await db.$transaction(async (tx) => {
      const player = await lockPlayer(tx, playerId);
      const earlier = await tx.purchase.findUnique({
        where: { playerId_idempotencyKey: { playerId, idempotencyKey: input.idempotencyKey } },
      });
      if (earlier) return sameRequest(earlier, input);
      const { title, price } = await priceOf(tx, playerId, input);
      if (input.item === "STREAK_SHIELD" && player.shields >= SHIELD_MAX) {
        throw new AppError("CONFLICT", `You already hold ${SHIELD_MAX} shields, the most a Hunter can hold`);
      }
      if (player.gold < price) {
        throw new AppError("CONFLICT", `Not enough gold: ${(price - player.gold).toLocaleString("en")} more needed`);
      }
      const purchase = await tx.purchase.create({
        data: {
          playerId,
          item: input.item,
          rewardId: input.item === "REWARD" ? input.rewardId : null,
          title,
          price,
          dayKey: playerToday(player, now),
          idempotencyKey: input.idempotencyKey,
        },
      });
      await post(tx, player, { reason: "SHOP", dayKey: purchase.dayKey, gold: -price, detail: purchase.id });
      if (input.item === "STREAK_SHIELD") {
        await tx.player.update({ where: { id: playerId }, data: { shields: { increment: 1 } } });
      }
      return toPurchaseDto(purchase);
    }, TX_OPTIONS);
  } catch (error) {
    // Two first sends of one key raced: the loser answers with the winner's purchase.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db.purchase.findUnique({
        where: { playerId_idempotencyKey: { playerId, idempotencyKey: input.idempotencyKey } },
      });
      if (winner) return sameRequest(winner, input);
    }
    throw error;
  }
}

function sameRequest(purchase: Purchase, input: PurchaseInput): PurchaseDto {
  const rewardId = input.item === "REWARD" ? input.rewardId : null;
  if (purchase.item !== input.item || purchase.rewardId !== rewardId) {
    throw new AppError("VALIDATION_FAILED", "This idempotency key was already used for a different request", {
      idempotencyKey: "Already used for another purchase: send a new key",
    });
  }
  return toPurchaseDto(purchase);
}

async function priceOf(tx: Tx, playerId: string, input: PurchaseInput) {
  if (input.item === "STREAK_SHIELD") return { title: "Streak shield", price: SHIELD_PRICE };
  const reward = await tx.reward.findFirst({ where: { id: input.rewardId, playerId, archivedAt: null } });
  if (!reward) throw new AppError("NOT_FOUND", "Reward not found");
  return { title: reward.title, price: reward.price };
}

/** Gives the gold back for a purchase made today (a shield only while it is still held). */
export async function undoPurchase(playerId: string, purchaseId: string, now: Date): Promise<PurchaseDto> {
  return db.$transaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const purchase = await tx.purchase.findFirst({ where: { id: purchaseId, playerId } });
    if (!purchase) throw new AppError("NOT_FOUND", "Purchase not found");
    if (purchase.undoneAt) throw new AppError("CONFLICT", "This purchase was already undone");
    if (purchase.dayKey !== playerToday(player, now)) {
      throw new AppError("CONFLICT", "A purchase can be undone on the day it was made only");
    }
    if (purchase.item === "STREAK_SHIELD") {
      if (player.shields < 1) throw new AppError("CONFLICT", "That shield has already been used");
      await tx.player.update({ where: { id: playerId }, data: { shields: { decrement: 1 } } });
    }
    await post(tx, player, { reason: "SHOP", dayKey: purchase.dayKey, gold: purchase.price, detail: purchase.id });
    return toPurchaseDto(await tx.purchase.update({ where: { id: purchase.id }, data: { undoneAt: now } }));
  }, TX_OPTIONS);
}
