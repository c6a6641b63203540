import "server-only";
import { db } from "@/lib/db";
import { playerStats, STATS } from "@/lib/progression/rules";
import { judgedThrough } from "@/lib/quests/queries";
import { strengthDays } from "@/lib/quests/strength";
import { loadTallies } from "@/lib/quests/tallies";
import {
  tallyOf,
  historyStart,
  questShape,
  questStreak,
  questStreakRuns,
  strengthSchedule,
  strengthSeries,
  type Schedule,
  toQuestDto,
} from "@/lib/quests/rules";
import {
  byMonth,
  byWeek,
  clearedFromHistory,
  sample,
  weekdayPattern,
  type ImportedDaily,
  type Point,
} from "@/lib/stats/rules";
import { addDays, localDay, weekStart, type DayKey } from "@/lib/time/rules";

const WEEKS = 26;
const MONTHS = 12;
const YEAR = 365;

/** One quest's statistics: completions by week and month, strength with its history, streaks, weekdays, values. */
export async function getQuestStats(playerId: string, questId: string, today: DayKey) {
  const quest = await db.quest.findFirst({
    where: { id: questId, playerId },
    include: { player: { select: { createdAt: true, timeZone: true, dayStartMinute: true, lastSettledDay: true } } },
  });
  if (!quest) return null;
  const start = historyStart(quest);
  const tallies = await loadTallies(db, { questIds: [questId], from: start, to: today });
  const counts = new Map<DayKey, number>();
  const totals = new Map<DayKey, number>();
  for (let day = start; day <= today; day = addDays(day, 1)) {
    const t = tallyOf(tallies, questId, day);
    if (t.count > 0) counts.set(day, t.count);
    if (t.total > 0) totals.set(day, t.total);
  }
  const through = judgedThrough(quest.player, today);
  const scored = quest.kind === "DAILY" || quest.kind === "HABIT";
  let strength: Point[] = [];
  let streaks = { current: 0, best: [] as number[] };
  if (scored && through >= start) {
    const days = await strengthDays(db, quest, through);
    const schedule = strengthSchedule(questShape(quest));
    const scores = strengthSeries(schedule, days, quest.timesPerDay);
    const lastYear = days.map((d, i) => ({ label: d.day, value: scores[i] ?? 0 })).slice(-YEAR);
    strength = sample(lastYear, 7);
    const runs = questStreakRuns(schedule, days, quest.timesPerDay);
    streaks = {
      current: questStreak(schedule, days, quest.timesPerDay),
      best: [...runs].sort((a, b) => b - a).slice(0, 3),
    };
  }
  const dto = toQuestDto(quest);
  const values = dto.target
    ? Array.from({ length: 30 }, (_, i) => {
        const day = addDays(today, i - 29);
        return { label: day, value: totals.get(day) ?? 0 };
      })
    : null;
  return {
    quest: dto,
    historyFrom: start,
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    weeks: byWeek(counts, today, WEEKS),
    months: byMonth(counts, today, MONTHS),
    weekdays: weekdayPattern(counts),
    strength,
    streaks,
    values,
  };
}

/**
 * The overall statistics: a year of cleared days (settled days as settled; days before the Hunter's first day
 * judged from imported history by the same rule), XP by week, and the five stats week by week (what the quests'
 * strength gave each stat then; base, job and points as they are now).
 */
export async function getOverallStats(playerId: string, today: DayKey) {
  const from = addDays(today, -(YEAR - 1));
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      createdAt: true,
      timeZone: true,
      dayStartMinute: true,
      lastSettledDay: true,
      job: true,
      allocatedStr: true,
      allocatedAgi: true,
      allocatedVit: true,
      allocatedInt: true,
      allocatedPer: true,
      quests: {
        where: { kind: { in: ["DAILY", "HABIT"] } },
        include: { skips: { select: { dayKey: true } } },
      },
    },
  });
  const firstDay = localDay(player.createdAt, player);
  const through = judgedThrough(player, today);
  const weeksFrom = weekStart(addDays(today, -7 * (WEEKS - 1)));
  const [settlements, xp, tallies] = await Promise.all([
    db.daySettlement.findMany({
      where: { playerId, dayKey: { gte: from, lte: today } },
      select: { dayKey: true, outcome: true },
    }),
    db.ledgerEntry.groupBy({
      by: ["dayKey"],
      where: { playerId, dayKey: { gte: weeksFrom, lte: today } },
      _sum: { xp: true },
    }),
    loadTallies(db, { playerId, from: weekStart(from < weeksFrom ? from : weeksFrom), to: today }),
  ]);

  const outcome = new Map(settlements.map((s) => [s.dayKey, s.outcome]));
  const archivedDay = (q: (typeof player.quests)[number]) => (q.archivedAt ? localDay(q.archivedAt, player) : null);
  const imported: ImportedDaily[] = player.quests
    .filter((q) => q.kind === "DAILY")
    .map((q) => ({
      id: q.id,
      schedule: q.schedule as Schedule,
      timesPerDay: q.timesPerDay,
      target: questShape(q).target,
      from: historyStart(q),
      until: archivedDay(q),
      skips: new Set(q.skips.map((s) => s.dayKey)),
    }));
  const tally = (questId: string, day: DayKey) => tallyOf(tallies, questId, day);
  const cleared: { day: DayKey; completions: number }[] = [];
  for (let day = from; day <= today; day = addDays(day, 1)) {
    const done = day < firstDay ? clearedFromHistory(day, imported, tally) : outcome.get(day) === "CLEARED";
    cleared.push({ day, completions: done ? 1 : 0 });
  }

  const xpByDay = new Map(xp.map((g) => [g.dayKey, g._sum.xp ?? 0]));
  const xpWeeks = byWeek(xpByDay, today, WEEKS);

  // Strength of every daily and habit at each week's end, recomputed from its log (one pass per quest).
  const weekEnds = xpWeeks.map((w) => addDays(w.label, 6)).map((d) => (d > through ? through : d));
  const strengthAt = new Map<string, Map<DayKey, number>>();
  for (const quest of player.quests) {
    const start = historyStart(quest);
    if (through < start) continue;
    const days = await strengthDays(db, quest, through);
    const scores = strengthSeries(strengthSchedule(questShape(quest)), days, quest.timesPerDay);
    strengthAt.set(quest.id, new Map(days.map((d, i) => [d.day, scores[i] ?? 0])));
  }
  const statsOverTime = weekEnds.map((end, i) => {
    const active = player.quests.filter(
      (q) => historyStart(q) <= end && (archivedDay(q) === null || end < archivedDay(q)!),
    );
    const stats = playerStats(
      player,
      active.map((q) => ({ stats: q.stats, strength: strengthAt.get(q.id)?.get(end) ?? 0 })),
    );
    return { label: xpWeeks[i]!.label, ...stats };
  });
  return {
    cleared,
    clearedCount: cleared.filter((d) => d.completions > 0).length,
    xpWeeks,
    stats: STATS.map((stat) => ({ stat, points: statsOverTime.map((s) => ({ label: s.label, value: s[stat] })) })),
  };
}
