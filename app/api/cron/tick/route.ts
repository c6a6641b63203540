import { cronRoute, runRedisRepair, runRollover, runWeeklyReports } from "@/lib/cron/handlers";
import { runNotifications } from "@/lib/notifications/cron";

export const maxDuration = 60;

/**
 * Every scheduled job behind one endpoint: Vercel Cron calls it with GET (daily on Hobby, as often as wanted on
 * Pro), an Upstash QStash schedule with POST (any interval, any plan). Each job is idempotent, so overlapping
 * ticks are harmless. The rollover goes first (it checks the query, and a Penalty Zone it opens is announced in the
 * same tick); notifications get what the rollover leaves of the minute.
 */
const tick = cronRoute(async (request) => {
  const startedAt = Date.now();
  return {
    rollover: await runRollover(request),
    notifications: await runNotifications({ budgetMs: 12_000 }),
    reports: await runWeeklyReports(startedAt),
    redisRepair: await runRedisRepair(),
  };
});

export const GET = tick;
export const POST = tick;
