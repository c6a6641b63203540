import "server-only";
import { db } from "@/lib/db";
import { assertRange } from "@/lib/days/queries";
import { AppError } from "@/lib/errors";
import { isDueOn, questStreak, strengthSeries, type QuestDay, type Schedule } from "@/lib/quests/rules";
import { toQuestDto, type QuestDto } from "@/lib/quests/service";
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

/** One of the player's quests, or null when it is not theirs (a 404 for the page, never a leak). */
export async function findQuest(playerId: string, questId: string): Promise<QuestDto | null> {
  const quest = await db.quest.findFirst({ where: { id: questId, playerId } });
  return quest ? toQuestDto(quest) : null;
}

export const HEATMAP_DAYS = 365;

/**
 * Completions of one quest per day over the 365 days ending `to` (undone check-ins left out), for the calendar
 * heatmap: one grouped query read by the (questId, dayKey) index.
 */
export async function getQuestHeatmap(playerId: string, questId: string, to: DayKey) {
  const from = addDays(to, -(HEATMAP_DAYS - 1));
  const quest = await db.quest.findFirst({ where: { id: questId, playerId }, select: { id: true } });
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  const counts = await db.checkIn.groupBy({
    by: ["dayKey"],
    where: { questId, playerId, undo: null, dayKey: { gte: from, lte: to } },
    _count: { _all: true },
  });
  const byDay = new Map(counts.map((c) => [c.dayKey, c._count._all]));
  const days: { day: DayKey; completions: number }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push({ day, completions: byDay.get(day) ?? 0 });
  return { from, to, days, total: days.reduce((sum, d) => sum + d.completions, 0) };
}

export type QuestOption = { id: string; title: string; kind: string };

/** The quests a Hunter may check in for a past day (the System's Survival Quests are excluded). */
export async function listActiveQuestOptions(playerId: string): Promise<QuestOption[]> {
  return db.quest.findMany({
    where: { playerId, archivedAt: null, kind: { not: "PENALTY" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, kind: true },
  });
}

/** Dailies due on `day` that are not complete yet: what "record yesterday" offers to tick. */
export async function listOpenDailies(playerId: string, day: DayKey) {
  const quests = await db.quest.findMany({
    where: { playerId, archivedAt: null, kind: "DAILY", createdDay: { lte: day } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      schedule: true,
      timesPerDay: true,
      _count: { select: { checkIns: { where: { dayKey: day, undo: null } } } },
    },
  });
  return quests
    .filter((q) => q.schedule !== null && isDueOn(q.schedule as Schedule, day) && q._count.checkIns < q.timesPerDay)
    .map((q) => ({ id: q.id, title: q.title, done: q._count.checkIns, timesPerDay: q.timesPerDay }));
}
