import "server-only";
import { db } from "@/lib/db";
import { onPlayerClock, onRealClock, playerNow, type Clocks } from "@/lib/notifications/clocks";
import { newNotificationId, recordNotifications, type Planned } from "@/lib/notifications/outbox";
import type { PlanReport } from "@/lib/notifications/quest-reminders";
import {
  mayPush,
  minutesAfter,
  PENALTY_WARNING_MINUTES,
  penaltyClosingMessage,
  penaltyOpenedMessage,
  pushWindowEnd,
  topicFor,
} from "@/lib/notifications/rules";
import { notificationPrefsOf } from "@/lib/player/schemas";
import { formatLocalTime, localMinuteOfDay } from "@/lib/time/rules";

/**
 * "Penalty Zone opened" while more than an hour is left, then "closes in 1 hour": each once per Survival Quest,
 * found through open penalties (an index on status and deadline). A warning held by quiet hours waits for a later
 * tick inside its window rather than being dropped.
 */
export async function planPenaltyWarnings(clocks: Clocks): Promise<PlanReport> {
  const penalties = await db.penalty.findMany({
    where: {
      ...onPlayerClock(clocks, (at) => ({ status: "OPEN" as const, openedAt: { lte: at }, deadline: { gt: at } })),
      player: { pushSubscriptions: { some: {} } },
    },
    select: {
      id: true,
      playerId: true,
      openedDay: true,
      openedAt: true,
      deadline: true,
      required: true,
      progress: true,
      player: { select: { timeZone: true, notificationPrefs: true } },
    },
  });
  if (penalties.length === 0) return { due: 0, queued: 0 };
  const told = await db.notification.findMany({
    where: {
      playerId: { in: penalties.map((p) => p.playerId) },
      type: { in: ["PENALTY_OPENED", "PENALTY_CLOSING"] },
      subject: { in: penalties.map((p) => p.id) },
    },
    select: { type: true, subject: true },
  });
  const already = new Set(told.map((t) => `${t.type}|${t.subject}`));

  const planned: Planned[] = penalties.flatMap((penalty) => {
    const now = playerNow(clocks, penalty.playerId);
    const warnFrom = minutesAfter(penalty.deadline, -PENALTY_WARNING_MINUTES);
    const type = now >= warnFrom ? ("PENALTY_CLOSING" as const) : ("PENALTY_OPENED" as const);
    const { timeZone } = penalty.player;
    const prefs = notificationPrefsOf(penalty.player.notificationPrefs);
    if (already.has(`${type}|${penalty.id}`) || !mayPush(type, prefs, localMinuteOfDay(now, timeZone))) return [];
    const id = newNotificationId();
    const message =
      type === "PENALTY_OPENED"
        ? penaltyOpenedMessage(penalty.required, formatLocalTime(localMinuteOfDay(penalty.deadline, timeZone)))
        : penaltyClosingMessage(penalty.progress, penalty.required);
    const until = pushWindowEnd(type === "PENALTY_OPENED" ? warnFrom : penalty.deadline, type, prefs, timeZone, now);
    return [
      {
        id,
        playerId: penalty.playerId,
        type,
        subject: penalty.id,
        dayKey: penalty.openedDay,
        slot: "",
        at: type === "PENALTY_OPENED" ? penalty.openedAt : warnFrom,
        push: {
          payload: { id, ...message, url: "/dashboard", tag: topicFor(type, penalty.id) },
          until: onRealClock(clocks, penalty.playerId, until),
        },
      },
    ];
  });
  return { due: penalties.length, queued: await recordNotifications(planned, clocks.now) };
}
