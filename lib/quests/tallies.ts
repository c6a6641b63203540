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

/** One (quest, day) of a tally statement: its counted check-ins and the sum of their values. */
export type TallyGroup = { questId: string; dayKey: DayKey; count: number; total: number };

/**
 * The tally statement: counted (not undone) check-ins per (quest, day) of the check-ins `c` that `whose` holds for,
 * on the days `from` through `to`, with the sum of their values. loadTallies runs it; the status read runs it per
 * quest inside its own statement.
 */
export function tallyGroups(whose: Prisma.Sql, from: DayKey, to: DayKey): Prisma.Sql {
  return Prisma.sql`
    SELECT c."questId", c."dayKey", COUNT(*)::int AS "count", COALESCE(SUM(c."value"), 0)::float8 AS "total"
    FROM "CheckIn" c
    WHERE ${whose} AND c."dayKey" >= ${from} AND c."dayKey" <= ${to}
      AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
    GROUP BY c."questId", c."dayKey"`;
}

/** Tally groups keyed as the rules look them up (tallyKey). */
export function talliesOf(groups: readonly TallyGroup[]): Tallies {
  return new Map(groups.map((g) => [tallyKey(g.questId, g.dayKey), { count: g.count, total: g.total }]));
}

/** Counted (not undone) check-ins per (quest, day) with the sum of their values: one grouped query. */
export async function loadTallies(client: Sql, scope: TallyScope): Promise<Tallies> {
  const whose = [
    ...("playerId" in scope ? [Prisma.sql`c."playerId" = ${scope.playerId}`] : []),
    ...(scope.questIds ? [Prisma.sql`c."questId" = ANY(${[...scope.questIds]})`] : []),
  ];
  return talliesOf(
    await client.$queryRaw<TallyGroup[]>(tallyGroups(Prisma.join(whose, " AND "), scope.from, scope.to)),
  );
}
