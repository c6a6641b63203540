import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { getHistory } from "@/lib/days/queries";
import { parseWith, searchParamsOf } from "@/lib/http";
import { dayRangeSchema } from "@/lib/time/schemas";

export const GET = playerRoute(async ({ request, playerId }) => {
  const { from, to } = parseWith(dayRangeSchema, searchParamsOf(request));
  return Response.json({ days: await getHistory(playerId, from, to) });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
