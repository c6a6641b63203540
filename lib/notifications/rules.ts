/**
 * What the System sends, when, and what it says (docs/rules.md "Reminders"). Pure: instants, preferences and the
 * quests' day come in as arguments.
 */
import type { NotificationPrefs, NotificationType, QuietHours } from "@/lib/player/schemas";
import type { QuestToday, QuestOnDay } from "@/lib/quests/today";
import { nextLocalTime, parseLocalTime, weekday, type DayKey } from "@/lib/time/rules";

export const NOTIFICATION_KINDS = [
  "QUEST_REMINDER",
  "LAST_CHANCE",
  "PENALTY_OPENED",
  "PENALTY_CLOSING",
  "LEVEL_UP",
  "RANK_UP",
  "ACHIEVEMENT",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A push is worth delivering for this long after it fell due, and never past the end of its System day. */
export const PUSH_WINDOW_MINUTES = 60;
/** The last-chance warning, local time. */
export const LAST_CHANCE_TIME = "20:00";
/** "Penalty Zone closes in 1 hour". */
export const PENALTY_WARNING_MINUTES = 60;
/** Inbox events older than this when first read are not brought into the inbox. */
export const INBOX_LOOKBACK_DAYS = 7;
export const INBOX_SIZE = 50;
/** Devices a Hunter may subscribe; one more replaces the one not seen for longest. */
export const MAX_DEVICES = 10;
/** A push refused this many times for a while (429, 5xx, timeouts) is given up within its window. */
export const MAX_PUSH_ATTEMPTS = 5;
export const REMINDER_RETENTION_DAYS = 8;
export const INBOX_RETENTION_DAYS = 90;

/** Which of the Hunter's switches governs each kind. */
const SWITCH: Record<NotificationKind, NotificationType> = {
  QUEST_REMINDER: "reminders",
  LAST_CHANCE: "lastChance",
  PENALTY_OPENED: "penalty",
  PENALTY_CLOSING: "penalty",
  LEVEL_UP: "levelUp",
  RANK_UP: "levelUp",
  ACHIEVEMENT: "achievements",
};

/** Level-ups, Rank Trials and achievements live in the in-app inbox; the rest are pushed only. */
export function isInboxKind(kind: NotificationKind): boolean {
  return kind === "LEVEL_UP" || kind === "RANK_UP" || kind === "ACHIEVEMENT";
}

/** Whether a local minute of the day falls in quiet hours, which may run past midnight (22:00–07:00). */
export function isQuietMinute(minuteOfDay: number, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = parseLocalTime(quiet.start);
  const end = parseLocalTime(quiet.end);
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/** Penalty Zone warnings arrive in quiet hours too, unless the Hunter said otherwise. */
export function ignoresQuietHours(kind: NotificationKind, prefs: NotificationPrefs): boolean {
  return SWITCH[kind] === "penalty" && prefs.penaltyInQuietHours;
}

/** Whether a push of this kind may go out at this local minute: switched on, and not held by quiet hours. */
export function mayPush(kind: NotificationKind, prefs: NotificationPrefs, localMinute: number): boolean {
  if (!prefs[SWITCH[kind]]) return false;
  return ignoresQuietHours(kind, prefs) || !isQuietMinute(localMinute, prefs.quietHours);
}

/** The earliest of the instants given (null ones ignored): where a push's window ends. */
export function earliest(...instants: (Date | null)[]): Date {
  const times = instants.flatMap((instant) => (instant ? [instant.getTime()] : []));
  return new Date(Math.min(...times));
}

/** Where a push's window ends: its own end, or quiet hours beginning first (unless the kind ignores them). */
export function pushWindowEnd(
  end: Date,
  kind: NotificationKind,
  prefs: NotificationPrefs,
  timeZone: string,
  now: Date,
): Date {
  const quiet = prefs.quietHours && !ignoresQuietHours(kind, prefs) ? prefs.quietHours : null;
  return earliest(end, quiet ? nextLocalTime([quiet.start], timeZone, now) : null);
}

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

/**
 * Whether a quest's reminder is worth sending on its day: a daily due and not complete, an open to-do, a good habit
 * not tapped yet. Never for a daily that is done, not due, or resting (the day's state says so), nor for a bad habit.
 */
export function needsReminder(quest: Pick<QuestOnDay, "kind" | "positive">, day: QuestToday): boolean {
  switch (quest.kind) {
    case "DAILY":
      return day.dueToday && !day.completeToday;
    case "ONE_TIME":
      return !day.done;
    case "HABIT":
      return quest.positive && day.completionsToday === 0;
    default:
      return false;
  }
}

/**
 * Whether a daily would fail its day if the day ended now (the last-chance count): due and not complete, or on a
 * Sunday a weekly quota still short. A limit (at most) is judged at settlement and never counts as open.
 */
export function isOpenAtDayEnd(
  quest: Pick<QuestOnDay, "kind" | "schedule" | "target"> & { createdDay: DayKey },
  day: DayKey,
  today: QuestToday,
): boolean {
  if (quest.kind !== "DAILY" || !quest.schedule || quest.createdDay > day) return false;
  if (quest.target?.direction === "AT_MOST") return false;
  if (quest.schedule.type === "TIMES_PER_WEEK") return weekday(day) === 7 && today.dueToday;
  return today.dueToday && !today.completeToday;
}

/** The Web Push topic: a newer push with the same topic replaces one the device has not received yet. */
export function topicFor(kind: NotificationKind, subject: string): string {
  if (kind === "QUEST_REMINDER") return `q-${subject}`.replace(/[^\w-]/g, "").slice(0, 32);
  if (kind === "LAST_CHANCE") return "last-chance";
  if (kind === "PENALTY_OPENED" || kind === "PENALTY_CLOSING") return "penalty";
  return "inbox";
}

/** How urgently push services should wake the device. */
export function urgencyFor(kind: NotificationKind): "high" | "normal" | "low" {
  if (kind === "PENALTY_OPENED" || kind === "PENALTY_CLOSING" || kind === "LAST_CHANCE") return "high";
  return isInboxKind(kind) ? "low" : "normal";
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export type Message = { title: string; body: string };

/** A quest reminder in the System's voice, with where the quest stands today. */
export function questReminderMessage(
  quest: Pick<QuestOnDay, "kind" | "timesPerDay" | "target" | "dueDay"> & { title: string },
  day: QuestToday & { day: DayKey },
): Message {
  const title = `[SYSTEM] ${quest.title}`;
  if (quest.kind === "ONE_TIME") {
    const due = quest.dueDay === day.day ? " It is due today." : day.overdue ? " It is overdue." : "";
    return { title, body: `A quest awaits completion.${due}` };
  }
  if (quest.kind === "HABIT") return { title, body: "The System is watching: record it when you do it." };
  if (day.progress && quest.target?.direction === "AT_LEAST") {
    const { value, target, unit } = day.progress;
    return {
      title,
      body: `Daily quest: ${value.toLocaleString("en")} / ${target.toLocaleString("en")} ${unit} so far.`,
    };
  }
  if (day.progress)
    return { title, body: `Daily limit: stay within ${day.progress.target} ${day.progress.unit} today.` };
  if (day.weekProgress) {
    return { title, body: `Weekly quest: ${day.weekProgress.done} of ${day.weekProgress.required} done this week.` };
  }
  if (quest.timesPerDay > 1) {
    return { title, body: `Daily quest: ${day.completionsToday} of ${quest.timesPerDay} done today.` };
  }
  return { title, body: "Daily quest incomplete. Complete it before the day ends." };
}

/** "3 daily quests remain. The Penalty Zone opens at 00:00." — or a shield is spent instead. */
export function lastChanceMessage(open: number, dayEnds: string, shields: number): Message {
  const remain = `${plural(open, "daily quest remains", "daily quests remain")}.`;
  const then = shields > 0 ? `A shield will be spent at ${dayEnds}.` : `The Penalty Zone opens at ${dayEnds}.`;
  return { title: "[SYSTEM] Last chance", body: `${remain} ${then}` };
}

export function penaltyOpenedMessage(required: number, deadline: string): Message {
  return {
    title: "[SYSTEM] Penalty Zone",
    body: `Survival Quest: complete ${plural(required, "quest", "quests")} by ${deadline}.`,
  };
}

export function penaltyClosingMessage(progress: number, required: number): Message {
  return {
    title: "[SYSTEM] The Penalty Zone closes in 1 hour",
    body: `${progress} of ${required} quests done. Survive.`,
  };
}

export function levelUpMessage(level: number): Message {
  return { title: "[SYSTEM] Level up!", body: `You are now level ${level}. Stat points await.` };
}

export function rankUpMessage(rank: string): Message {
  const article = /^[AES]/.test(rank) ? "an" : "a";
  return { title: "[SYSTEM] Rank Trial passed", body: `You are now ${article} ${rank}-Rank Hunter.` };
}

export function achievementMessage(achievement: { name: string; description: string } | undefined): Message {
  return {
    title: `[SYSTEM] Achievement unlocked${achievement ? `: ${achievement.name}` : ""}`,
    body: achievement?.description ?? "A new achievement is yours.",
  };
}
