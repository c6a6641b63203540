import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, dayStartInstant, type DayKey } from "@/lib/time/rules";

/** A check-in as history and exports show it: with its quest's title and, if undone, when. */
export const CHECK_IN_ROW = {
  id: true,
  questId: true,
  dayKey: true,
  happenedAt: true,
  recordedAt: true,
  source: true,
  value: true,
  note: true,
  undo: { select: { undoneAt: true } },
  quest: { select: { title: true } },
} as const satisfies Prisma.CheckInSelect;

export type HistoryCheckIn = {
  id: string;
  questId: string;
  questTitle: string;
  happenedAt: string;
  recordedAt: string;
  source: string;
  value: number | null;
  note: string | null;
  undone: boolean;
};

/** Per day: the check-ins (undone ones marked) and how the day was settled, if it was. */
export async function getHistory(playerId: string, from: DayKey, to: DayKey) {
  const checkIns = db.checkIn
    .findMany({
      where: { playerId, dayKey: { gte: from, lte: to } },
      orderBy: { happenedAt: "asc" },
      select: CHECK_IN_ROW,
    })
    .then((rows) =>
      rows.map((c): HistoryCheckIn & { dayKey: DayKey } => ({
        dayKey: c.dayKey,
        id: c.id,
        questId: c.questId,
        questTitle: c.quest.title,
        happenedAt: c.happenedAt.toISOString(),
        recordedAt: c.recordedAt.toISOString(),
        source: c.source,
        value: c.value,
        note: c.note,
        undone: c.undo !== null,
      })),
    );
  return settledDays(playerId, from, to, checkIns);
}

/**
 * Check-ins of one quest on one day that share how they count and reached the System: `count` of them, their values
 * summing to `total` (null when none has one), the noted ones and the latest, oldest first.
 */
export type CheckInGroup = {
  dayKey: DayKey;
  questId: string;
  questTitle: string;
  undone: boolean;
  source: string;
  /** Recorded after its day had ended ("record yesterday", an offline check-in synced the next day). */
  later: boolean;
  count: number;
  total: number | null;
  first: Date;
  last: Date;
  latestId: string;
  noted: { id: string; note: string; at: string }[];
};

/**
 * The history screen's days: as getHistory's, with each day's check-ins grouped in SQL (CheckInGroup), so a habit
 * tapped thousands of times a day is a few rows (#16). A day's end is its next day's first instant in the Hunter's
 * zone, computed by the time rules and handed to the statement.
 */
export async function getHistoryGroups(
  playerId: string,
  from: DayKey,
  to: DayKey,
  clock: { timeZone: string; dayStartMinute: number },
) {
  const days: DayKey[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  const ends = days.map((day) => dayStartInstant(addDays(day, 1), clock.timeZone, clock.dayStartMinute));
  const groups = db.$queryRaw<CheckInGroup[]>`
    SELECT c."dayKey", c."questId", q."title" AS "questTitle", u."checkInId" IS NOT NULL AS "undone",
      c."source"::text AS "source", c."recordedAt" >= b."end" AS "later",
      count(*)::int AS "count", sum(c."value")::float8 AS "total", min(c."happenedAt") AS "first",
      max(c."happenedAt") AS "last", (array_agg(c."id" ORDER BY c."happenedAt" DESC, c."recordedAt" DESC))[1] AS "latestId",
      COALESCE(json_agg(json_build_object('id', c."id", 'note', c."note", 'at', c."happenedAt")
        ORDER BY c."happenedAt", c."recordedAt") FILTER (WHERE c."note" IS NOT NULL), '[]') AS "noted"
    FROM "CheckIn" c
    JOIN unnest(${days}::text[], ${ends}::timestamp[]) AS b(day, "end") ON b.day = c."dayKey"
    JOIN "Quest" q ON q."id" = c."questId"
    LEFT JOIN "CheckInUndo" u ON u."checkInId" = c."id"
    WHERE c."playerId" = ${playerId} AND c."dayKey" >= ${from} AND c."dayKey" <= ${to}
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY "first" ASC`;
  return settledDays(playerId, from, to, groups);
}

/** The days from `from` to `to` that have `entries`, a settlement or a Survival Quest, each with its entries. */
async function settledDays<T extends { dayKey: DayKey }>(
  playerId: string,
  from: DayKey,
  to: DayKey,
  read: Promise<T[]>,
) {
  const [entries, settlements] = await Promise.all([
    read,
    db.daySettlement.findMany({ where: { playerId, dayKey: { gte: from, lte: to } } }),
  ]);
  // A Survival Quest shows on the failed day that opened it (its settlement row names it).
  const openedOn = new Map(settlements.flatMap((s) => (s.penaltyId ? [[s.penaltyId, s.dayKey] as const] : [])));
  const penalties =
    openedOn.size === 0
      ? []
      : await db.penalty.findMany({
          where: { playerId, id: { in: [...openedOn.keys()] } },
          orderBy: { openedAt: "asc" },
          select: {
            id: true,
            status: true,
            progress: true,
            required: true,
            deadline: true,
            closedAt: true,
            fineXp: true,
            fineGold: true,
            returnedXp: true,
            returnedGold: true,
          },
        });
  const days = new Map<
    DayKey,
    {
      day: DayKey;
      outcome: string | null;
      streakAfter: number | null;
      checkIns: Omit<T, "dayKey">[];
      penalties: Omit<(typeof penalties)[number], "id">[];
    }
  >();
  const dayOf = (day: DayKey) => {
    if (!days.has(day)) days.set(day, { day, outcome: null, streakAfter: null, checkIns: [], penalties: [] });
    return days.get(day)!;
  };
  for (const s of settlements) Object.assign(dayOf(s.dayKey), { outcome: s.outcome, streakAfter: s.streakAfter });
  for (const { id, ...penalty } of penalties) dayOf(openedOn.get(id)!).penalties.push(penalty);
  for (const { dayKey, ...entry } of entries) dayOf(dayKey).checkIns.push(entry);
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
