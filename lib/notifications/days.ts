import "server-only";
import { db } from "@/lib/db";
import { loadTallies } from "@/lib/quests/tallies";
import { tallyOf, type QuestDto } from "@/lib/quests/rules";
import { questToday, type QuestToday } from "@/lib/quests/today";
import { isRestDay, weekStart, type DayKey } from "@/lib/time/rules";

/** Quests' days as the status window reads them, for many Hunters at once. */
export type QuestDays = {
  on: (quest: QuestDto, playerId: string, day: DayKey) => QuestToday;
  resting: (playerId: string, day: DayKey) => boolean;
};

/**
 * Loads what judging these quests on these days needs, in two queries for any number of Hunters: the quests'
 * check-ins from the Monday before the first day through the last (a weekly quota reads its week), and the Hunters'
 * rest periods over those days.
 */
export async function loadQuestDays(
  quests: readonly QuestDto[],
  playerIds: readonly string[],
  days: readonly DayKey[],
): Promise<QuestDays> {
  const sorted = [...days].sort();
  const first = sorted[0] ?? "0000-01-01";
  const last = sorted[sorted.length - 1] ?? first;
  const [tallies, rests] = await Promise.all([
    loadTallies(db, { questIds: quests.map((q) => q.id), from: weekStart(first), to: last }),
    db.restPeriod.findMany({
      where: { playerId: { in: [...playerIds] }, endDay: { gte: first }, startDay: { lte: last } },
      select: { playerId: true, startDay: true, endDay: true },
    }),
  ]);
  const resting = (playerId: string, day: DayKey) =>
    isRestDay(
      rests.filter((r) => r.playerId === playerId),
      day,
    );
  return {
    resting,
    on: (quest, playerId, day) =>
      questToday(quest, day, {
        tally: tallyOf(tallies, quest.id, day),
        week: (d) => tallyOf(tallies, quest.id, d),
        resting: resting(playerId, day),
      }),
  };
}
