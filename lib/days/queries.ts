import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DayKey } from "@/lib/time/rules";

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
  const [checkIns, settlements] = await Promise.all([
    db.checkIn.findMany({
      where: { playerId, dayKey: { gte: from, lte: to } },
      orderBy: { happenedAt: "asc" },
      select: CHECK_IN_ROW,
    }),
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
      checkIns: HistoryCheckIn[];
      penalties: Omit<(typeof penalties)[number], "id">[];
    }
  >();
  const dayOf = (day: DayKey) => {
    if (!days.has(day)) days.set(day, { day, outcome: null, streakAfter: null, checkIns: [], penalties: [] });
    return days.get(day)!;
  };
  for (const s of settlements) Object.assign(dayOf(s.dayKey), { outcome: s.outcome, streakAfter: s.streakAfter });
  for (const { id, ...penalty } of penalties) dayOf(openedOn.get(id)!).penalties.push(penalty);
  for (const c of checkIns) {
    dayOf(c.dayKey).checkIns.push({
      id: c.id,
      questId: c.questId,
      questTitle: c.quest.title,
      happenedAt: c.happenedAt.toISOString(),
      recordedAt: c.recordedAt.toISOString(),
      source: c.source,
      value: c.value,
      note: c.note,
      undone: c.undo !== null,
    });
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
