import "server-only";
import { db } from "@/lib/db";
import { toPurchaseDto } from "@/lib/shop/service";
import type { DayKey } from "@/lib/time/rules";

/** What the shop screen shows: the Hunter's gold and shields, their rewards, and today's purchases (undoable). */
export async function getShop(playerId: string, today: DayKey) {
  const [player, rewards, purchases] = await Promise.all([
    db.player.findUniqueOrThrow({ where: { id: playerId }, select: { gold: true, shields: true } }),
    db.reward.findMany({
      where: { playerId, archivedAt: null },
      orderBy: [{ price: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, price: true },
    }),
    db.purchase.findMany({ where: { playerId, dayKey: today }, orderBy: { createdAt: "asc" } }),
  ]);
  return { ...player, rewards, today: purchases.map(toPurchaseDto) };
}

/** Purchases made on days from `from` to `to`, for the history screen. */
export async function listPurchases(playerId: string, from: DayKey, to: DayKey) {
  const rows = await db.purchase.findMany({
    where: { playerId, dayKey: { gte: from, lte: to } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toPurchaseDto);
}
