import "server-only";
import { db } from "@/lib/db";
import { BACKFILL_MAX_DAYS } from "@/lib/days/rules";
import { AppError } from "@/lib/errors";
import { addDays, type DayKey } from "@/lib/time/rules";

export type EditableDay = {
  day: DayKey;
  /** The day's counted check-ins, oldest first; `removable` as undoCheckIn decides (lib/check-ins/undo.ts). */
  checkIns: { id: string; source: string; value: number | null; removable: boolean }[];
};

/**
 * One quest's backfill window, the 7 days before today (the days it existed), each with its counted check-ins:
 * what the quest page offers to add or remove (docs/rules.md "Yesterday, backfill, undo").
 */
export async function getEditableDays(playerId: string, questId: string, today: DayKey): Promise<EditableDay[]> {
  const from = addDays(today, -BACKFILL_MAX_DAYS);
  const yesterday = addDays(today, -1);
  const [quest, player, rows] = await Promise.all([
    db.quest.findFirst({ where: { id: questId, playerId }, select: { createdDay: true } }),
    db.player.findUniqueOrThrow({ where: { id: playerId }, select: { lastSettledDay: true } }),
    db.checkIn.findMany({
      where: { questId, playerId, undo: null, dayKey: { gte: from, lte: yesterday } },
      orderBy: [{ happenedAt: "asc" }, { recordedAt: "asc" }],
      select: { id: true, dayKey: true, source: true, value: true },
    }),
  ]);
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  const days: EditableDay[] = [];
  for (let day = from; day <= yesterday; day = addDays(day, 1)) {
    if (day < quest.createdDay) continue;
    const settled = player.lastSettledDay !== null && day <= player.lastSettledDay;
    days.push({
      day,
      checkIns: rows
        .filter((row) => row.dayKey === day)
        .map(({ id, source, value }) => ({ id, source, value, removable: !settled || source === "BACKFILL" })),
    });
  }
  return days;
}
