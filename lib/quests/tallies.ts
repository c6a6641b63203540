import "server-only";
import type { Sql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { tallyKey, type Tallies } from "@/lib/quests/rules";
import type { DayKey } from "@/lib/time/rules";

/** Whose check-ins a tally counts (a player's, some quests', or both at once) on the days `from` through `to`. */
export type TallyScope = ({ playerId: string; questIds?: readonly string[] } | { questIds: readonly string[] }) & {
  from: DayKey;
  to: DayKey;
};

/** Counted (not undone) check-ins per (quest, day) with the sum of their values: one grouped query. */
export async function loadTallies(client: Sql, scope: TallyScope): Promise<Tallies> {
  const whose = [
    ...("playerId" in scope ? [Prisma.sql`c."playerId" = ${scope.playerId}`] : []),
    ...(scope.questIds ? [Prisma.sql`c."questId" = ANY(${[...scope.questIds]})`] : []),
  ];
  const grouped = await client.$queryRaw<{ questId: string; dayKey: DayKey; count: number; total: number }[]>`
    SELECT c."questId", c."dayKey", COUNT(*)::int AS "count", COALESCE(SUM(c."value"), 0)::float8 AS "total"
    FROM "CheckIn" c
    WHERE ${Prisma.join(whose, " AND ")} AND c."dayKey" >= ${scope.from} AND c."dayKey" <= ${scope.to}
      AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
    GROUP BY c."questId", c."dayKey"`;
  return new Map(grouped.map((g) => [tallyKey(g.questId, g.dayKey), { count: g.count, total: g.total }]));
}
