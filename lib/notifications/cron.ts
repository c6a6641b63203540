import "server-only";
import { db } from "@/lib/db";
import { readClocks } from "@/lib/notifications/clocks";
import { deliverPending, type DeliveryReport } from "@/lib/notifications/deliver";
import { materializeInbox, pushInboxEvents } from "@/lib/notifications/inbox";
import { planLastChance } from "@/lib/notifications/last-chance";
import { planPenaltyWarnings } from "@/lib/notifications/penalty-warnings";
import { planQuestReminders, type PlanReport } from "@/lib/notifications/quest-reminders";
import {
  INBOX_RETENTION_DAYS,
  minutesAfter,
  PUSH_WINDOW_MINUTES,
  REMINDER_RETENTION_DAYS,
} from "@/lib/notifications/rules";

export type NotificationRun = {
  reminders: PlanReport;
  lastChance: PlanReport;
  penalties: PlanReport;
  /** Inbox events brought in, and those of them queued to push. */
  inbox: { added: number; queued: number };
  delivery: DeliveryReport;
  pruned: number;
  /** Where the time went: deciding what is due, and delivering it. */
  ms: { plan: number; deliver: number };
};

export type NotificationOptions = {
  /** The tick's instant (real time); each player is judged on their own clock from it. */
  now?: Date;
  budgetMs?: number;
  timeoutMs?: number;
  concurrency?: number;
  perOrigin?: number;
  batchSize?: number;
};

const DAY_MINUTES = 1_440;

/** Old reminder rows (their unique keys are days past) and old inbox items go; at most 5,000 a tick. */
async function prune(now: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Notification" WHERE id IN (
      SELECT id FROM "Notification"
      WHERE "createdAt" < ${minutesAfter(now, -REMINDER_RETENTION_DAYS * DAY_MINUTES)}::timestamp
        AND (NOT inbox OR "createdAt" < ${minutesAfter(now, -INBOX_RETENTION_DAYS * DAY_MINUTES)}::timestamp)
      LIMIT 5000)`;
}

/**
 * The notification job of the tick (docs/rules.md "Reminders"): decides what has fallen due — quest reminders,
 * the last-chance warning, Penalty Zone warnings, new inbox events — each through an index on its instant, records
 * each once, then delivers everything pending. Idempotent: overlapping or repeated ticks send nothing twice.
 */
export async function runNotifications(options: NotificationOptions = {}): Promise<NotificationRun> {
  const now = options.now ?? new Date();
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const batchSize = options.batchSize ?? 500;
  const started = Date.now();
  const clocks = await readClocks(now);
  const reminders = await planQuestReminders(clocks, { batchSize, deadline });
  const lastChance = await planLastChance(clocks, { batchSize, deadline });
  const penalties = await planPenaltyWarnings(clocks);
  const added = await materializeInbox({ since: minutesAfter(now, -PUSH_WINDOW_MINUTES) });
  const inbox = { added, queued: await pushInboxEvents(clocks, batchSize) };
  const planned = Date.now();
  const delivery = await deliverPending({
    now,
    deadline,
    timeoutMs: options.timeoutMs ?? 5_000,
    concurrency: options.concurrency ?? 32,
    perOrigin: options.perOrigin ?? 8,
    batchSize,
  });
  const ms = { plan: planned - started, deliver: Date.now() - planned };
  return { reminders, lastChance, penalties, inbox, delivery, pruned: await prune(now), ms };
}
