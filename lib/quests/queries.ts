import "server-only";
import { db } from "@/lib/db";
import { assertRange } from "@/lib/days/queries";
import { AppError } from "@/lib/errors";
import { questStreak, strengthSeries, type QuestDay, type Schedule } from "@/lib/quests/rules";
import { addDays, type DayKey } from "@/lib/time/rules";

/**
 * A DAILY's strength for each day in [from, to], recomputed from its whole log (shielded and rest days frozen),
 * and its current quest streak. Days after the last settled one are not judged yet and are left out.
 */
export async function getStrengthSeries(playerId: string, questId: string, from: DayKey, to: DayKey) {
  assertRange(from, to);
  const quest = await db.quest.findFirst({
    where: { id: questId, playerId },
    select: {
      kind: true,
      schedule: true,
      timesPerDay: true,
      createdDay: true,
      player: { select: { lastSettledDay: true } },
    },
  });
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  if (quest.kind !== "DAILY") throw new AppError("CONFLICT", "Only DAILY quests have a strength");
  const settled = quest.player.lastSettledDay;
  // No settled day yet: nothing is judged (an open day would read as a miss).
  if (settled === null) return { series: [], questStreak: 0 };
  const last = settled < to ? settled : to;
  if (last < quest.createdDay) return { series: [], questStreak: 0 };

  const [counts, frozen] = await Promise.all([
    db.checkIn.groupBy({
      by: ["dayKey"],
      where: { questId, undo: null, dayKey: { gte: quest.createdDay, lte: last } },
      _count: { _all: true },
    }),
    db.daySettlement.findMany({
      where: { playerId, dayKey: { gte: quest.createdDay, lte: last }, outcome: { in: ["REST", "SHIELDED"] } },
      select: { dayKey: true },
    }),
  ]);
  const completions = new Map(counts.map((c) => [c.dayKey, c._count._all]));
  const frozenDays = new Set(frozen.map((f) => f.dayKey));
  const days: QuestDay[] = [];
  for (let day = quest.createdDay; day <= last; day = addDays(day, 1)) {
    days.push({ day, completions: completions.get(day) ?? 0, frozen: frozenDays.has(day) });
  }
  const schedule = quest.schedule as Schedule;
  const scores = strengthSeries(schedule, days, quest.timesPerDay);
  return {
    series: days.flatMap((d, i) => (d.day >= from ? [{ day: d.day, strength: scores[i] ?? 0 }] : [])),
    questStreak: questStreak(schedule, days, quest.timesPerDay),
  };
}
