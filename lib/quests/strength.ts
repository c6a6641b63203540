import "server-only";
import type { Tx } from "@/lib/db";
import type { Quest } from "@/lib/generated/prisma/client";
import { loadTallies, tallyOf } from "@/lib/quests/tallies";
import {
  advanceStrength,
  INITIAL_STRENGTH,
  questShape,
  strengthCompletions,
  strengthSchedule,
  type QuestDay,
} from "@/lib/quests/rules";
import { addDays, type DayKey } from "@/lib/time/rules";

type StrengthQuest = Pick<
  Quest,
  "id" | "playerId" | "kind" | "schedule" | "timesPerDay" | "positive" | "targetValue" | "targetDirection"
> & { createdDay: DayKey };

/**
 * A quest's days from its creation through `through`, as strength reads them: what each day completed, and
 * whether it was frozen (a rest or shielded day). One grouped query for the check-ins, one for the frozen days.
 */
export async function strengthDays(client: Tx, quest: StrengthQuest, through: DayKey): Promise<QuestDay[]> {
  const days = { gte: quest.createdDay, lte: through };
  const [tallies, frozen] = await Promise.all([
    loadTallies(client, { questId: quest.id, dayKey: days }),
    client.daySettlement.findMany({
      where: { playerId: quest.playerId, dayKey: days, outcome: { in: ["REST", "SHIELDED"] } },
      select: { dayKey: true },
    }),
  ]);
  const frozenDays = new Set(frozen.map((f) => f.dayKey));
  const shape = questShape(quest);
  const result: QuestDay[] = [];
  for (let day = quest.createdDay; day <= through; day = addDays(day, 1)) {
    const completions = strengthCompletions(shape, tallyOf(tallies, quest.id, day), day);
    result.push({ day, completions, frozen: frozenDays.has(day) });
  }
  return result;
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
