import "server-only";
import type { Sql } from "@/lib/db";
import type { Quest } from "@/lib/generated/prisma/client";
import {
  advanceStrength,
  historyStart,
  INITIAL_STRENGTH,
  questShape,
  questStreak,
  strengthCompletions,
  strengthSchedule,
  type QuestDay,
  tallyOf,
  type Tallies,
} from "@/lib/quests/rules";
import { loadTallies } from "@/lib/quests/tallies";
import { addDays, weekStart, type DayKey } from "@/lib/time/rules";

type StrengthQuest = Pick<
  Quest,
  "id" | "playerId" | "kind" | "schedule" | "timesPerDay" | "positive" | "targetValue" | "targetDirection"
> & { createdDay: DayKey; historyFrom: DayKey | null };

/** How far back the quests screen looks for a quest's streak: a streak this long shows as "366+". */
export const STREAK_WINDOW_DAYS = 366;

/** Whether strength froze for a quest on a day. */
type Frozen = (questId: string, day: DayKey) => boolean;

/** A quest's days from `from` through `through`, as strength reads them: what each completed, and if it was frozen. */
function questDays(quest: StrengthQuest, from: DayKey, through: DayKey, tallies: Tallies, frozen: Frozen) {
  const shape = questShape(quest);
  const days: QuestDay[] = [];
  for (let day = from; day <= through; day = addDays(day, 1)) {
    const completions = strengthCompletions(shape, tallyOf(tallies, quest.id, day), day);
    days.push({ day, completions, frozen: frozen(quest.id, day) });
  }
  return days;
}

/**
 * Where strength freezes within [from, through]: the player's rest and shielded days, and each quest's days skipped
 * in imported history (docs/rules.md "Imports"). Two queries for any number of quests.
 */
async function frozenDays(
  client: Sql,
  playerId: string,
  questIds: readonly string[],
  from: DayKey,
  through: DayKey,
): Promise<Frozen> {
  const [rows, skips] = await Promise.all([
    client.$queryRaw<{ dayKey: DayKey }[]>`
      SELECT "dayKey" FROM "DaySettlement"
      WHERE "playerId" = ${playerId} AND "dayKey" >= ${from} AND "dayKey" <= ${through}
        AND "outcome" IN ('REST', 'SHIELDED')`,
    client.$queryRaw<{ questId: string; dayKey: DayKey }[]>`
      SELECT "questId", "dayKey" FROM "QuestSkip"
      WHERE "questId" = ANY(${[...questIds]}) AND "dayKey" >= ${from} AND "dayKey" <= ${through}`,
  ]);
  const settled = new Set(rows.map((row) => row.dayKey));
  const skipped = new Set(skips.map((skip) => `${skip.questId}|${skip.dayKey}`));
  return (questId, day) => settled.has(day) || skipped.has(`${questId}|${day}`);
}

/**
 * A quest's days from its first day of history (historyStart: an imported quest's history begins before its
 * creation) through `through`, as strength reads them. One grouped query for the check-ins, two for the frozen days.
 */
export async function strengthDays(client: Sql, quest: StrengthQuest, through: DayKey): Promise<QuestDay[]> {
  const from = historyStart(quest);
  const [tallies, frozen] = await Promise.all([
    loadTallies(client, { questIds: [quest.id], from, to: through }),
    frozenDays(client, quest.playerId, [quest.id], from, through),
  ]);
  return questDays(quest, from, through, tallies, frozen);
}

/**
 * Quest streaks of a player's dailies and habits through `through` (their last settled day), looking back at most
 * STREAK_WINDOW_DAYS from a Monday: two queries for any number of quests.
 */
export async function questStreaks(
  client: Sql,
  playerId: string,
  quests: readonly StrengthQuest[],
  through: DayKey,
): Promise<Map<string, number>> {
  const judged = quests.filter((q) => (q.kind === "DAILY" || q.kind === "HABIT") && historyStart(q) <= through);
  if (judged.length === 0) return new Map();
  const windowStart = weekStart(addDays(through, -(STREAK_WINDOW_DAYS - 1)));
  const [tallies, frozen] = await Promise.all([
    loadTallies(client, {
      playerId,
      questIds: judged.map((q) => q.id),
      from: windowStart,
      to: through,
    }),
    frozenDays(
      client,
      playerId,
      judged.map((q) => q.id),
      windowStart,
      through,
    ),
  ]);
  return new Map(
    judged.map((quest) => {
      const from = historyStart(quest) > windowStart ? historyStart(quest) : windowStart;
      const days = questDays(quest, from, through, tallies, frozen);
      return [quest.id, questStreak(strengthSchedule(questShape(quest)), days, quest.timesPerDay)];
    }),
  );
}

/**
 * A backfill changes a settled day's check-ins, and an import brings a quest's history, so the stored strength (read
 * by stats and rank trials) is recomputed from the log through `through` (default: the last day it was advanced),
 * exactly as the strength chart reads it (docs/rules.md "Yesterday, backfill, undo", "Imports"). Any number of
 * quests in one pass: one grouped read of their check-ins, one of the frozen days, then a walk per quest.
 */
export async function restateStrengths(tx: Sql, quests: readonly Quest[], through?: DayKey | null): Promise<void> {
  const end = (quest: Quest) => (through === undefined ? quest.strengthDay : through);
  const scored = quests.filter((q) => (q.kind === "DAILY" || q.kind === "HABIT") && end(q) !== null);
  const ends = new Set(scored.map((q) => end(q)!));
  for (const last of ends) {
    const group = scored.filter((q) => end(q) === last);
    const ids = group.map((q) => q.id);
    const first = group.map(historyStart).reduce((a, b) => (a < b ? a : b));
    const [tallies, frozen] = await Promise.all([
      loadTallies(tx, { questIds: ids, from: first, to: last }),
      frozenDays(tx, group[0]!.playerId, ids, first, last),
    ]);
    for (const quest of group) {
      const schedule = strengthSchedule(questShape(quest));
      const state = questDays(quest, historyStart(quest), last, tallies, frozen).reduce(
        (current, day) => advanceStrength(schedule, quest.timesPerDay, current, day),
        INITIAL_STRENGTH,
      );
      await tx.$executeRaw`
        UPDATE "Quest" SET "strength" = ${state.score}, "strengthState" = ${JSON.stringify(state)}::jsonb,
          "strengthDay" = ${last}, "updatedAt" = ${new Date()}
        WHERE "id" = ${quest.id}`;
    }
  }
}

/** restateStrengths for one quest through the last day it was advanced (a backfill). */
export function restateStrength(tx: Sql, quest: Quest): Promise<void> {
  return restateStrengths(tx, [quest]);
}
