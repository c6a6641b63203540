import { cronRoute, runRollover, runWeeklyReports } from "@/lib/cron/handlers";

export const maxDuration = 60;

/**
 * Every scheduled job behind one endpoint: Vercel Cron calls it with GET (daily on Hobby, as often as wanted on
 * Pro), an Upstash QStash schedule with POST (any interval, any plan). Each job is idempotent, so overlapping
 * ticks are harmless.
 */
const tick = cronRoute(async (request) => {
  const startedAt = Date.now();
  return { rollover: await runRollover(request), reports: await runWeeklyReports(startedAt) };
});

export const GET = tick;
export const POST = tick;
