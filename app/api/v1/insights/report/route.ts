import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { parseWith, searchParamsOf } from "@/lib/http";
import { reportQuerySchema } from "@/lib/insights/schemas";
import { getReport } from "@/lib/insights/service";

/** The weekly System Report (default: the last completed week); reading one unlocks "Know Thyself". */
export const GET = playerRoute(async ({ request, playerId, now }) => {
  const { week } = parseWith(reportQuerySchema, searchParamsOf(request));
  const { weeks, ...report } = await getReport(playerId, now, week);
  return Response.json({ ...report, weeks });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
