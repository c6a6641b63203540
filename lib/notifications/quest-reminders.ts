import "server-only";
import { db } from "@/lib/db";
import { onPlayerClock, onRealClock, playerNow, type Clocks } from "@/lib/notifications/clocks";
import { loadQuestDays } from "@/lib/notifications/days";
import { newNotificationId, recordNotifications, type Planned } from "@/lib/notifications/outbox";
import type { PushPayload } from "@/lib/notifications/payload";
import {
  earliest,
  mayPush,
  minutesAfter,
  needsReminder,
  pushWindowEnd,
  PUSH_WINDOW_MINUTES,
  questReminderMessage,
  topicFor,
} from "@/lib/notifications/rules";
import { notificationPrefsOf } from "@/lib/player/schemas";
import { toQuestDto, type QuestDto } from "@/lib/quests/rules";
import {
  dayEndInstant,
  dayKey,
  dayStartInstant,
  lastLocalTime,
  localMinuteOfDay,
  nextLocalTime,
  type DayKey,
} from "@/lib/time/rules";

export type PlanReport = { due: number; queued: number };

type Clock = { timeZone: string; dayStartMinute: number };

function reminderPayload(
  id: string,
  quest: QuestDto,
  day: DayKey,
  clock: Clock,
  message: { title: string; body: string },
) {
  const payload: PushPayload = {
    id,
    ...message,
    url: `/quests/${quest.id}`,
    tag: topicFor("QUEST_REMINDER", quest.id),
  };
  // A quest with a target needs an amount: its reminder opens the quest instead of checking in.
  if (quest.target) return payload;
  return {
    ...payload,
    checkIn: {
      questId: quest.id,
      questTitle: quest.title,
      day,
      dayStart: dayStartInstant(day, clock.timeZone, clock.dayStartMinute).toISOString(),
      dayEnd: dayEndInstant(day, clock.timeZone, clock.dayStartMinute).toISOString(),
      idempotencyKey: `reminder:${id}`,
    },
  };
}

/**
 * Quest reminders whose time has come, found by the nextReminderAt index (never by scanning quests): each is sent
 * once if its window is still open, the Hunter has a device, wants reminders, is outside quiet hours and not
 * resting, the day is not settled and the quest still needs doing that System day. Either way each quest's
 * nextReminderAt moves on to its next time, so a batch is claimed once.
 */
export async function planQuestReminders(
  clocks: Clocks,
  options: { batchSize: number; deadline: number },
): Promise<PlanReport> {
  const report: PlanReport = { due: 0, queued: 0 };
  while (Date.now() < options.deadline) {
    const claimed = await db.quest.findMany({
      where: onPlayerClock(clocks, (at) => ({ nextReminderAt: { lte: at } })),
      orderBy: { nextReminderAt: "asc" },
      take: options.batchSize,
      include: {
        player: {
          select: {
            timeZone: true,
            dayStartMinute: true,
            lastSettledDay: true,
            notificationPrefs: true,
            _count: { select: { pushSubscriptions: true } },
          },
        },
      },
    });
    if (claimed.length === 0) break;
    report.due += claimed.length;

    const candidates = claimed.flatMap((row) => {
      const now = playerNow(clocks, row.playerId);
      const { player } = row;
      const last = lastLocalTime(row.reminderTimes, player.timeZone, now);
      const next = nextLocalTime(row.reminderTimes, player.timeZone, now);
      if (!last || player._count.pushSubscriptions === 0) return [];
      const day = dayKey(last.at, player.timeZone, player.dayStartMinute);
      const prefs = notificationPrefsOf(player.notificationPrefs);
      const end = earliest(
        minutesAfter(last.at, PUSH_WINDOW_MINUTES),
        next,
        dayEndInstant(day, player.timeZone, player.dayStartMinute),
      );
      const open = now < end && (player.lastSettledDay === null || day > player.lastSettledDay);
      if (!open || !mayPush("QUEST_REMINDER", prefs, localMinuteOfDay(now, player.timeZone))) return [];
      return [{ row, quest: toQuestDto(row), now, day, slot: last.time, at: last.at, prefs, end }];
    });

    const days = await loadQuestDays(
      candidates.map((c) => c.quest),
      candidates.map((c) => c.row.playerId),
      candidates.map((c) => c.day),
    );
    const planned: Planned[] = candidates.flatMap(({ row, quest, now, day, slot, at, prefs, end }) => {
      const today = days.on(quest, row.playerId, day);
      if (days.resting(row.playerId, day) || !needsReminder(quest, today)) return [];
      const id = newNotificationId();
      const until = pushWindowEnd(end, "QUEST_REMINDER", prefs, row.player.timeZone, now);
      const message = questReminderMessage(quest, { ...today, day });
      const payload = reminderPayload(id, quest, day, row.player, message);
      return [
        {
          id,
          playerId: row.playerId,
          type: "QUEST_REMINDER",
          subject: quest.id,
          dayKey: day,
          slot,
          at,
          push: { payload, until: onRealClock(clocks, row.playerId, until) },
        },
      ];
    });
    report.queued += await recordNotifications(planned, clocks.now);

    // Each claimed quest moves on to its next time, unless its reminders changed meanwhile (then that stands).
    const moves = claimed.map((row) => ({
      id: row.id,
      from: row.nextReminderAt!,
      to: nextLocalTime(row.reminderTimes, row.player.timeZone, playerNow(clocks, row.playerId)),
    }));
    await db.$executeRaw`
      UPDATE "Quest" q SET "nextReminderAt" = m."to"
      FROM unnest(${moves.map((m) => m.id)}::text[], ${moves.map((m) => m.from)}::timestamp[],
        ${moves.map((m) => m.to)}::timestamp[]) AS m(id, "from", "to")
      WHERE q.id = m.id AND q."nextReminderAt" = m."from"`;
    if (claimed.length < options.batchSize) break;
  }
  return report;
}
