import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { parseWith, searchParamsOf } from "@/lib/http";
import { dayRangeSchema } from "@/lib/time/schemas";
import { getStrengthSeries } from "@/lib/quests/queries";

export const GET = playerRoute<{ id: string }>(async ({ request, playerId, params }) => {
  const { from, to } = parseWith(dayRangeSchema, searchParamsOf(request));
  return Response.json(await getStrengthSeries(playerId, params.id, from, to));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
