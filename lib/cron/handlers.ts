import "server-only";
import { z } from "zod";
import { publicRoute } from "@/lib/api/handlers";
import { authoriseCron } from "@/lib/cron/auth";
import { rolloverAll, type RolloverRun } from "@/lib/cron/rollover";
import { parseWith, searchParamsOf } from "@/lib/http";

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
