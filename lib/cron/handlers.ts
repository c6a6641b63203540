import "server-only";
import { z } from "zod";
import { publicRoute } from "@/lib/api/handlers";
import { authoriseCron } from "@/lib/cron/auth";
import { rolloverAll, type RolloverRun } from "@/lib/cron/rollover";
import { parseWith, searchParamsOf } from "@/lib/http";
import { repairRedis, type RepairRun } from "@/lib/player/cache";
import { env } from "@/lib/env";
import { prepareWeeklyReports, type ReportRun } from "@/lib/insights/cron";

/** A scheduled job's route: authorised by authoriseCron, the job's result as JSON, errors in the one shape. */
export function cronRoute(job: (request: Request) => Promise<unknown>) {
  return publicRoute(async (request) => {
    await authoriseCron(request);
    return Response.json(await job(request), { headers: { "Cache-Control": "no-store" } });
  });
}

const rolloverQuery = z.strictObject({
  cursor: z.string().max(64).optional(),
  batchSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** The rollover backstop, resumable from `?cursor=`; stops within the function's time limit. */
export function runRollover(request: Request): Promise<RolloverRun> {
  const { cursor, batchSize } = parseWith(rolloverQuery, searchParamsOf(request));
  return rolloverAll({ cursor, batchSize, budgetMs: 45_000 });
}

/** Redis catch-up for writes it missed while unreachable (a backstop for processes that never saw it return). */
export function runRedisRepair(): Promise<RepairRun> {
  return repairRedis(new Date(), 10_000);
}

/** The tick's time in all: Vercel's maxDuration of the tick route (60 s) less a margin. */
const TICK_BUDGET_MS = 55_000;

/**
 * Weekly System Reports for Hunters who opted in, in the time the tick has left once the rollover is done. A model
 * call under way may take AI_TIMEOUT_MS more, so that much is kept in hand; what is left over waits for the next tick.
 */
export function runWeeklyReports(tickStartedAt: number): Promise<ReportRun> {
  const left = TICK_BUDGET_MS - (Date.now() - tickStartedAt) - env().AI_TIMEOUT_MS;
  return prepareWeeklyReports({ budgetMs: Math.max(0, left) });
}
