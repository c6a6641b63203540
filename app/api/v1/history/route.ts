import { playerRoute } from "@/lib/api/handlers";
import { getHistory } from "@/lib/days/queries";
import { parseWith, searchParamsOf } from "@/lib/http";
import { dayRangeSchema } from "@/lib/time/schemas";

export const GET = playerRoute(async ({ request, playerId }) => {
  const { from, to } = parseWith(dayRangeSchema, searchParamsOf(request));
  return Response.json({ days: await getHistory(playerId, from, to) });
});
