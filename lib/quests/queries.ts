import "server-only";
import { db, rawColumns } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  historyStart,
  questShape,
  questStreak,
  strengthSchedule,
  strengthSeries,
  toQuestDto,
  type QuestDto,
  tallyOf,
} from "@/lib/quests/rules";
import { questStreaks, strengthDays } from "@/lib/quests/strength";
import { loadTallies } from "@/lib/quests/tallies";
import { questToday, type QuestToday } from "@/lib/quests/today";
import { addDays, isRestDay, localDay, playerToday, weekStart, type DayKey } from "@/lib/time/rules";

/**
 * A DAILY's strength for each day in [from, to], recomputed from its whole log (shielded and rest days frozen),
 * and its current quest streak. Days after the last settled one are not judged yet and are left out.
 */
export async function getStrengthSeries(playerId: string, questId: string, from: DayKey, to: DayKey) {
  const quest = await db.quest.findFirst({
    where: { id: questId, playerId },
    select: {
      kind: true,
      schedule: true,
      timesPerDay: true,
      positive: true,
      targetValue: true,
      targetDirection: true,
      createdDay: true,
      historyFrom: true,
      player: { select: { lastSettledDay: true, createdAt: true, timeZone: true, dayStartMinute: true } },
    },
  });
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  if (quest.kind !== "DAILY" && quest.kind !== "HABIT") {
    throw new AppError("CONFLICT", "Only dailies and habits have a strength");
  }
  const last = judgedThrough(quest.player, to);
  // Nothing judged yet (an open day would read as a miss).
  if (last < historyStart(quest)) return { series: [], questStreak: 0 };

  const days = await strengthDays(db, { ...quest, id: questId, playerId }, last);
  const schedule = strengthSchedule(questShape(quest));
  const scores = strengthSeries(schedule, days, quest.timesPerDay);
  return {
    series: days.flatMap((d, i) => (d.day >= from ? [{ day: d.day, strength: scores[i] ?? 0 }] : [])),
    questStreak: questStreak(schedule, days, quest.timesPerDay),
  };
}

/**
 * The last day whose check-ins are judged, up to `to`: the last settled day, or before any settlement the day before
 * the Hunter's first day (imported history there is never settled, so it counts as judged).
 */
export function judgedThrough(
  player: { lastSettledDay: DayKey | null; createdAt: Date; timeZone: string; dayStartMinute: number },
  to: DayKey,
): DayKey {
  const settled = player.lastSettledDay ?? addDays(localDay(player.createdAt, player), -1);
  return settled < to ? settled : to;
}

export type QuestView = QuestDto & QuestToday;

/**
 * Quests as the API shows them: each with its state on the Hunter's today (due, complete, progress, weekly
 * quota, to-do and checklist state), read the same way as the status window. Two queries for any number.
 */
export async function withToday(playerId: string, quests: QuestDto[], now: Date): Promise<QuestView[]> {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      timeZone: true,
      dayStartMinute: true,
      lastSettledDay: true,
      restPeriods: { select: { startDay: true, endDay: true } },
    },
  });
  const today = playerToday(player, now);
  const tallies = await loadTallies(db, {
    playerId,
    questIds: quests.map((q) => q.id),
    from: weekStart(today),
    to: today,
  });
  const resting = isRestDay(player.restPeriods, today);
  return quests.map((quest) => ({
    ...quest,
    ...questToday(quest, today, {
      tally: tallyOf(tallies, quest.id, today),
      week: (day) => tallyOf(tallies, quest.id, day),
      resting,
    }),
  }));
}

/** The Hunter's own order (quests screen), then the order they were made in. */
export const QUEST_ORDER = [
  { position: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
] as const satisfies Prisma.QuestOrderByWithRelationInput[];

/** QUEST_ORDER for a raw read of Quest aliased `q`. */
export const QUEST_ORDER_SQL = Prisma.sql`q."position" ASC NULLS LAST, q."createdAt" ASC`;

/** Every Quest column, as questColumns selects them (and rowColumns reads them back). */
export const QUEST_SCALARS = Object.values(Prisma.QuestScalarFieldEnum);

/** Every column of Quest for a raw read of the table aliased `q`, as the ORM reads them (`prefix`: rawColumns'). */
export function questColumns(prefix = ""): Prisma.Sql {
  const casts = { kind: "text", difficulty: "text", stats: "text[]", targetDirection: "text" } as const;
  return rawColumns("q", QUEST_SCALARS, casts, prefix);
}

export async function listQuests(playerId: string, options: { includeArchived: boolean }): Promise<QuestDto[]> {
  const quests = await db.quest.findMany({
    where: { playerId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: QUEST_ORDER,
  });
  return quests.map(toQuestDto);
}

/** One of the player's quests; another player's is a 404, never a leak. */
export async function getQuest(playerId: string, questId: string): Promise<QuestDto> {
  const quest = await findQuest(playerId, questId);
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  return quest;
}

export type QuestBoardEntry = QuestView & { streak: number | null };

/**
 * Every quest of the Hunter (archived too; the System's Survival Quests are not theirs to arrange), in their order,
 * each with its state today and its quest streak through the last settled day.
 */
export async function getQuestBoard(playerId: string, now: Date): Promise<QuestBoardEntry[]> {
  const [rows, player] = await Promise.all([
    db.quest.findMany({ where: { playerId, kind: { not: "PENALTY" } }, orderBy: QUEST_ORDER }),
    db.player.findUniqueOrThrow({ where: { id: playerId }, select: { lastSettledDay: true } }),
  ]);
  const [views, streaks] = await Promise.all([
    withToday(playerId, rows.map(toQuestDto), now),
    player.lastSettledDay
      ? questStreaks(
          db,
          playerId,
          rows.filter((row) => row.archivedAt === null),
          player.lastSettledDay,
        )
      : new Map<string, number>(),
  ]);
  return views.map((view) => ({ ...view, streak: streaks.get(view.id) ?? null }));
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

export type QuestOption = {
  id: string;
  title: string;
  kind: string;
  createdDay: string;
  target: { unit: string } | null;
};

/** The quests a Hunter may check in for a past day (the System's Survival Quests are excluded). */
export async function listActiveQuestOptions(playerId: string): Promise<QuestOption[]> {
  const quests = await db.quest.findMany({
    where: { playerId, archivedAt: null, kind: { not: "PENALTY" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, kind: true, createdDay: true, targetUnit: true },
  });
  return quests.map(({ targetUnit, ...q }) => ({ ...q, target: targetUnit === null ? null : { unit: targetUnit } }));
}
