import "server-only";
import type { Tx } from "@/lib/db";
import type { Quest } from "@/lib/generated/prisma/client";
import {
  advanceStrength,
  INITIAL_STRENGTH,
  questShape,
  questStreak,
  strengthCompletions,
  strengthSchedule,
  type QuestDay,
} from "@/lib/quests/rules";
import { loadTallies, tallyOf, type Tallies } from "@/lib/quests/tallies";
import { addDays, weekStart, type DayKey } from "@/lib/time/rules";

type StrengthQuest = Pick<
  Quest,
  "id" | "playerId" | "kind" | "schedule" | "timesPerDay" | "positive" | "targetValue" | "targetDirection"
> & { createdDay: DayKey };

/** How far back the quests screen looks for a quest's streak: a streak this long shows as "366+". */
export const STREAK_WINDOW_DAYS = 366;

/** A quest's days from `from` through `through`, as strength reads them: what each completed, and if it was frozen. */
function questDays(quest: StrengthQuest, from: DayKey, through: DayKey, tallies: Tallies, frozen: Set<DayKey>) {
  const shape = questShape(quest);
  const days: QuestDay[] = [];
  for (let day = from; day <= through; day = addDays(day, 1)) {
    const completions = strengthCompletions(shape, tallyOf(tallies, quest.id, day), day);
    days.push({ day, completions, frozen: frozen.has(day) });
  }
  return days;
}

/** The rest and shielded days (strength freezes on them) of a player within [from, through]. */
async function frozenDays(client: Tx, playerId: string, from: DayKey, through: DayKey): Promise<Set<DayKey>> {
  const rows = await client.daySettlement.findMany({
    where: { playerId, dayKey: { gte: from, lte: through }, outcome: { in: ["REST", "SHIELDED"] } },
    select: { dayKey: true },
  });
  return new Set(rows.map((row) => row.dayKey));
}

/**
 * A quest's days from its creation through `through`, as strength reads them. One grouped query for the
 * check-ins, one for the frozen days.
 */
export async function strengthDays(client: Tx, quest: StrengthQuest, through: DayKey): Promise<QuestDay[]> {
  const [tallies, frozen] = await Promise.all([
    loadTallies(client, { questId: quest.id, dayKey: { gte: quest.createdDay, lte: through } }),
    frozenDays(client, quest.playerId, quest.createdDay, through),
  ]);
  return questDays(quest, quest.createdDay, through, tallies, frozen);
}

/**
 * Quest streaks of a player's dailies and habits through `through` (their last settled day), looking back at most
 * STREAK_WINDOW_DAYS from a Monday: two queries for any number of quests.
 */
export async function questStreaks(
  client: Tx,
  playerId: string,
  quests: readonly StrengthQuest[],
  through: DayKey,
): Promise<Map<string, number>> {
  const judged = quests.filter((q) => (q.kind === "DAILY" || q.kind === "HABIT") && q.createdDay <= through);
  if (judged.length === 0) return new Map();
  const windowStart = weekStart(addDays(through, -(STREAK_WINDOW_DAYS - 1)));
  const [tallies, frozen] = await Promise.all([
    loadTallies(client, {
      playerId,
      questId: { in: judged.map((q) => q.id) },
      dayKey: { gte: windowStart, lte: through },
    }),
    frozenDays(client, playerId, windowStart, through),
  ]);
  return new Map(
    judged.map((quest) => {
      const from = quest.createdDay > windowStart ? quest.createdDay : windowStart;
      const days = questDays(quest, from, through, tallies, frozen);
      return [quest.id, questStreak(strengthSchedule(questShape(quest)), days, quest.timesPerDay)];
    }),
  );
}

/**
 * A backfill changes a settled day's check-ins, so the quest's stored strength (read by stats and rank trials) is
 * recomputed from its log through the last day it was advanced, exactly as the strength chart reads it
 * (docs/rules.md "Yesterday, backfill, undo"). A rare action, so reading the quest's history here is fine.
 */
export async function restateStrength(tx: Tx, quest: Quest): Promise<void> {
  const through = quest.strengthDay;
  if ((quest.kind !== "DAILY" && quest.kind !== "HABIT") || through === null) return;
  const schedule = strengthSchedule(questShape(quest));
  const state = (await strengthDays(tx, quest, through)).reduce(
    (current, day) => advanceStrength(schedule, quest.timesPerDay, current, day),
    INITIAL_STRENGTH,
  );
  await tx.quest.update({ where: { id: quest.id }, data: { strength: state.score, strengthState: state } });
}
