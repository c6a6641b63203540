// Hunters with a history, for the insights tests: built through the real services (sign-up, quests, check-ins,
// settlement), so the facts are computed from the same log the game writes.
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { addDays, dayStartInstant, type DayKey } from "@/lib/time/rules";
import { checkInAt, makePlayer, makeQuest, type TestPlayer } from "@/tests/support/factories";

export type HistoryQuest = { title: string; notes?: string; overrides?: Record<string, unknown> };

/**
 * A UTC Hunter created on `firstDay` with these dailies, checked in at `hour`:00 on each of `days` days from
 * `firstDay` unless `skip(day, index)` says otherwise; every day before `settleThrough` is settled.
 */
export async function makeHunterWithHistory(options: {
  firstDay: DayKey;
  days: number;
  quests: HistoryQuest[];
  hour?: number;
  skip?: (day: DayKey, questIndex: number) => boolean;
  aiOptIn?: boolean;
  dueForReport?: boolean;
}): Promise<TestPlayer & { questIds: string[] }> {
  const start = dayStartInstant(options.firstDay, "UTC", 0);
  const player = await makePlayer({ createdAt: start });
  const questIds: string[] = [];
  for (const quest of options.quests) {
    const created = await makeQuest(
      player.playerId,
      { title: quest.title, notes: quest.notes ?? "", ...quest.overrides },
      start,
    );
    questIds.push(created.id);
  }
  const hour = options.hour ?? 7;
  for (let i = 0; i < options.days; i++) {
    const day = addDays(options.firstDay, i);
    const at = new Date(dayStartInstant(day, "UTC", 0).getTime() + hour * 3_600_000);
    await settlePlayer(player.playerId, at);
    for (const [index, questId] of questIds.entries()) {
      if (options.skip?.(day, index)) continue;
      const target = options.quests[index]?.overrides?.target as { value: number } | undefined;
      await checkInAt(player.playerId, questId, new Date(at.getTime() + index * 60_000), {
        ...(target && { value: target.value }),
      });
    }
  }
  // An opted-in Hunter is kept out of the tick's way (another test file may run it) unless the test asks for it.
  if (options.aiOptIn) {
    await db.player.update({
      where: { id: player.playerId },
      data: { aiOptIn: true, nextReportAt: options.dueForReport ? null : new Date("2100-01-01T00:00:00Z") },
    });
  }
  return { ...player, questIds };
}

/** Settles everything up to the instant, as the Hunter's first request after it would. */
export function settleUntil(playerId: string, at: Date) {
  return settlePlayer(playerId, at);
}
