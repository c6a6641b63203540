import "server-only";
import { db } from "@/lib/db";
import { onPlayerClock, onRealClock, playerNow, type Clocks } from "@/lib/notifications/clocks";
import { loadQuestDays } from "@/lib/notifications/days";
import { newNotificationId, recordNotifications, type Planned } from "@/lib/notifications/outbox";
import type { PlanReport } from "@/lib/notifications/quest-reminders";
import {
  earliest,
  isOpenAtDayEnd,
  LAST_CHANCE_TIME,
  lastChanceMessage,
  mayPush,
  minutesAfter,
  pushWindowEnd,
  PUSH_WINDOW_MINUTES,
  topicFor,
} from "@/lib/notifications/rules";
import { notificationPrefsOf } from "@/lib/player/schemas";
import { toQuestDto } from "@/lib/quests/rules";
import { dayEndInstant, dayKey, formatLocalTime, lastLocalTime, localMinuteOfDay, type DayKey } from "@/lib/time/rules";

/** The warning's last occurrence in a zone at `at`, if its window is still open then. */
function dueIn(timeZone: string, at: Date): Date | null {
  const last = lastLocalTime([LAST_CHANCE_TIME], timeZone, at);
  return last && at < minutesAfter(last.at, PUSH_WINDOW_MINUTES) ? last.at : null;
}

/** The time zones Hunters live in: a loose index scan of Player(timeZone), one probe per zone, not per Hunter. */
async function zonesInUse(): Promise<string[]> {
  const rows = await db.$queryRaw<{ timeZone: string }[]>`
    WITH RECURSIVE zones AS (
      (SELECT "timeZone" FROM "Player" ORDER BY "timeZone" LIMIT 1)
      UNION ALL
      SELECT (SELECT p."timeZone" FROM "Player" p WHERE p."timeZone" > z."timeZone" ORDER BY p."timeZone" LIMIT 1)
      FROM zones z WHERE z."timeZone" IS NOT NULL
    )
    SELECT "timeZone" FROM zones WHERE "timeZone" IS NOT NULL`;
  return rows.map((row) => row.timeZone);
}

/**
 * The last-chance warning at 20:00 local: the zones where it is 20:00-something are found first, then only their
 * Hunters with a device and no warning yet. Sent when dailies would fail the day, recorded either way so each Hunter
 * is judged once a day.
 */
export async function planLastChance(
  clocks: Clocks,
  options: { batchSize: number; deadline: number },
): Promise<PlanReport> {
  const report: PlanReport = { due: 0, queued: 0 };
  const zones = await zonesInUse();
  let after = "";
  while (Date.now() < options.deadline) {
    const candidates = await db.player.findMany({
      where: {
        id: { gt: after },
        ...onPlayerClock(
          clocks,
          (at) => ({
            timeZone: { in: zones.filter((zone) => dueIn(zone, at) !== null) },
            pushSubscriptions: { some: {} },
            notifications: {
              none: { type: "LAST_CHANCE" as const, at: { gte: minutesAfter(at, -2 * PUSH_WINDOW_MINUTES) } },
            },
          }),
          "id",
        ),
      },
      orderBy: { id: "asc" },
      take: options.batchSize,
      select: {
        id: true,
        timeZone: true,
        dayStartMinute: true,
        lastSettledDay: true,
        notificationPrefs: true,
        shields: true,
        quests: { where: { kind: "DAILY", archivedAt: null } },
      },
    });
    if (candidates.length === 0) break;
    after = candidates[candidates.length - 1]!.id;
    const planned = await judge(clocks, candidates);
    report.due += planned.length;
    report.queued += await recordNotifications(planned, clocks.now);
    if (candidates.length < options.batchSize) break;
  }
  return report;
}

type Candidate = {
  id: string;
  timeZone: string;
  dayStartMinute: number;
  lastSettledDay: string | null;
  notificationPrefs: unknown;
  shields: number;
  quests: Parameters<typeof toQuestDto>[0][];
};

/** Counts each Hunter's dailies that would fail the day: the warning goes out when there are any. */
async function judge(clocks: Clocks, candidates: Candidate[]): Promise<Planned[]> {
  const judged = candidates.flatMap((player) => {
    const now = playerNow(clocks, player.id);
    const at = dueIn(player.timeZone, now);
    if (!at) return [];
    const day: DayKey = dayKey(at, player.timeZone, player.dayStartMinute);
    if (player.lastSettledDay !== null && day <= player.lastSettledDay) return [];
    return [{ player, now, at, day, quests: player.quests.map(toQuestDto) }];
  });
  const days = await loadQuestDays(
    judged.flatMap((j) => j.quests),
    judged.map((j) => j.player.id),
    judged.map((j) => j.day),
  );
  return judged.map(({ player, now, at, day, quests }): Planned => {
    const open = quests.filter((quest) => isOpenAtDayEnd(quest, day, days.on(quest, player.id, day))).length;
    const prefs = notificationPrefsOf(player.notificationPrefs);
    const send = open > 0 && mayPush("LAST_CHANCE", prefs, localMinuteOfDay(now, player.timeZone));
    const id = newNotificationId();
    const dayEnd = dayEndInstant(day, player.timeZone, player.dayStartMinute);
    const end = earliest(minutesAfter(at, PUSH_WINDOW_MINUTES), dayEnd);
    const until = pushWindowEnd(end, "LAST_CHANCE", prefs, player.timeZone, now);
    const message = lastChanceMessage(open, formatLocalTime(localMinuteOfDay(dayEnd, player.timeZone)), player.shields);
    return {
      id,
      playerId: player.id,
      type: "LAST_CHANCE",
      subject: "",
      dayKey: day,
      slot: LAST_CHANCE_TIME,
      at,
      push: send
        ? {
            payload: { id, ...message, url: "/dashboard", tag: topicFor("LAST_CHANCE", "") },
            until: onRealClock(clocks, player.id, until),
          }
        : null,
    };
  });
}
