import "server-only";
import { db } from "@/lib/db";
import { BACKFILL_MAX_DAYS } from "@/lib/days/rules";
import { AppError } from "@/lib/errors";
import { addDays, type DayKey } from "@/lib/time/rules";

export type EditableDay = {
  day: DayKey;
  /** The day's counted check-ins. */
  count: number;
  /** The latest of them that undo removes (lib/check-ins/undo.ts: any on an unsettled day, a backfill on a settled one). */
  removableId: string | null;
};

/**
 * One quest's backfill window, the 7 days before today (the days it existed), each with how many counted check-ins
 * it holds and the one "Remove one" takes back: what the quest page offers to add or remove (docs/rules.md
 * "Yesterday, backfill, undo"). One row a day, whatever the number of taps (#16).
 */
export async function getEditableDays(playerId: string, questId: string, today: DayKey): Promise<EditableDay[]> {
  const from = addDays(today, -BACKFILL_MAX_DAYS);
  const yesterday = addDays(today, -1);
  const [quest, player, rows] = await Promise.all([
    db.quest.findFirst({ where: { id: questId, playerId }, select: { createdDay: true } }),
    db.player.findUniqueOrThrow({ where: { id: playerId }, select: { lastSettledDay: true } }),
    db.$queryRaw<{ dayKey: DayKey; count: number; latestId: string; latestBackfillId: string | null }[]>`
      SELECT c."dayKey", count(*)::int AS "count",
        (array_agg(c."id" ORDER BY c."happenedAt" DESC, c."recordedAt" DESC))[1] AS "latestId",
        (array_agg(c."id" ORDER BY c."happenedAt" DESC, c."recordedAt" DESC)
          FILTER (WHERE c."source" = 'BACKFILL'))[1] AS "latestBackfillId"
      FROM "CheckIn" c
      WHERE c."questId" = ${questId} AND c."playerId" = ${playerId} AND c."dayKey" >= ${from} AND c."dayKey" <= ${yesterday}
        AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
      GROUP BY 1`,
  ]);
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  const byDay = new Map(rows.map((row) => [row.dayKey, row]));
  const days: EditableDay[] = [];
  for (let day = from; day <= yesterday; day = addDays(day, 1)) {
    if (day < quest.createdDay) continue;
    const settled = player.lastSettledDay !== null && day <= player.lastSettledDay;
    const row = byDay.get(day);
    days.push({
      day,
      count: row?.count ?? 0,
      removableId: (settled ? row?.latestBackfillId : row?.latestId) ?? null,
    });
  }
  return days;
}
