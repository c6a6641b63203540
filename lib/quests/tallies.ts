import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tallyKey, type Tallies } from "@/lib/quests/rules";

/** Counted (not undone) check-ins per (quest, day) with the sum of their values: one grouped query. */
export async function loadTallies(client: Tx, where: Prisma.CheckInWhereInput): Promise<Tallies> {
  const grouped = await client.checkIn.groupBy({
    by: ["questId", "dayKey"],
    where: { ...where, undo: null },
    _count: { _all: true },
    _sum: { value: true },
  });
  return new Map(
    grouped.map((g) => [tallyKey(g.questId, g.dayKey), { count: g._count._all, total: g._sum.value ?? 0 }]),
  );
}
